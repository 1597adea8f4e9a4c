// Validation of v1 records. The order of the checks fixes which single reason a record with
// several faults is counted under: identity first, then vocabulary, place, text, times.
#include "formats/feed_v1_record.hpp"

#include <cmath>
#include <limits>

#include "formats/feed_v1_municipalities.hpp"
#include "model/calendar_date.hpp"

namespace tsur::net::v1 {
namespace {

using Kind = RawValue::Kind;

/// Reads an optional time field: nullopt value when absent/null, error when malformed.
struct OptionalTime {
    bool ok = true;
    std::optional<model::TimePoint> value;
};
OptionalTime optional_time(const RawValue& v) {
    if (!v.present()) return {};
    if (!v.is_string()) return {false, std::nullopt};
    const auto t = model::parse_rfc3339(v.text);
    if (!t) return {false, std::nullopt};
    return {true, t};
}

}  // namespace

std::optional<double> coordinate(const RawValue& v, double limit) {
    if (v.kind != Kind::number || !std::isfinite(v.number)) return std::nullopt;
    if (v.number < -limit || v.number > limit) return std::nullopt;
    return v.number;
}

std::optional<Reason> build_incident(RawIncident& raw, MunicipalityInterner& municipalities,
                                     const std::optional<model::TimePoint>& as_of,
                                     model::Incident& out) {
    auto& f = raw.fields;
    const RawValue& id = f[f_id];
    if (!id.present() || (id.is_string() && id.text.empty())) return Reason::missing_id;
    if (!id.is_string() || id.text.size() > kMaxIdBytes) return Reason::bad_id;

    const RawValue& channel_v = f[f_channel];
    if (!channel_v.present()) return Reason::missing_channel;
    const auto channel =
        channel_v.is_string() ? model::channel_from_id(channel_v.text) : std::nullopt;
    if (!channel) return Reason::unknown_channel;

    const RawValue& sector_v = f[f_sector];
    if (!sector_v.present()) return Reason::missing_sector;
    const auto sector = sector_v.is_string() ? model::sector_from_id(sector_v.text) : std::nullopt;
    if (!sector) return Reason::unknown_sector;

    const RawValue& status_v = f[f_status];
    if (!status_v.present()) return Reason::missing_status;
    const auto status = status_v.is_string() ? model::status_from_id(status_v.text) : std::nullopt;
    if (!status) return Reason::unknown_status;

    model::Priority priority = model::Priority::normal;
    if (f[f_priority].present()) {
        const auto p =
            f[f_priority].is_string() ? model::priority_from_id(f[f_priority].text) : std::nullopt;
        if (!p) return Reason::unknown_priority;
        priority = *p;
    }

    const RawValue& muni_v = f[f_municipality];
    if (!muni_v.present()) return Reason::missing_municipality;
    if (!muni_v.is_string()) return Reason::unknown_municipality;
    // A provisional index: the document's own list may still follow. An id no list knows is
    // still an incident of the region, counted under the whole region (model::kRegionWide).
    const model::MunicipalityIndex muni = municipalities.intern(muni_v.text);

    // Both coordinates or neither: half a position cannot be drawn and hints at a broken export.
    std::optional<model::GeoPoint> location;
    const bool has_lat = f[f_lat].present();
    const bool has_lon = f[f_lon].present();
    if (has_lat || has_lon) {
        const auto lat = coordinate(f[f_lat], 90.0);
        if (!lat) return Reason::bad_latitude;
        const auto lon = coordinate(f[f_lon], 180.0);
        if (!lon) return Reason::bad_longitude;
        location = model::GeoPoint{*lat, *lon};
    }

    if (!f[f_title].present()) return Reason::missing_title;
    if (!f[f_title].is_string()) return Reason::bad_title;
    if (f[f_category].present() && !f[f_category].is_string()) return Reason::bad_category;
    if (f[f_agency].present() && !f[f_agency].is_string()) return Reason::bad_agency;

    const RawValue& created_v = f[f_created_at];
    if (!created_v.present()) return Reason::missing_created_at;
    const auto created =
        created_v.is_string() ? model::parse_rfc3339(created_v.text) : std::nullopt;
    if (!created) return Reason::bad_created_at;
    const OptionalTime due = optional_time(f[f_due_at]);
    if (!due.ok) return Reason::bad_due_at;
    const OptionalTime answered = optional_time(f[f_answered_at]);
    if (!answered.ok) return Reason::bad_answered_at;
    if (const auto bad = check_times(*created, due.value, answered.value, as_of)) return bad;

    out = model::Incident{};
    out.id = std::move(f[f_id].text);
    out.channel = *channel;
    out.sector = *sector;
    out.municipality = muni;
    out.location = location;
    out.title = std::move(f[f_title].text);
    clean_text(out.title, kMaxTitleBytes);
    if (f[f_category].present()) {
        out.category = std::move(f[f_category].text);
        clean_text(out.category, kMaxShortTextBytes);
    }
    out.status = *status;
    out.priority = priority;
    out.created_at = *created;
    out.feed_due_at = due.value;
    out.due_at = due.value.value_or(model::TimePoint{});
    out.answered_at = answered.value;
    if (f[f_agency].present()) {
        out.agency = std::move(f[f_agency].text);
        clean_text(out.agency, kMaxShortTextBytes);
    }
    return std::nullopt;
}

bool append_series(const RawSeries& raw, std::chrono::sys_days start, std::uint32_t days,
                   const MunicipalityLookup& municipalities, std::vector<bool>& seen,
                   std::vector<model::DailyCount>& out) {
    const auto& f = raw.fields;
    if (!f[s_municipality].is_string() || !f[s_sector].is_string()) return false;
    const auto muni = municipalities.find(f[s_municipality].text);
    const auto sector = model::sector_from_id(f[s_sector].text);
    if (!muni || !sector) return false;
    if (f[s_counts].kind != Kind::compound || !raw.counts_ok || raw.counts.size() != days) {
        return false;
    }
    const std::size_t pair =
        static_cast<std::size_t>(*muni) * model::kSectorCount + model::index_of(*sector);
    if (pair >= seen.size() || seen[pair]) return false;
    seen[pair] = true;
    for (std::uint32_t d = 0; d < days; ++d) {
        out.push_back(
            model::DailyCount{start + std::chrono::days{d}, *muni, *sector, raw.counts[d]});
    }
    return true;
}

std::optional<model::RiskEntry> build_risk(RawRisk& raw) {
    auto& f = raw.fields;
    if (!f[r_date].is_string() || !f[r_title].is_string() || f[r_title].text.empty()) {
        return std::nullopt;
    }
    const auto date = model::parse_iso_date(f[r_date].text);
    if (!date) return std::nullopt;
    model::RiskEntry entry;
    entry.date = *date;
    if (f[r_sector].present()) {
        entry.sector =
            f[r_sector].is_string() ? model::sector_from_id(f[r_sector].text) : std::nullopt;
        if (!entry.sector) return std::nullopt;
    }
    entry.title = std::move(f[r_title].text);
    clean_text(entry.title, kMaxTitleBytes);
    return entry;
}

}  // namespace tsur::net::v1
