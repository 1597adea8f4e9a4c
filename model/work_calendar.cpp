// Working-day arithmetic: weekends, public holidays and transferred working Saturdays/Sundays,
// falling back to the statutory rule outside the listed years.
#include "model/work_calendar.hpp"

#include <utility>

#include "model/calendar_date.hpp"
#include "model/statutory_holidays.hpp"

namespace tsur::model {
namespace {

using std::chrono::sys_days;

std::chrono::year year_of(sys_days d) { return std::chrono::year_month_day{d}.year(); }

sys_days last_day_of(std::chrono::year y) {
    return sys_days{y / std::chrono::December / std::chrono::day{31}};
}

// Copies the dates of `from` whose year `keep` accepts into `to`.
template <typename Keep>
void copy_years(const std::set<sys_days>& from, std::set<sys_days>& to, Keep keep) {
    for (const auto d : from) {
        if (keep(year_of(d))) to.insert(d);
    }
}

}  // namespace

WorkCalendar::WorkCalendar(std::set<sys_days> holidays, std::set<sys_days> working_weekends,
                           Seconds utc_offset)
    : holidays_(std::move(holidays)),
      working_weekends_(std::move(working_weekends)),
      utc_offset_(utc_offset) {
    for (const auto d : holidays_) listed_years_.insert(year_of(d));
    for (const auto d : working_weekends_) listed_years_.insert(year_of(d));
}

bool WorkCalendar::is_working_day(sys_days local_day) const {
    if (!listed_years_.contains(year_of(local_day))) return !is_statutory_day_off(local_day);
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
    // Terminates: every week, listed or statutory, has working days.
    while (remaining > 0) {
        day += step;
        if (is_working_day(day)) --remaining;
    }
    return TimePoint{day} + time_of_day - utc_offset_;
}

std::optional<sys_days> WorkCalendar::listed_until(sys_days local_day) const {
    auto y = year_of(local_day);
    if (!listed_years_.contains(y)) return std::nullopt;
    while (listed_years_.contains(y + std::chrono::years{1})) y += std::chrono::years{1};
    return last_day_of(y);
}

std::optional<sys_days> WorkCalendar::listed_before(sys_days local_day) const {
    const auto it = listed_years_.lower_bound(year_of(local_day));
    if (it == listed_years_.begin()) return std::nullopt;
    return last_day_of(*std::prev(it));
}

WorkCalendar WorkCalendar::overlaid_with(const WorkCalendar& later) const {
    std::set<sys_days> holidays, working;
    auto mine = [&](std::chrono::year y) { return !later.lists_year(y); };
    auto theirs = [](std::chrono::year) { return true; };
    copy_years(holidays_, holidays, mine);
    copy_years(working_weekends_, working, mine);
    copy_years(later.holidays_, holidays, theirs);
    copy_years(later.working_weekends_, working, theirs);
    return WorkCalendar(std::move(holidays), std::move(working), utc_offset_);
}

sys_days WorkCalendar::local_day(TimePoint t) const {
    return std::chrono::floor<std::chrono::days>(t + utc_offset_);
}

CalendarOutlook calendar_outlook(const WorkCalendar& calendar, TimePoint now) {
    CalendarOutlook out;
    const sys_days today = calendar.local_day(now);
    out.last_listed_day = calendar.listed_until(today);
    if (!out.last_listed_day) out.last_listed_day = calendar.listed_before(today);
    if (!out.last_listed_day) return out;
    out.days_left = *out.last_listed_day - today;
    out.ending = out.days_left <= kCalendarWarningLead;
    return out;
}

std::string describe(const CalendarOutlook& o) {
    constexpr std::string_view kFallback =
        "use only the statutory holidays of Labour Code art. 112 (no transferred days off)";
    if (!o.last_listed_day) {
        return "no holiday calendar lists any year; working days " + std::string(kFallback);
    }
    const std::string end = format_iso_date(*o.last_listed_day);
    const auto n = o.days_left.count();
    if (n < 0) {
        return "the holiday calendar ended " + end + ", " + std::to_string(-n) +
               " days ago; working days since then " + std::string(kFallback);
    }
    return "the holiday calendar ends " + end + ", in " + std::to_string(n) +
           " days; later working days " + std::string(kFallback);
}

}  // namespace tsur::model
