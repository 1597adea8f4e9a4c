// The days off that Labour Code art. 112 fixes by itself: the fallback for every year that no
// holiday file lists, so a calendar that runs out degrades to the law, not to plain weekdays.
#pragma once

#include <chrono>

namespace tsur::model {

/// True when `local_day` is a day off by art. 112 alone: a Saturday or Sunday; 1–8 January;
/// 23 February; 8 March; 1 and 9 May; 12 June; 4 November; or the next working day after one of
/// the last six when it falls on a Saturday or Sunday. January holidays on a weekend do not move:
/// the Government moves those days by a yearly resolution, which only a holiday file can know.
/// Pure; any thread.
bool is_statutory_day_off(std::chrono::sys_days local_day);

}  // namespace tsur::model
