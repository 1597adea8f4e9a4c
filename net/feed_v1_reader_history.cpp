// The history block of the v1 reader: series of daily counts, buffered until the block's start
// and length are known (they may come after the series).
#include "net/feed_v1_reader.hpp"

#include <limits>
#include <utility>

#include "net/feed_v1_values.hpp"

namespace tsur::net::v1 {

using simdjson::error_code;
using simdjson::SUCCESS;

error_code FeedReader::read_history(od::value& v) {
    od::object object;
    SIMDJSON_TRY(v.get_object().get(object));
    std::size_t hint = 0;
    for (auto item : object) {
        od::field field;
        SIMDJSON_TRY(std::move(item).get(field));
        od::value& value = field.value();
        od::json_type type{};
        SIMDJSON_TRY(value.type().get(type));
        FieldIndex k = kUnknownField;
        SIMDJSON_TRY(history_keys_.index(field, hint, k));
        if (k == h_series && type == od::json_type::array) {
            series_array_ = true;
            SIMDJSON_TRY(read_series_list(value));
        } else {
            SIMDJSON_TRY(read_value(
                value, type,
                k == kUnknownField ? nullptr : &history_fields_[static_cast<std::size_t>(k)]));
        }
    }
    return SUCCESS;
}

error_code FeedReader::read_series_list(od::value& v) {
    od::array array;
    SIMDJSON_TRY(v.get_array().get(array));
    for (auto item : array) {
        od::value element;
        SIMDJSON_TRY(item.get(element));
        od::json_type type{};
        SIMDJSON_TRY(element.type().get(type));
        if (type != od::json_type::object) {
            ++bad_series_elements_;
            SIMDJSON_TRY(read_value(element, type, nullptr));
            continue;
        }
        SIMDJSON_TRY(read_series(element, series_.emplace_back()));
    }
    return SUCCESS;
}

error_code FeedReader::read_series(od::value& v, RawSeries& series) {
    od::object object;
    SIMDJSON_TRY(v.get_object().get(object));
    std::size_t hint = 0;
    for (auto item : object) {
        od::field field;
        SIMDJSON_TRY(std::move(item).get(field));
        od::value& value = field.value();
        od::json_type type{};
        SIMDJSON_TRY(value.type().get(type));
        FieldIndex k = kUnknownField;
        SIMDJSON_TRY(series_keys_.index(field, hint, k));
        if (k == s_counts && type == od::json_type::array) {
            SIMDJSON_TRY(read_counts(value, series));
        } else {
            SIMDJSON_TRY(read_value(
                value, type,
                k == kUnknownField ? nullptr : &series.fields[static_cast<std::size_t>(k)]));
        }
    }
    return SUCCESS;
}

error_code FeedReader::read_counts(od::value& v, RawSeries& series) {
    series.counts.clear();
    series.counts_ok = true;
    series.fields[s_counts].kind = Kind::compound;
    od::array array;
    SIMDJSON_TRY(v.get_array().get(array));
    for (auto item : array) {
        od::value element;
        SIMDJSON_TRY(item.get(element));
        od::json_type type{};
        SIMDJSON_TRY(element.type().get(type));
        if (type != od::json_type::number) {
            series.counts_ok = false;
            SIMDJSON_TRY(read_value(element, type, nullptr));
            continue;
        }
        Number n;
        SIMDJSON_TRY(read_number(element, n));
        const bool ok = n.integral && !n.negative &&
                        n.unsigned_value <= std::numeric_limits<std::uint32_t>::max();
        if (ok) series.counts.push_back(static_cast<std::uint32_t>(n.unsigned_value));
        series.counts_ok = series.counts_ok && ok;
    }
    return SUCCESS;
}

}  // namespace tsur::net::v1
