// The demo simulation: rates by population, hour and weekday; incidents drawn per hour bucket.
#include "demo/demo_simulator.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "demo/demo_scenario.hpp"
#include "demo/demo_simulator_internal.hpp"

namespace tsur::net {

using model::Channel;
using model::Sector;
using model::TimePoint;

namespace {

constexpr double kKmPerDegree = 111.32;
constexpr double kUdmurtiaResidents = 1.45e6;
constexpr std::int64_t kMaxLifetimeHours = 40 * 24;  // every incident is closed by then

bool is_winter_month(unsigned month) { return month >= 11 || month <= 3; }

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

/// Replaces the trailing adjective of "Алнашский район" to read "Администрация Алнашского района".
std::string admin_name(const model::Municipality& m) {
    static constexpr std::string_view kDistrict = "ий район";
    const std::string_view name = m.name_ru;
    if (!m.urban && name.ends_with(kDistrict)) {
        return "Администрация " + std::string{name.substr(0, name.size() - kDistrict.size())} +
               "ого района";
    }
    const std::string prefix = "Администрация г. ";
    // Compound or indeclinable names (Ростов-на-Дону, Сочи, Нижний Новгород) stay in apposition.
    if (name.find_first_of(" -") != std::string_view::npos) return prefix + std::string{name};
    const auto stem = [&](std::size_t cut) {
        return std::string{name.substr(0, name.size() - cut)};
    };
    if (name.ends_with("а")) {
        // Москва -> Москвы, but after к, г, х and sibilants -> и (Можга -> Можги).
        const std::string_view before = name.substr(0, name.size() - 2);
        bool soft = false;
        for (const std::string_view c : {"к", "г", "х", "ж", "ш", "ч", "щ"})
            soft |= before.ends_with(c);
        return prefix + stem(2) + (soft ? "и" : "ы");
    }
    if (name.ends_with("ь")) return prefix + stem(2) + "и";  // Пермь -> Перми
    for (const std::string_view v : {"о", "е", "и", "ы", "й", "я", "у", "ю", "э"}) {
        if (name.ends_with(v)) return prefix + std::string{name};
    }
    return prefix + std::string{name} + "а";
}

/// The scenario's agencies are Udmurt ("Минтранс УР", "ОСФР по УР"); elsewhere they lose the
/// republic's abbreviation rather than name another region's ministry wrongly.
std::string regional_agency(std::string_view name, std::string_view region_code) {
    if (region_code == "RU-UD") return std::string{name};
    for (const std::string_view suffix : {std::string_view{" по УР"}, std::string_view{" УР"}}) {
        if (name.ends_with(suffix)) return std::string{name.substr(0, name.size() - suffix.size())};
    }
    return std::string{name};
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

std::vector<std::vector<model::GeoPoint>> outer_rings(const model::RegionGeometry& geometry) {
    std::vector<std::vector<model::GeoPoint>> rings;
    for (const auto& feature : geometry.outline) {
        for (const auto& polygon : feature.polygons) {
            const std::size_t end =
                polygon.ring_starts.size() > 1 ? polygon.ring_starts[1] : polygon.points.size();
            rings.emplace_back(polygon.points.begin(),
                               polygon.points.begin() + static_cast<std::ptrdiff_t>(end));
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
        agency_name_.push_back(regional_agency(a.name, region_->code));
    }
    benefits_agency_ = regional_agency("ОСФР по УР", region_->code);
    for (std::size_t i = 0; i < n; ++i) {
        admin_name_.push_back(admin_name(munis[i]));
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
        for (const auto& ring : options_.boundary) {
            for (std::size_t k = 0; k < ring.size(); ++k) {
                const auto& next = ring[(k + 1) % ring.size()];
                sc.safe_km =
                    std::min(sc.safe_km, distance_to_segment_km(munis[i].centre, ring[k], next));
            }
        }
        scatter_.push_back(sc);
    }
}

DemoSimulator::Run DemoSimulator::run(TimePoint now) const {
    Run r;
    r.now = now;
    r.history_days = std::max(options_.history_days, 1);
    const TimePoint today = model::local_midnight(now, region_->utc_offset);
    r.history_start = today - std::chrono::days{r.history_days - 1};
    r.history.assign(static_cast<std::size_t>(r.history_days) * region_->municipalities.size() *
                         model::kSectorCount,
                     0);
    if (region_->municipalities.empty()) return r;
    const auto hour_of = [](TimePoint t) {
        return std::chrono::floor<std::chrono::hours>(t).time_since_epoch().count();
    };
    // Incidents older than the history but still in the snapshot need their buckets too.
    const TimePoint closed_horizon =
        now - std::chrono::days{options_.closed_days} - std::chrono::hours{kMaxLifetimeHours};
    const std::int64_t first = std::min(hour_of(r.history_start), hour_of(closed_horizon));
    const std::int64_t last = hour_of(now);
    for (std::int64_t h = first; h <= last; ++h) draw_bucket(r, h, now);
    return r;
}

void DemoSimulator::draw_bucket(Run& r, std::int64_t hour, TimePoint now) const {
    const TimePoint start{std::chrono::hours{hour}};
    const auto local = model::to_local(start, region_->utc_offset);
    const bool winter = is_winter_month(static_cast<unsigned>(local.month));
    const double lambda = options_.daily_incidents * options_.scale * volume_ / 24.0 *
                          demo::hour_profile()[static_cast<std::size_t>(local.hour)] *
                          demo::weekday_profile()[static_cast<std::size_t>(local.weekday)];
    std::uint64_t bucket_rng = demo::seed_of(options_.seed, 0, hour, 0xB0C4E7);
    const int count = demo::poisson(bucket_rng, lambda);
    for (int i = 0; i < count; ++i) draw_incident(r, hour, winter, 0, i, -1, -1, now);

    const TimePoint today = model::local_midnight(now, region_->utc_offset);
    const auto spikes = demo::spikes();
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        const int muni = spike_muni_[k];
        if (muni < 0) continue;
        if (start < today - std::chrono::days{spikes[k].days - 1}) continue;
        const auto sector = model::index_of(spikes[k].sector);
        const double extra = lambda * muni_weight_[static_cast<std::size_t>(muni)] *
                             sector_share_[winter][static_cast<std::size_t>(muni)][sector] *
                             (spikes[k].factor - 1.0);
        std::uint64_t spike_rng = demo::seed_of(options_.seed, k + 1, hour, 0xB0C4E7);
        const int extra_count = demo::poisson(spike_rng, extra);
        for (int i = 0; i < extra_count; ++i) {
            draw_incident(r, hour, winter, static_cast<int>(k + 1), i, muni,
                          static_cast<int>(sector), now);
        }
    }
}

bool DemoSimulator::draw_incident(Run& r, std::int64_t hour, bool winter, int stream, int index,
                                  int forced_muni, int forced_sector, TimePoint now) const {
    std::uint64_t rng = demo::seed_of(options_.seed, static_cast<std::uint64_t>(stream), hour,
                                      static_cast<std::uint64_t>(index));
    Sim s;
    s.hour = hour;
    s.index = static_cast<std::uint32_t>(index);
    s.stream = static_cast<std::uint8_t>(stream);
    s.created = TimePoint{std::chrono::hours{hour}} +
                model::Seconds{static_cast<int>(demo::uniform(rng) * 3600.0)};
    if (s.created > now) return false;
    s.muni = static_cast<model::MunicipalityIndex>(forced_muni >= 0
                                                       ? static_cast<std::size_t>(forced_muni)
                                                       : demo::pick(muni_cum_, demo::uniform(rng)));
    s.sector = static_cast<Sector>(
        forced_sector >= 0 ? static_cast<std::size_t>(forced_sector)
                           : demo::pick(sector_cum_[winter][s.muni], demo::uniform(rng)));
    const auto day = std::chrono::floor<std::chrono::days>(s.created - r.history_start).count();
    if (day >= 0 && day < r.history_days) {
        const std::size_t cell =
            (static_cast<std::size_t>(day) * region_->municipalities.size() + s.muni) *
                model::kSectorCount +
            model::index_of(s.sector);
        ++r.history[cell];
    }

    static const auto kChannelCum = [] {
        std::array<double, model::kChannelCount> cum{};
        double acc = 0;
        for (std::size_t c = 0; c < cum.size(); ++c) cum[c] = acc += demo::channel_mix()[c];
        return cum;
    }();
    s.channel = static_cast<Channel>(demo::pick(kChannelCum, demo::uniform(rng)));

    // Nominal answer times: 24 h for social posts and media (docs/domain.md), 10 days on the
    // platform, 30 days for letters (59-FZ); hotline and app are this demo's own choice.
    const bool fast = model::is_social(s.channel) || s.channel == Channel::media;
    double nominal_h = 24.0;
    if (s.channel == Channel::pos) nominal_h = 240.0;
    if (s.channel == Channel::hotline) nominal_h = 72.0;
    if (s.channel == Channel::app) nominal_h = 120.0;
    if (s.channel == Channel::letter) nominal_h = 720.0;
    s.explicit_due = (fast || s.channel == Channel::pos) && s.channel != Channel::media &&
                     demo::uniform(rng) < 0.5;
    const double fate = demo::uniform(rng);
    const double u = demo::uniform(rng);
    const double p_overdue = fast ? 0.03 : 0.04;
    const double p_late = fast ? 0.09 : 0.11;
    double delay_h;
    if (fate < p_overdue) {
        delay_h = nominal_h * (2.0 + 12.0 * u);
    } else if (fate < p_overdue + p_late) {
        delay_h = nominal_h * (1.02 + 0.8 * u);
    } else {
        delay_h = nominal_h * (fast ? 0.02 + 0.9 * u * u * u : 0.05 + 0.9 * std::pow(u, 1.5));
    }
    delay_h = std::clamp(delay_h, 0.02, static_cast<double>(kMaxLifetimeHours) - 1.0);
    const model::Seconds delay{static_cast<std::int64_t>(delay_h * 3600.0)};
    s.answered = s.created + delay;
    s.taken =
        s.created + model::Seconds{static_cast<std::int64_t>(static_cast<double>(delay.count()) *
                                                             (0.05 + 0.25 * demo::uniform(rng)))};
    s.nominal_due = s.created + model::Seconds{static_cast<std::int64_t>(nominal_h * 3600.0)};
    const double outcome = demo::uniform(rng);
    s.final_status = outcome < 0.48   ? model::Status::answered
                     : outcome < 0.88 ? model::Status::resolved
                                      : model::Status::rejected;

    const bool open = s.answered > now;
    const bool recently_closed = s.answered >= now - std::chrono::days{options_.closed_days};
    if (!open && !recently_closed) return false;
    s.rng = rng;
    r.incidents.push_back(s);
    return true;
}

}  // namespace tsur::net
