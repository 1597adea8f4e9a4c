// Wording helpers for widgets. Rounding goes through integers so "2,95" never prints as "3,0"
// on one PC and "2,9" on another.
#include "display/widget_format.hpp"

#include <cmath>

#include "display/text_format.hpp"

namespace tsur::display {

std::string_view plural(const Strings& s, long long n, std::string_view one, std::string_view few,
                        std::string_view many) {
    if (s.language == Language::ru) return plural_ru(n, one, few, many);
    return (n == 1 || n == -1) ? one : many;
}

std::string format_decimal(double value, int decimals, Language lang) {
    if (!std::isfinite(value)) return "—";
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const long long scaled = std::llround(std::fabs(value) * static_cast<double>(scale));
    std::string out = std::to_string(scaled / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(scaled % scale);
        while (static_cast<int>(frac.size()) < decimals) frac.insert(frac.begin(), '0');
        out += (lang == Language::ru ? "," : ".") + frac;
    }
    return (value < 0 && scaled != 0) ? "\u2212" + out : out;
}

std::string format_compact(long long n, Language lang) {
    const long long a = std::llabs(n);
    const std::string sign = n < 0 ? "\u2212" : "";
    if (a < 1000) return sign + std::to_string(a);
    const double v = static_cast<double>(a);
    // One decimal below ten of the unit ("1,2k"), none above ("12k"); 999 500 rounds up to "1M".
    if (std::llround(v / 100.0) < 100) return sign + format_decimal(v / 1000.0, 1, lang) + "k";
    if (std::llround(v / 1000.0) < 1000)
        return sign + std::to_string(std::llround(v / 1000.0)) + "k";
    if (std::llround(v / 100000.0) < 100) {
        return sign + format_decimal(v / 1000000.0, 1, lang) + "M";
    }
    return sign + std::to_string(std::llround(v / 1000000.0)) + "M";
}

std::string format_percent(double share, Language lang) {
    const std::string n = format_decimal(share * 100.0, 0, lang);
    // A plain space: the big-number font carries no no-break space and a tile never wraps.
    return lang == Language::ru ? n + " %" : n + "%";
}

std::string format_factor(double factor, const Strings& s) {
    return "\u00D7" + format_decimal(factor, 1, s.language) + " " + std::string(s.times_norm);
}

std::string format_days_until(long long days, const Strings& s) {
    if (days <= 0) return std::string(s.today_word);
    if (days == 1) return std::string(s.tomorrow_word);
    return std::string(s.in_prefix) + " " + std::to_string(days) + " " +
           std::string(plural(s, days, s.day_one, s.day_few, s.day_many));
}

std::string format_date(std::chrono::sys_days day, const Strings& s) {
    const std::chrono::year_month_day ymd{day};
    const unsigned month = static_cast<unsigned>(ymd.month());
    const std::string_view name = month >= 1 && month <= 12 ? s.month_genitive[month - 1] : "";
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " + std::string(name) + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace tsur::display
