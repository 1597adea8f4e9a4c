// One record of a v1 document as the streaming parser collected it (raw JSON scalars by field),
// and its validation into model types: incidents, history series, risk entries.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/incident.hpp"
#include "model/snapshot.hpp"
#include "formats/feed_reasons.hpp"

namespace tsur::net::v1 {

/// A JSON value reduced to what validation needs; objects and arrays are only marked.
struct RawValue {
    enum class Kind : std::uint8_t { absent, null, boolean, number, string, compound };
    Kind kind = Kind::absent;
    bool integral = false;             ///< number written without fraction/exponent
    bool negative = false;             ///< integral and below zero
    double number = 0.0;               ///< also a boolean's value: 1 for true, 0 for false
    std::uint64_t unsigned_value = 0;  ///< valid when integral && !negative
    std::string text;                  ///< valid when kind == string

    bool present() const { return kind != Kind::absent && kind != Kind::null; }
    bool is_string() const { return kind == Kind::string; }
};

/// Names a field of one of the record kinds; index into the matching table below.
using FieldIndex = int;
inline constexpr FieldIndex kUnknownField = -1;

enum IncidentField : FieldIndex {
    f_id,
    f_channel,
    f_sector,
    f_municipality,
    f_lat,
    f_lon,
    f_title,
    f_category,
    f_status,
    f_priority,
    f_created_at,
    f_due_at,
    f_answered_at,
    f_agency,
    kIncidentFieldCount
};
inline constexpr std::array<std::string_view, kIncidentFieldCount> kIncidentFields = {
    "id",       "channel", "sector",   "municipality", "lat",    "lon",         "title",
    "category", "status",  "priority", "created_at",   "due_at", "answered_at", "agency"};

enum SeriesField : FieldIndex { s_municipality, s_sector, s_counts, kSeriesFieldCount };
inline constexpr std::array<std::string_view, kSeriesFieldCount> kSeriesFields = {
    "municipality", "sector", "counts"};

enum RiskField : FieldIndex { r_date, r_title, r_sector, kRiskFieldCount };
inline constexpr std::array<std::string_view, kRiskFieldCount> kRiskFields = {"date", "title",
                                                                              "sector"};

/// Position of `key` in `names`, or kUnknownField.
template <std::size_t N>
FieldIndex field_index(const std::array<std::string_view, N>& names, std::string_view key) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == key) return static_cast<FieldIndex>(i);
    }
    return kUnknownField;
}

/// Fields of one incident object; reused from record to record to keep string capacity.
struct RawIncident {
    std::array<RawValue, kIncidentFieldCount> fields;
    void reset() {
        for (auto& f : fields) f.kind = RawValue::Kind::absent;
    }
};

/// One history series, buffered until the history block's start/days are known.
struct RawSeries {
    std::array<RawValue, kSeriesFieldCount> fields;
    std::vector<std::uint32_t> counts;
    bool counts_ok = true;  ///< false once a count was not a non-negative 32-bit integer
};

struct RawRisk {
    std::array<RawValue, kRiskFieldCount> fields;
};

class MunicipalityInterner;

/// Reads a coordinate; nullopt when it is not a finite number within [-limit, limit].
std::optional<double> coordinate(const RawValue& v, double limit);

/// Validates an incident (all checks except "created_in_future" when as_of is still unknown).
/// On success fills `out` (moving strings out of `raw`) and returns nullopt; its municipality is
/// the provisional index `municipalities` gives the id (resolve_municipalities() settles it).
std::optional<Reason> build_incident(RawIncident& raw, MunicipalityInterner& municipalities,
                                     const std::optional<model::TimePoint>& as_of,
                                     model::Incident& out);

/// Appends one DailyCount per day of a valid series; returns false (nothing appended) if bad
/// or if its municipality x sector pair was already seen (`seen`: municipalities x sectors).
bool append_series(const RawSeries& raw, std::chrono::sys_days start, std::uint32_t days,
                   const MunicipalityLookup& municipalities, std::vector<bool>& seen,
                   std::vector<model::DailyCount>& out);

/// Validates a risk calendar entry.
std::optional<model::RiskEntry> build_risk(RawRisk& raw);

}  // namespace tsur::net::v1
