// Number and date wording used by the widgets: decimal commas, percentages, spike factors, "in N
// days". Pure functions of their arguments and the language's string table.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "display/strings.hpp"

namespace tsur::display {

/// Plural form by the table's language: Russian one/few/many, English one/many.
std::string_view plural(const Strings& s, long long n, std::string_view one, std::string_view few,
                        std::string_view many);

/// `value` rounded to `decimals` places with the language's decimal mark ("3,2" / "3.2").
std::string format_decimal(double value, int decimals, Language lang);

/// A count in at most four characters for a table cell: "999", "1,2k", "12k", "123k", "1,2M"
/// (decimal mark by language); rounded to the nearest shown value, never truncated.
std::string format_compact(long long n, Language lang);

/// A share 0..1 as a whole percentage: "87 %" (ru) / "87%" (en).
std::string format_percent(double share, Language lang);

/// "×3,2 к норме" / "×3.2 vs normal".
std::string format_factor(double factor, const Strings& s);

/// "сегодня", "завтра", "через 12 дней" / "today", "tomorrow", "in 12 days"; days >= 0.
std::string format_days_until(long long days, const Strings& s);

/// "15 сентября 2027" / "15 September 2027".
std::string format_date(std::chrono::sys_days day, const Strings& s);

}  // namespace tsur::display
