// Countdowns round towards the reader's side (time left up, overdue at least a minute) so a
// deadline never reads as met when it is not.
#include "display/text_format.hpp"

#include <algorithm>
#include <cstdlib>

namespace tsur::display {
namespace {

std::string join_parts(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + " " + b;
}

}  // namespace

std::string_view plural_ru(long long n, std::string_view one, std::string_view few,
                           std::string_view many) {
    const long long a = std::llabs(n);
    const long long d10 = a % 10;
    const long long d100 = a % 100;
    if (d10 == 1 && d100 != 11) return one;
    if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return few;
    return many;
}

std::string format_duration_short(long long seconds, Language lang) {
    const long long s = std::llabs(seconds);
    const long long days = s / 86400;
    const long long hours = (s % 86400) / 3600;
    const long long minutes = (s % 3600) / 60;
    const bool ru = lang == Language::ru;
    if (days > 0) {
        const std::string d =
            std::to_string(days) + " " +
            std::string(ru ? plural_ru(days, "день", "дня", "дней") : (days == 1 ? "day" : "days"));
        return join_parts(d, hours > 0 ? std::to_string(hours) + (ru ? " ч" : " h") : "");
    }
    if (hours > 0) {
        return join_parts(std::to_string(hours) + (ru ? " ч" : " h"),
                          minutes > 0 ? std::to_string(minutes) + (ru ? " мин" : " min") : "");
    }
    return std::to_string(minutes) + (ru ? " мин" : " min");
}

std::string format_countdown(long long seconds_left, Language lang) {
    // Countdowns tick by the minute; time left rounds up so "через 0 мин" never shows.
    if (seconds_left > 0) {
        const long long rounded = ((seconds_left + 59) / 60) * 60;
        const std::string d = format_duration_short(rounded, lang);
        return lang == Language::ru ? "через " + d : "in " + d;
    }
    // Overdue by any part of a minute reads as a whole minute: "−0 мин" would look on time.
    const long long over = -seconds_left;
    const long long rounded = std::max(1LL, (over + 59) / 60) * 60;
    return "\u2212" + format_duration_short(rounded, lang);
}

std::string format_age(long long seconds, Language lang) {
    const long long s = std::llabs(seconds);
    const bool ru = lang == Language::ru;
    auto unit = [&](long long n, std::string_view one, std::string_view few, std::string_view many,
                    std::string_view en1, std::string_view enn) {
        return std::to_string(n) + " " +
               std::string(ru ? plural_ru(n, one, few, many) : (n == 1 ? en1 : enn));
    };
    if (s < 3600) {
        return unit(s / 60, "минуту", "минуты", "минут", "minute", "minutes");
    }
    if (s < 86400) {
        const long long h = s / 3600;
        const long long m = (s % 3600) / 60;
        std::string out = unit(h, "час", "часа", "часов", "hour", "hours");
        // Two appends, not " " + unit(...): GCC 12 at -O3 warns (-Wrestrict) on the latter.
        if (m > 0) {
            out += ' ';
            out += unit(m, "минуту", "минуты", "минут", "minute", "minutes");
        }
        return out;
    }
    return unit(s / 86400, "день", "дня", "дней", "day", "days");
}

std::string format_count(long long n) {
    std::string digits = std::to_string(std::llabs(n));
    std::string out;
    const std::size_t len = digits.size();
    for (std::size_t i = 0; i < len; ++i) {
        out += digits[i];
        const std::size_t left = len - i - 1;
        // Russian typography groups by thousands with a thin space, from five digits up.
        if (left > 0 && left % 3 == 0 && len > 4) out += "\u2009";
    }
    return n < 0 ? "\u2212" + out : out;
}

}  // namespace tsur::display
