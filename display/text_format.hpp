// Numbers and durations as the wall writes them, in Russian or English: plural forms, countdowns,
// ages and grouped counts.
#pragma once

#include <string>
#include <string_view>

#include "display/strings.hpp"

namespace tsur::display {

/// Russian plural form: one (1, 21, …), few (2–4, 22–24, …), many (0, 5–20, 11–14, …).
std::string_view plural_ru(long long n, std::string_view one, std::string_view few,
                           std::string_view many);

/// "3 ч 12 мин", "45 мин", "2 дн 4 ч" — compact duration for countdowns (absolute value).
std::string format_duration_short(long long seconds, Language lang);
/// "через 45 мин" / "−3 ч 12 мин" (overdue), by the sign of `seconds_left`.
std::string format_countdown(long long seconds_left, Language lang);
/// "5 минут", "2 часа", "1 день" with correct plural (for banners).
std::string format_age(long long seconds, Language lang);
/// Integer with thin-space thousands separators: "12 345".
std::string format_count(long long n);

}  // namespace tsur::display
