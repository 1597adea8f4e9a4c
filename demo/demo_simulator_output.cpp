// Turning drawn incidents into feed v1 at an instant: the document as JSON or as typed values.
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
