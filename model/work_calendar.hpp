// Working-day arithmetic in the region's local time, with holidays and transferred days as data.
#pragma once

#include <chrono>
#include <set>

#include "model/time.hpp"

namespace tsur::model {

/// Value type; holidays are days off, working_weekends are Saturdays/Sundays made working days.
class WorkCalendar {
public:
    WorkCalendar() = default;
    WorkCalendar(std::set<std::chrono::sys_days> holidays,
                 std::set<std::chrono::sys_days> working_weekends, Seconds utc_offset);

    bool is_working_day(std::chrono::sys_days local_day) const;
    /// `start` + n working days: the same local time of day on the n-th working day after
    /// the local day of `start`.
    TimePoint add_working_days(TimePoint start, int n) const;

private:
    std::set<std::chrono::sys_days> holidays_;
    std::set<std::chrono::sys_days> working_weekends_;
    Seconds utc_offset_ = kDefaultUtcOffset;
};

}  // namespace tsur::model
