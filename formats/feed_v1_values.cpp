// JSON details of the v1 reader; see feed_v1_values.hpp. nlohmann stays here only to validate
// the rare containers nobody reads: its parser is iterative and as strict as before simdjson.
#include "formats/feed_v1_values.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

#include <nlohmann/json.hpp>

namespace tsur::net::v1 {
namespace {

/// Accepts every SAX event and keeps the first syntax error. One check at a time, one thread.
class SkippedValueCheck {
public:
    using Json = nlohmann::json;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) {
        position_ = position;
        what_ = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " tag: an operator needs the rest.
        if (const auto close_bracket = what_.find("] "); close_bracket != std::string::npos) {
            what_.erase(0, close_bracket + 2);
        }
        return false;
    }
    std::size_t position() const { return position_; }
    const std::string& what() const { return what_; }

private:
    std::size_t position_ = 0;
    std::string what_;
};

}  // namespace

std::optional<double> read_long_exponent(std::string_view t) {
    const auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
    std::size_t i = t.starts_with('-') ? 1 : 0;
    if (!digit(i) || (t[i] == '0' && digit(i + 1))) return std::nullopt;
    // Power of ten of the first significant digit, to tell underflow from overflow below.
    long lead = 0;
    bool significant = false;
    for (; digit(i); ++i) {
        if (significant) ++lead;
        significant = significant || t[i] != '0';
    }
    if (i < t.size() && t[i] == '.') {
        if (!digit(++i)) return std::nullopt;
        for (long place = -1; digit(i); ++i, --place) {
            if (!significant && t[i] != '0') {
                significant = true;
                lead = place;
            }
        }
    }
    long exponent = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        const bool negative = i < t.size() && t[i] == '-';
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
        if (!digit(i)) return std::nullopt;
        for (; digit(i); ++i) exponent = std::min(exponent * 10 + (t[i] - '0'), 1'000'000'000L);
        if (negative) exponent = -exponent;
    }
    if (i != t.size()) return std::nullopt;
    const double zero = t.starts_with('-') ? -0.0 : 0.0;
    if (!significant) return zero;
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec == std::errc{} && end == t.data() + t.size()) return value;
    if (ec == std::errc::result_out_of_range && lead + exponent < 0) return zero;
    return std::nullopt;
}

std::optional<SyntaxError> check_json_syntax(std::string_view json) {
    SkippedValueCheck check;
    if (nlohmann::json::sax_parse(json, &check)) return std::nullopt;
    return SyntaxError{std::min(check.position(), json.size()), check.what()};
}

}  // namespace tsur::net::v1
