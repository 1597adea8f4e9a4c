// What only emitted incidents need: a title from the scenario's templates, a place scattered
// around the municipality's centre (kept inside the region), and the agency that answers.
#include <algorithm>
#include <cmath>

#include "demo/demo_scenario.hpp"
#include "demo/demo_simulator.hpp"
#include "demo/demo_simulator_internal.hpp"
#include "model/polygon_measure.hpp"

namespace tsur::net {
namespace {

using demo::kKmPerDegree;
constexpr double kPi = 3.141592653589793;

std::size_t pick_pair(const std::vector<std::pair<double, std::uint16_t>>& cum, double u) {
    const double target = u * cum.back().first;
    std::size_t i = 0;
    while (i + 1 < cum.size() && cum[i].first <= target) ++i;
    return i;
}

std::string fill_template(std::string_view text, std::string_view street, int house, int route) {
    std::string out;
    out.reserve(text.size() + 24);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}') {
            const char key = text[i + 1];
            if (key == 's') out += street;
            if (key == 'n') out += std::to_string(house);
            if (key == 'r') out += std::to_string(route);
            i += 2;
            continue;
        }
        out.push_back(text[i]);
    }
    return out;
}

}  // namespace

bool DemoSimulator::inside_boundary(model::GeoPoint p) const {
    // Each outer ring is its own polygon, so the region is their union: two rings that overlap
    // do not cancel out as the rings of one polygon would.
    return options_.boundary.empty() ||
           std::any_of(options_.boundary.begin(), options_.boundary.end(),
                       [p](const model::GeoPolygon& ring) { return model::contains(ring, p); });
}

model::GeoPoint DemoSimulator::scatter(std::uint64_t& rng, model::MunicipalityIndex muni) const {
    const auto& sc = scatter_[muni];
    const auto centre = region_->municipalities[muni].centre;
    const double kx = kKmPerDegree * std::cos(centre.lat * kPi / 180.0);
    // A few tries keep border municipalities' points inside the region; the centre always is.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const double u = demo::uniform(rng);
        const double v = demo::uniform(rng);
        const double angle = 2.0 * kPi * demo::uniform(rng);
        const double r_km =
            u < sc.village_share
                ? 1.5 * std::sqrt(v)
                : std::sqrt(sc.inner_km * sc.inner_km +
                            v * (sc.outer_km * sc.outer_km - sc.inner_km * sc.inner_km));
        const model::GeoPoint p{centre.lat + r_km * std::sin(angle) / kKmPerDegree,
                                centre.lon + r_km * std::cos(angle) / kx};
        if (r_km < sc.safe_km || inside_boundary(p)) return p;
    }
    return centre;
}

DemoSimulator::Details DemoSimulator::details(const Sim& s) const {
    Details d;
    std::uint64_t rng = s.rng;
    const double p = demo::uniform(rng);
    const bool urgent_sector =
        s.sector == model::Sector::energy || s.sector == model::Sector::housing;
    const double critical = urgent_sector ? 0.03 : 0.01;
    d.priority = p < critical          ? model::Priority::critical
                 : p < critical + 0.12 ? model::Priority::high
                 : p > 0.90            ? model::Priority::low
                                       : model::Priority::normal;

    const auto local = model::to_local(s.created, region_->utc_offset);
    const int winter = (local.month >= 11 || local.month <= 3) ? 1 : 0;
    const auto& list =
        (s.stream > 0 && !spike_titles_[s.stream - 1U].empty())
            ? spike_titles_[s.stream - 1U]
            : title_cum_[winter][s.muni * model::kSectorCount + model::index_of(s.sector)];
    const auto& tt = demo::title_templates()[list[pick_pair(list, demo::uniform(rng))].second];
    const auto streets = demo::streets();
    const auto street =
        streets[static_cast<std::size_t>(demo::uniform(rng) * static_cast<double>(streets.size()))];
    const int house = 1 + static_cast<int>(demo::uniform(rng) * 120.0);
    const int route = 1 + static_cast<int>(demo::uniform(rng) * 40.0);
    d.title = fill_template(tt.text, street, house, route);
    d.category = tt.category;
    // Centres of a region across 180° are unwrapped (align_to_geometry); the feed carries
    // GeoJSON longitudes.
    d.location = scatter(rng, s.muni);
    d.location.lon = model::wrap_lon(d.location.lon);

    if (tt.category == "child_benefit") {
        d.agency = benefits_agency_;
        return d;
    }
    double total = 0;
    for (const auto& a : demo::agency_choices()) total += a.sector == s.sector ? a.weight : 0.0;
    double target = demo::uniform(rng) * total;
    const auto choices = demo::agency_choices();
    for (std::size_t k = 0; k < choices.size(); ++k) {
        const auto& a = choices[k];
        if (a.sector != s.sector) continue;
        d.agency = a.municipal ? std::string_view{admin_name_[s.muni]} : agency_name_[k];
        target -= a.weight;
        if (target < 0) break;
    }
    return d;
}

}  // namespace tsur::net
