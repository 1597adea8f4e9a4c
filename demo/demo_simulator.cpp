// The demo simulation's set-up: intake weights by population, sector and title mixes per season,
// spikes placed in the region, names and scatter discs per municipality.
#include "demo/demo_simulator.hpp"

#include <algorithm>
#include <cmath>

#include "demo/demo_scenario.hpp"
#include "demo/demo_simulator_internal.hpp"
#include "demo/place_names.hpp"

namespace tsur::net {

using model::Sector;

namespace {

using demo::kKmPerDegree;

constexpr double kUdmurtiaResidents = 1.45e6;

/// km between two nearby points (equirectangular: fine at a region's scale).
double distance_km(model::GeoPoint a, model::GeoPoint b) {
    const double kx = kKmPerDegree * std::cos((a.lat + b.lat) * 0.5 * 3.141592653589793 / 180.0);
    const double dx = (b.lon - a.lon) * kx;
    const double dy = (b.lat - a.lat) * kKmPerDegree;
    return std::sqrt(dx * dx + dy * dy);
}

double distance_to_segment_km(model::GeoPoint p, model::GeoPoint a, model::GeoPoint b) {
    const double kx = kKmPerDegree * std::cos(p.lat * 3.141592653589793 / 180.0);
    const double ax = (a.lon - p.lon) * kx, ay = (a.lat - p.lat) * kKmPerDegree;
    const double bx = (b.lon - p.lon) * kx, by = (b.lat - p.lat) * kKmPerDegree;
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
    const double cx = ax + t * dx, cy = ay + t * dy;
    return std::sqrt(cx * cx + cy * cy);
}

/// Population the intake is weighted by. The assets give only the centre's population, which
/// for a rural okrug misses its villages and for a district run from a city is the city's.
double intake_weight(const model::Region& region, std::size_t i, bool run_from_city) {
    const auto& m = region.municipalities[i];
    if (m.population) return static_cast<double>(*m.population);
    const auto centre = static_cast<double>(m.centre_population);
    if (m.urban) return std::max(centre, 1000.0);
    if (run_from_city) return 20000.0;
    return std::clamp(2.5 * centre, 12000.0, 45000.0);
}

}  // namespace

std::vector<model::GeoPolygon> outer_rings(const model::RegionGeometry& geometry) {
    std::vector<model::GeoPolygon> rings;
    for (const auto& feature : geometry.outline) {
        for (const auto& polygon : feature.polygons) {
            const std::size_t end =
                polygon.ring_starts.size() > 1 ? polygon.ring_starts[1] : polygon.points.size();
            model::GeoPolygon& ring = rings.emplace_back();
            ring.points.assign(polygon.points.begin(),
                               polygon.points.begin() + static_cast<std::ptrdiff_t>(end));
            ring.ring_starts = {0};
        }
    }
    return rings;
}

DemoSimulator::DemoSimulator(std::shared_ptr<const model::Region> region, SimulatorOptions options)
    : region_(std::move(region)), options_(std::move(options)) {
    const auto& munis = region_->municipalities;
    const std::size_t n = munis.size();
    const auto dash = region_->code.find('-');
    id_prefix_ = (dash == std::string::npos ? region_->code : region_->code.substr(dash + 1)) + "-";

    std::vector<bool> run_from_city(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n && !munis[i].urban; ++j) {
            if (munis[j].urban && distance_km(munis[i].centre, munis[j].centre) < 0.5) {
                run_from_city[i] = true;
            }
        }
    }

    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        muni_weight_.push_back(intake_weight(*region_, i, run_from_city[i]));
        total += muni_weight_.back();
        muni_cum_.push_back(total);
    }
    for (auto& w : muni_weight_) w /= total;
    // The scenario's rate is Udmurtia's (about 1.45 million residents). Another region's demo
    // scales it by the population its places carry, so Chukotka is quiet and Moscow busy.
    if (region_->code != "RU-UD") volume_ = std::clamp(total / kUdmurtiaResidents, 0.05, 8.0);

    const auto titles = demo::title_templates();
    for (int winter = 0; winter < 2; ++winter) {
        const auto season = winter ? demo::Season::winter : demo::Season::summer;
        for (std::size_t i = 0; i < n; ++i) {
            std::array<double, model::kSectorCount> weights{};
            std::array<std::string_view, model::kSectorCount> focus{};
            std::array<double, model::kSectorCount> focus_factor{};
            for (std::size_t s = 0; s < model::kSectorCount; ++s) {
                weights[s] = demo::sector_mix()[s] * demo::season_factor(Sector(s), season);
                focus_factor[s] = 1.0;
            }
            // Roads are a complaint everywhere, and more so outside the cities.
            if (!munis[i].urban) weights[model::index_of(Sector::roads)] *= 1.3;
            for (const auto& p : demo::local_patterns()) {
                if (p.municipality != munis[i].id) continue;
                weights[model::index_of(p.sector)] *= p.sector_factor;
                focus[model::index_of(p.sector)] = p.focus_category;
                focus_factor[model::index_of(p.sector)] = p.focus_factor;
            }
            SectorCum cum{};
            double acc = 0, sum = 0;
            for (double w : weights) sum += w;
            SectorCum share{};
            for (std::size_t s = 0; s < model::kSectorCount; ++s) {
                acc += weights[s];
                cum[s] = acc;
                share[s] = weights[s] / sum;
            }
            sector_cum_[winter].push_back(cum);
            sector_share_[winter].push_back(share);
            for (std::size_t s = 0; s < model::kSectorCount; ++s) {
                std::vector<std::pair<double, std::uint16_t>> list;
                double t_acc = 0;
                for (std::size_t t = 0; t < titles.size(); ++t) {
                    const auto& tt = titles[t];
                    if (model::index_of(tt.sector) != s) continue;
                    if (tt.season != demo::Season::any && tt.season != season) continue;
                    double w = tt.weight;
                    if (!focus[s].empty() && tt.category == focus[s]) w *= focus_factor[s];
                    t_acc += w;
                    list.emplace_back(t_acc, static_cast<std::uint16_t>(t));
                }
                title_cum_[winter].push_back(std::move(list));
            }
        }
    }

    // The scenario's spikes name Udmurt municipalities; in another region spike k lands on its
    // (k+2)-th heaviest town, so every region's demo shows rising trends away from the capital.
    std::vector<std::size_t> by_weight(n);
    for (std::size_t i = 0; i < n; ++i) by_weight[i] = i;
    std::stable_sort(by_weight.begin(), by_weight.end(), [&](std::size_t a, std::size_t b) {
        return muni_weight_[a] > muni_weight_[b];
    });
    const auto spikes = demo::spikes();
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        const auto& spike = spikes[k];
        const auto idx = region_->find(spike.municipality);
        const std::size_t rank = std::min(k + 1, n - 1);
        spike_muni_.push_back(idx ? static_cast<int>(*idx) : static_cast<int>(by_weight[rank]));
        std::vector<std::pair<double, std::uint16_t>> list;
        double acc = 0;
        for (std::size_t t = 0; t < titles.size(); ++t) {
            if (titles[t].sector != spike.sector || titles[t].category != spike.category) continue;
            acc += titles[t].weight;
            list.emplace_back(acc, static_cast<std::uint16_t>(t));
        }
        spike_titles_.push_back(std::move(list));
    }

    for (const auto& a : demo::agency_choices()) {
        agency_name_.push_back(demo::regional_agency(a.name, region_->code));
    }
    benefits_agency_ = demo::regional_agency("ОСФР по УР", region_->code);
    for (std::size_t i = 0; i < n; ++i) {
        admin_name_.push_back(demo::admin_name(munis[i]));
        Scatter sc;
        if (munis[i].urban) {
            // A city of Izhevsk's size spreads over 6 km; the radius grows with the square root
            // of population, so Moscow covers ~20 km (a federal city's pack is the city alone).
            const double share = static_cast<double>(munis[i].centre_population) / 631038.0;
            sc.outer_km = std::min(25.0, 1.5 + 4.5 * std::sqrt(std::max(share, 0.0)));
        } else if (run_from_city[i]) {
            // The district surrounds the city that runs it: keep its incidents out of town.
            sc.inner_km = 6.0;
            sc.outer_km = 15.0;
        } else {
            sc.outer_km = 15.0;
            sc.village_share = 0.35;
        }
        for (const auto& polygon : options_.boundary) {
            const auto& ring = polygon.points;
            for (std::size_t k = 0; k < ring.size(); ++k) {
                const auto& next = ring[(k + 1) % ring.size()];
                sc.safe_km =
                    std::min(sc.safe_km, distance_to_segment_km(munis[i].centre, ring[k], next));
            }
        }
        scatter_.push_back(sc);
    }
}

}  // namespace tsur::net
