// The streaming state machine of the v1 parser: receives nlohmann_json's SAX events and
// collects raw records. Internal to net/feed_parser.cpp and net/feed_v1_sax.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/region.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"
#include "net/feed_reasons.hpp"
#include "net/feed_v1_record.hpp"

namespace tsur::net::v1 {

using Json = nlohmann::json;
using Kind = RawValue::Kind;

enum TopField : FieldIndex { t_schema, t_region, t_as_of, t_incidents, t_history, t_risks,
                             kTopFieldCount };
inline constexpr std::array<std::string_view, kTopFieldCount> kTopFields = {
    "schema", "region", "as_of", "incidents", "history", "risks"};
enum RegionField : FieldIndex { g_code, g_name, g_time_zone, g_utc_offset, kRegionFieldCount };
inline constexpr std::array<std::string_view, kRegionFieldCount> kRegionFields = {
    "code", "name", "time_zone", "utc_offset"};
enum HistoryField : FieldIndex { h_start, h_days, h_series, kHistoryFieldCount };
inline constexpr std::array<std::string_view, kHistoryFieldCount> kHistoryFields = {
    "start", "days", "series"};

/// Three years of daily counts is far beyond any baseline the wall computes.
inline constexpr std::uint64_t kMaxHistoryDays = 1096;

enum class Ctx : std::uint8_t {
    top, region, incidents, incident, history, series_list, series, counts, risks, risk
};

/// "a string", "null", ... for error messages.
std::string_view kind_name(Kind k);

/// A value from the body, shortened and quoted for an error message.
std::string quoted(std::string text);

/// Receives nlohmann's SAX events for one body. Single use, one thread.
class FeedSax {
public:
    explicit FeedSax(const model::Region& region) : region_(region), municipalities_(region) {}

    bool null() { return scalar(RawValue::Kind::null, nullptr); }
    bool boolean(bool) { return scalar(Kind::boolean, nullptr); }
    bool number_integer(Json::number_integer_t v) {
        number_ = {true, v < 0, static_cast<double>(v), v < 0 ? 0 : static_cast<std::uint64_t>(v)};
        return scalar(Kind::number, nullptr);
    }
    bool number_unsigned(Json::number_unsigned_t v) {
        number_ = {true, false, static_cast<double>(v), v};
        return scalar(Kind::number, nullptr);
    }
    bool number_float(Json::number_float_t v, const std::string&) {
        number_ = {false, v < 0, v, 0};
        return scalar(Kind::number, nullptr);
    }
    bool string(std::string& v) { return scalar(Kind::string, &v); }
    bool binary(Json::binary_t&) { return scalar(Kind::compound, nullptr); }
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (skip_depth_ == 0) key_ = lookup_key(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) {
        std::string what = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " tag: an operator needs the rest.
        if (const auto close_bracket = what.find("] "); close_bracket != std::string::npos) {
            what.erase(0, close_bracket + 2);
        }
        error_ = "feed: body is not valid JSON at byte " + std::to_string(position) + ": " + what;
        return false;
    }

    model::Result<model::FeedDocument> finish();
    const std::string& error() const { return error_; }

private:
    struct Number {
        bool integral = false;
        bool negative = false;
        double value = 0.0;
        std::uint64_t unsigned_value = 0;
    };

    FieldIndex lookup_key(std::string_view k) const;
    bool scalar(Kind kind, std::string* text);
    void store(RawValue* slot, Kind kind, std::string* text);
    RawValue* slot_for_key();
    bool open(bool is_object);
    bool close();
    void finish_history();
    void drop_future_and_duplicates();

    const model::Region& region_;
    MunicipalityLookup municipalities_;
    std::vector<Ctx> stack_;
    std::size_t skip_depth_ = 0;  ///< >0 while inside a value nobody reads
    FieldIndex key_ = kUnknownField;
    Number number_;
    std::string error_;

    std::array<RawValue, kTopFieldCount> top_;
    std::array<RawValue, kRegionFieldCount> region_fields_;
    std::array<RawValue, kHistoryFieldCount> history_fields_;
    bool region_object_ = false, incidents_array_ = false, history_object_ = false;
    bool series_array_ = false, risks_array_ = false;
    RawIncident incident_;
    std::vector<RawSeries> series_;
    std::uint32_t bad_series_elements_ = 0;
    RawRisk risk_;
    ReasonCounter counter_;
    model::FeedDocument doc_;
};

}  // namespace tsur::net::v1
