// RFC 3339 parsing and formatting with <chrono> calendar types (no locale, no TZ globals).
#include "model/time.hpp"

#include <charconv>
#include <cstdio>

namespace tsur::model {
namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    auto res = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return res.ec == std::errc{};
}

}  // namespace

std::optional<Seconds> parse_utc_offset(std::string_view text) {
    if (text == "Z" || text == "z") return Seconds{0};
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    int h = 0, m = 0;
    if (!read_int(text, 1, 2, h) || !read_int(text, 4, 2, m) || h > 23 || m > 59) {
        return std::nullopt;
    }
    Seconds off{h * 3600 + m * 60};
    return text[0] == '-' ? -off : off;
}

std::optional<TimePoint> parse_rfc3339(std::string_view s, std::optional<Seconds> zone_if_missing) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (s.size() < 19) return std::nullopt;
    if (!read_int(s, 0, 4, y) || s[4] != '-' || !read_int(s, 5, 2, mo) || s[7] != '-' ||
        !read_int(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !read_int(s, 11, 2, h) || s[13] != ':' || !read_int(s, 14, 2, mi) || s[16] != ':' ||
        !read_int(s, 17, 2, se)) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t digits_start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == digits_start) return std::nullopt;
    }
    auto off = pos == s.size() ? zone_if_missing : parse_utc_offset(s.substr(pos));
    if (!off) return std::nullopt;
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(mo)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    const auto days = std::chrono::sys_days{ymd};
    // A leap second is folded onto the next second: the wall never needs sub-second truth.
    return TimePoint{days} + std::chrono::hours{h} + std::chrono::minutes{mi} + Seconds{se} - *off;
}

std::string format_rfc3339(TimePoint t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{t - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

LocalTime to_local(TimePoint t, Seconds utc_offset) {
    const auto local = t + utc_offset;
    const auto days = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{local - days};
    const std::chrono::weekday wd{days};
    return LocalTime{static_cast<int>(ymd.year()),
                     static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day())),
                     static_cast<int>(hms.hours().count()),
                     static_cast<int>(hms.minutes().count()),
                     static_cast<int>(hms.seconds().count()),
                     static_cast<int>((wd.c_encoding() + 6) % 7)};
}

TimePoint local_midnight(TimePoint t, Seconds utc_offset) {
    const auto days = std::chrono::floor<std::chrono::days>(t + utc_offset);
    return TimePoint{days} - utc_offset;
}

}  // namespace tsur::model
