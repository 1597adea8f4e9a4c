// Turning drawn incidents into feed v1: titles, places and agencies, then JSON or typed values.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "demo/demo_scenario.hpp"
#include "demo/demo_simulator.hpp"
#include "demo/demo_simulator_internal.hpp"
#include "demo/json_text.hpp"

namespace tsur::net {

using model::TimePoint;

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

std::string utc_offset_text(model::Seconds offset) {
    const auto total = offset.count();
    const auto minutes = (total < 0 ? -total : total) / 60;
    std::string out = total < 0 ? "-" : "+";
    out.push_back(static_cast<char>('0' + minutes / 600));
    out.push_back(static_cast<char>('0' + minutes / 60 % 10));
    out.push_back(':');
    out.push_back(static_cast<char>('0' + minutes % 60 / 10));
    out.push_back(static_cast<char>('0' + minutes % 10));
    return out;
}

std::string day_text(std::chrono::sys_days day) {
    std::string quoted;
    append_rfc3339_quoted(quoted, TimePoint{day});
    return quoted.substr(1, 10);
}

/// Risk-calendar entries from two weeks back to half a year ahead of `today` (local day).
std::vector<model::RiskEntry> risks_around(std::chrono::sys_days today) {
    std::vector<model::RiskEntry> out;
    const std::chrono::year_month_day ymd{today};
    for (int dy = -1; dy <= 1; ++dy) {
        for (const auto& r : demo::risk_templates()) {
            const auto date = std::chrono::sys_days{
                std::chrono::year_month_day{ymd.year() + std::chrono::years{dy},
                                            std::chrono::month{r.month}, std::chrono::day{r.day}}};
            if (date < today - std::chrono::days{14} || date > today + std::chrono::days{180})
                continue;
            out.push_back(model::RiskEntry{date, std::string{r.title}, r.sector});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

}  // namespace

bool DemoSimulator::inside_boundary(model::GeoPoint p) const {
    for (const auto& ring : options_.boundary) {
        bool inside = false;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) &&
                p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                inside = !inside;
            }
        }
        if (inside) return true;
    }
    return options_.boundary.empty();
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

std::string DemoSimulator::generate_json(TimePoint now) const {
    const Run r = run(now);
    const auto& munis = region_->municipalities;
    std::string out;
    out.reserve(r.incidents.size() * 360 + r.history.size() * 3 + 4096);
    out += "{\"schema\":\"tsur.feed.v1\",\"region\":{\"code\":";
    append_json_string(out, region_->code);
    out += ",\"name\":";
    append_json_string(out, region_->name_ru);
    out += ",\"time_zone\":";
    append_json_string(out, region_->time_zone);
    out += ",\"utc_offset\":";
    append_json_string(out, utc_offset_text(region_->utc_offset));
    out += "},\"as_of\":";
    append_rfc3339_quoted(out, now);
    out += ",\"incidents\":[";
    for (std::size_t i = 0; i < r.incidents.size(); ++i) {
        const Sim& s = r.incidents[i];
        const Details d = details(s);
        const auto status = s.status_at(now);
        out += i == 0 ? "{\"id\":\"" : ",{\"id\":\"";
        out += id_prefix_;
        append_int(out, s.hour);
        out += s.stream == 0 ? "-" : "-s";
        if (s.stream > 0) {
            append_int(out, s.stream);
            out += "-";
        }
        append_int(out, s.index);
        out += "\",\"channel\":\"";
        out += model::id_of(s.channel);
        out += "\",\"sector\":\"";
        out += model::id_of(s.sector);
        out += "\",\"municipality\":";
        append_json_string(out, munis[s.muni].id);
        out += ",\"lat\":";
        append_fixed(out, d.location.lat, 5);
        out += ",\"lon\":";
        append_fixed(out, d.location.lon, 5);
        out += ",\"title\":";
        append_json_string(out, d.title);
        out += ",\"category\":";
        append_json_string(out, d.category);
        out += ",\"status\":\"";
        out += model::id_of(status);
        out += "\",\"priority\":\"";
        out += model::id_of(d.priority);
        out += "\",\"created_at\":";
        append_rfc3339_quoted(out, s.created);
        out += ",\"due_at\":";
        if (s.explicit_due) {
            append_rfc3339_quoted(out, s.nominal_due);
        } else {
            out += "null";
        }
        out += ",\"answered_at\":";
        if (model::is_open(status)) {
            out += "null";
        } else {
            append_rfc3339_quoted(out, s.answered);
        }
        out += ",\"agency\":";
        append_json_string(out, d.agency);
        out += "}";
    }
    out += "],\"history\":{\"start\":\"";
    out += day_text(std::chrono::floor<std::chrono::days>(r.history_start + region_->utc_offset));
    out += "\",\"days\":";
    append_int(out, r.history_days);
    out += ",\"series\":[";
    for (std::size_t m = 0; m < munis.size(); ++m) {
        for (std::size_t sec = 0; sec < model::kSectorCount; ++sec) {
            out += (m == 0 && sec == 0) ? "{\"municipality\":" : ",{\"municipality\":";
            append_json_string(out, munis[m].id);
            out += ",\"sector\":\"";
            out += model::kSectorIds[sec];
            out += "\",\"counts\":[";
            for (int day = 0; day < r.history_days; ++day) {
                if (day > 0) out += ",";
                append_int(out, r.history[(static_cast<std::size_t>(day) * munis.size() + m) *
                                              model::kSectorCount +
                                          sec]);
            }
            out += "]}";
        }
    }
    out += "]},\"risks\":[";
    const auto risks =
        risks_around(std::chrono::floor<std::chrono::days>(now + region_->utc_offset));
    for (std::size_t i = 0; i < risks.size(); ++i) {
        out += i == 0 ? "{\"date\":\"" : ",{\"date\":\"";
        out += day_text(risks[i].date);
        out += "\",\"title\":";
        append_json_string(out, risks[i].title);
        out += ",\"sector\":\"";
        out += model::id_of(*risks[i].sector);
        out += "\"}";
    }
    out += "]}";
    return out;
}

model::FeedDocument DemoSimulator::generate(TimePoint now) const {
    const Run r = run(now);
    const auto& munis = region_->municipalities;
    model::FeedDocument doc;
    doc.schema = "tsur.feed.v1";
    doc.region_code = region_->code;
    doc.region_name = region_->name_ru;
    doc.time_zone = region_->time_zone;
    doc.as_of = now;
    doc.incidents.reserve(r.incidents.size());
    for (const Sim& s : r.incidents) {
        Details d = details(s);
        model::Incident inc;
        inc.id = id_prefix_ + std::to_string(s.hour) +
                 (s.stream == 0 ? "-" : "-s" + std::to_string(s.stream) + "-") +
                 std::to_string(s.index);
        inc.channel = s.channel;
        inc.sector = s.sector;
        inc.municipality = s.muni;
        // Round as the JSON does, so both forms carry the same values.
        inc.location = model::GeoPoint{std::round(d.location.lat * 1e5) / 1e5,
                                       std::round(d.location.lon * 1e5) / 1e5};
        inc.title = std::move(d.title);
        inc.category = std::string{d.category};
        inc.status = s.status_at(now);
        inc.priority = d.priority;
        inc.created_at = s.created;
        if (s.explicit_due) inc.feed_due_at = s.nominal_due;
        if (!model::is_open(inc.status)) inc.answered_at = s.answered;
        inc.agency = std::string{d.agency};
        doc.incidents.push_back(std::move(inc));
    }
    const auto first_day =
        std::chrono::floor<std::chrono::days>(r.history_start + region_->utc_offset);
    for (int day = 0; day < r.history_days; ++day) {
        for (std::size_t m = 0; m < munis.size(); ++m) {
            for (std::size_t sec = 0; sec < model::kSectorCount; ++sec) {
                doc.history.push_back(model::DailyCount{
                    first_day + std::chrono::days{day}, static_cast<model::MunicipalityIndex>(m),
                    static_cast<model::Sector>(sec),
                    r.history[(static_cast<std::size_t>(day) * munis.size() + m) *
                                  model::kSectorCount +
                              sec]});
            }
        }
    }
    doc.risks = risks_around(std::chrono::floor<std::chrono::days>(now + region_->utc_offset));
    return doc;
}

}  // namespace tsur::net
