// The history block of the v1 reader: series of daily counts, buffered until the block's start
// and length are known (they may come after the series).
#include "formats/feed_v1_reader.hpp"

#include <limits>
#include <utility>

#include "formats/feed_v1_values.hpp"

namespace tsur::net::v1 {

using simdjson::error_code;
using simdjson::SUCCESS;

error_code FeedReader::read_history(od::value& v) {
    return for_each_field(
        v, history_keys_, [&](FieldIndex k, od::value& value, od::json_type type) {
            if (k == h_series && type == od::json_type::array) {
                series_array_ = true;
                return read_series_list(value);
            }
            return read_value(
                value, type,
                k == kUnknownField ? nullptr : &history_fields_[static_cast<std::size_t>(k)]);
        });
}

error_code FeedReader::read_series_list(od::value& v) {
    return for_each_element(v, [&](od::value& element, od::json_type type) {
        if (type != od::json_type::object) {
            ++bad_series_elements_;
            return read_value(element, type, nullptr);
        }
        return read_series(element, series_.emplace_back());
    });
}

error_code FeedReader::read_series(od::value& v, RawSeries& series) {
    return for_each_field(v, series_keys_, [&](FieldIndex k, od::value& value, od::json_type type) {
        if (k == s_counts && type == od::json_type::array) return read_counts(value, series);
        return read_value(
            value, type,
            k == kUnknownField ? nullptr : &series.fields[static_cast<std::size_t>(k)]);
    });
}

error_code FeedReader::read_counts(od::value& v, RawSeries& series) {
    series.counts.clear();
    series.counts_ok = true;
    series.fields[s_counts].kind = Kind::compound;
    return for_each_element(v, [&](od::value& element, od::json_type type) -> error_code {
        if (type != od::json_type::number) {
            series.counts_ok = false;
            return read_value(element, type, nullptr);
        }
        Number n;
        SIMDJSON_TRY(read_number(element, n));
        const bool ok = n.integral && !n.negative &&
                        n.unsigned_value <= std::numeric_limits<std::uint32_t>::max();
        if (ok) series.counts.push_back(static_cast<std::uint32_t>(n.unsigned_value));
        series.counts_ok = series.counts_ok && ok;
        return SUCCESS;
    });
}

}  // namespace tsur::net::v1
