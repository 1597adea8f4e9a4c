// Working-day arithmetic in the region's local time: holiday files for the years they list, the
// statutory days off of Labour Code art. 112 for every other year.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "model/time.hpp"

namespace tsur::model {

/// Value type; any thread. Holidays are days off, working_weekends Saturdays/Sundays made working
/// days; the years their dates fall in are the "listed" years. A year no date falls in follows
/// is_statutory_day_off() (model/statutory_holidays.hpp).
class WorkCalendar {
public:
    WorkCalendar() = default;
    WorkCalendar(std::set<std::chrono::sys_days> holidays,
                 std::set<std::chrono::sys_days> working_weekends, Seconds utc_offset);

    bool is_working_day(std::chrono::sys_days local_day) const;
    /// `start` + n working days: the same local time of day on the n-th working day after
    /// the local day of `start`.
    TimePoint add_working_days(TimePoint start, int n) const;

    /// True when a holiday file gave this year's dates.
    bool lists_year(std::chrono::year y) const { return listed_years_.contains(y); }
    /// The last day of the run of consecutive listed years that holds `local_day`; nullopt when
    /// its year is not listed.
    std::optional<std::chrono::sys_days> listed_until(std::chrono::sys_days local_day) const;
    /// The last day of the newest listed year that ended before `local_day`; nullopt if none.
    std::optional<std::chrono::sys_days> listed_before(std::chrono::sys_days local_day) const;
    /// This calendar with every year that `later` lists replaced by `later`'s dates for it (a
    /// centre's file for next year, or a correction of a shipped year).
    WorkCalendar overlaid_with(const WorkCalendar& later) const;

    std::chrono::sys_days local_day(TimePoint t) const;
    Seconds utc_offset() const { return utc_offset_; }

private:
    std::set<std::chrono::sys_days> holidays_;
    std::set<std::chrono::sys_days> working_weekends_;
    std::set<std::chrono::year> listed_years_;
    Seconds utc_offset_ = kDefaultUtcOffset;
};

/// A calendar needs a new year's file from this many days before its last listed day.
inline constexpr std::chrono::days kCalendarWarningLead{60};

/// Whether the holiday calendar is about to run out (or has run out) at an instant.
struct CalendarOutlook {
    /// The last day of the listed run holding today, else of the newest listed year before
    /// today; nullopt when no year is listed at all.
    std::optional<std::chrono::sys_days> last_listed_day;
    std::chrono::days days_left{0};  ///< last_listed_day - today; negative once past
    /// Within kCalendarWarningLead of the end, past it, or nothing listed: /healthz reports
    /// calendar_ending and check-config warns.
    bool ending = true;
};

/// Pure; any thread. `now` is server time, read in the calendar's local time.
CalendarOutlook calendar_outlook(const WorkCalendar& calendar, TimePoint now);

/// One line for logs, /healthz and check-config: "the holiday calendar ends 2026-12-31, in 29
/// days; later dates use only the statutory holidays of Labour Code art. 112".
std::string describe(const CalendarOutlook& outlook);

}  // namespace tsur::model
