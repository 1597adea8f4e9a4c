// Working-day arithmetic: weekends, public holidays and transferred working Saturdays/Sundays.
#include "model/work_calendar.hpp"

#include <utility>

namespace tsur::model {

WorkCalendar::WorkCalendar(std::set<std::chrono::sys_days> holidays,
                           std::set<std::chrono::sys_days> working_weekends, Seconds utc_offset)
    : holidays_(std::move(holidays)),
      working_weekends_(std::move(working_weekends)),
      utc_offset_(utc_offset) {}

bool WorkCalendar::is_working_day(std::chrono::sys_days local_day) const {
    // A transferred working weekend is checked first: the decree makes it a working day even if
    // the same date were (mistakenly) listed as a holiday too.
    if (working_weekends_.contains(local_day)) return true;
    if (holidays_.contains(local_day)) return false;
    const std::chrono::weekday wd{local_day};
    return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

TimePoint WorkCalendar::add_working_days(TimePoint start, int n) const {
    if (n == 0) return start;
    const auto local = start + utc_offset_;
    auto day = std::chrono::floor<std::chrono::days>(local);
    const auto time_of_day = local - day;
    const std::chrono::days step{n > 0 ? 1 : -1};
    int remaining = n > 0 ? n : -n;
    // Terminates: holidays are a finite list, so every week past the last one has working days.
    while (remaining > 0) {
        day += step;
        if (is_working_day(day)) --remaining;
    }
    return TimePoint{day} + time_of_day - utc_offset_;
}

}  // namespace tsur::model
