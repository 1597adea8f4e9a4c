// The reading pass of the v1 parser: walks simdjson's On-Demand view of the body and collects
// raw records. Internal to net/feed_parser.cpp and net/feed_v1_reader.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "model/region.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"
#include "formats/feed_reasons.hpp"
#include "formats/feed_v1_municipalities.hpp"
#include "formats/feed_v1_record.hpp"
#include "formats/feed_v1_values.hpp"

namespace tsur::net::v1 {

namespace od = simdjson::ondemand;
using Kind = RawValue::Kind;

enum TopField : FieldIndex {
    t_schema,
    t_region,
    t_as_of,
    t_incidents,
    t_history,
    t_risks,
    t_municipalities,
    kTopFieldCount
};
inline constexpr std::array<std::string_view, kTopFieldCount> kTopFields = {
    "schema", "region", "as_of", "incidents", "history", "risks", "municipalities"};
enum RegionField : FieldIndex { g_code, g_name, g_time_zone, g_utc_offset, kRegionFieldCount };
inline constexpr std::array<std::string_view, kRegionFieldCount> kRegionFields = {
    "code", "name", "time_zone", "utc_offset"};
enum HistoryField : FieldIndex { h_start, h_days, h_series, kHistoryFieldCount };
inline constexpr std::array<std::string_view, kHistoryFieldCount> kHistoryFields = {"start", "days",
                                                                                    "series"};

/// Three years of daily counts is far beyond any baseline the wall computes.
inline constexpr std::uint64_t kMaxHistoryDays = 1096;

/// "a string", "null", ... for error messages.
std::string_view kind_name(Kind k);

/// A value from the body, shortened and quoted for an error message.
std::string quoted(std::string text);

/// Reads one padded body with simdjson On-Demand, then checks the document. Single use, one
/// thread; `buffer` (the padded copy of the body) must outlive the reader.
class FeedReader {
public:
    FeedReader(const model::Region& region, std::string_view buffer)
        : region_(region), municipalities_(region), municipality_block_(region), buffer_(buffer) {}

    /// Walks the whole document; on a JSON error returns it and error() says what and where.
    simdjson::error_code read(od::document& doc);
    /// The document-level checks once the body is read.
    model::Result<model::FeedDocument> finish();
    const std::string& error() const { return error_; }

private:
    /// A JSON number as the records need it (see RawValue).
    struct Number {
        bool integral = false;
        bool negative = false;
        double value = 0.0;
        std::uint64_t unsigned_value = 0;
    };

    simdjson::error_code read_top(od::object& top);
    simdjson::error_code read_value(od::value& v, od::json_type type, RawValue* slot);
    simdjson::error_code read_number(od::value& v, Number& out);
    simdjson::error_code check_skipped(od::value& v, od::json_type type);
    template <std::size_t N>
    simdjson::error_code read_fields(od::value& v, const KeyTable<N>& keys,
                                     std::array<RawValue, N>& slots);
    simdjson::error_code read_incidents(od::value& v);
    simdjson::error_code read_history(od::value& v);
    simdjson::error_code read_series_list(od::value& v);
    simdjson::error_code read_series(od::value& v, RawSeries& series);
    simdjson::error_code read_counts(od::value& v, RawSeries& series);
    simdjson::error_code read_risks(od::value& v);
    simdjson::error_code read_municipalities(od::value& v);
    simdjson::error_code fail_at(const char* where, const std::string& what);
    void finish_municipalities();
    void finish_history(const model::Region& region);
    void drop_future_and_duplicates();

    const model::Region& region_;
    MunicipalityInterner municipalities_;
    MunicipalityBlock municipality_block_;
    std::string_view buffer_;
    std::string error_;
    const KeyTable<kTopFieldCount> top_keys_{kTopFields};
    const KeyTable<kRegionFieldCount> region_keys_{kRegionFields};
    const KeyTable<kIncidentFieldCount> incident_keys_{kIncidentFields};
    const KeyTable<kHistoryFieldCount> history_keys_{kHistoryFields};
    const KeyTable<kSeriesFieldCount> series_keys_{kSeriesFields};
    const KeyTable<kRiskFieldCount> risk_keys_{kRiskFields};
    const KeyTable<kMunicipalityFieldCount> municipality_keys_{kMunicipalityFields};

    std::array<RawValue, kTopFieldCount> top_;
    std::array<RawValue, kRegionFieldCount> region_fields_;
    std::array<RawValue, kHistoryFieldCount> history_fields_;
    bool region_object_ = false, incidents_array_ = false, history_object_ = false;
    bool series_array_ = false, risks_array_ = false, municipalities_array_ = false;
    RawIncident incident_;
    std::vector<RawSeries> series_;
    std::uint32_t bad_series_elements_ = 0;
    RawRisk risk_;
    RawMunicipality municipality_;
    ReasonCounter counter_;
    model::FeedDocument doc_;
};

}  // namespace tsur::net::v1
