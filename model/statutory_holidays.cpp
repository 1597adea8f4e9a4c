// Art. 112 computed, not listed, so it holds for any year; a holiday file overrides it per year.
#include "model/statutory_holidays.hpp"

#include <array>

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct MonthDay {
    unsigned month;
    unsigned day;
};

// The holidays that move to the next working day when they fall on a weekend, in date order.
constexpr std::array<MonthDay, 6> kMovable = {{{2, 23}, {3, 8}, {5, 1}, {5, 9}, {6, 12}, {11, 4}}};

bool is_weekend(sys_days d) {
    const std::chrono::weekday wd{d};
    return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

sys_days date_of(std::chrono::year y, MonthDay md) {
    return sys_days{y / std::chrono::month{md.month} / std::chrono::day{md.day}};
}

bool is_fixed_holiday(std::chrono::year_month_day ymd) {
    if (ymd.month() == std::chrono::January && ymd.day() <= std::chrono::day{8}) return true;
    for (const auto md : kMovable) {
        if (ymd.month() == std::chrono::month{md.month} && ymd.day() == std::chrono::day{md.day}) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool is_statutory_day_off(sys_days local_day) {
    if (is_weekend(local_day)) return true;
    const std::chrono::year_month_day ymd{local_day};
    if (is_fixed_holiday(ymd)) return true;
    // A weekday that is no holiday itself is off only as the target of a moved holiday. Targets
    // are taken in date order and skip weekends, holidays and earlier targets, so two holidays on
    // one weekend would move to two days.
    std::array<sys_days, kMovable.size()> taken{};
    std::size_t n_taken = 0;
    for (const auto md : kMovable) {
        const sys_days h = date_of(ymd.year(), md);
        if (!is_weekend(h)) continue;
        sys_days target = h + days{1};
        auto is_taken = [&](sys_days d) {
            for (std::size_t i = 0; i < n_taken; ++i) {
                if (taken[i] == d) return true;
            }
            return false;
        };
        while (is_weekend(target) || is_fixed_holiday(std::chrono::year_month_day{target}) ||
               is_taken(target)) {
            target += days{1};
        }
        if (target == local_day) return true;
        taken[n_taken++] = target;
    }
    return false;
}

}  // namespace tsur::model
