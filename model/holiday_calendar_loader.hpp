// Loads the holiday list file (public holidays and transferred working days are data, not code).
#pragma once

#include <string_view>

#include "model/result.hpp"
#include "model/time.hpp"
#include "model/work_calendar.hpp"

namespace tsur::model {

/// Parses {"holidays": ["2026-01-01", ...], "working_weekends": ["2025-11-01", ...]} (comments
/// allowed; an optional "source" string documents where the dates come from). `holidays` are
/// days off, `working_weekends` Saturdays/Sundays made working days. Errors name `file_name`
/// and the JSON path. Pure; any thread.
Result<WorkCalendar> parse_holiday_calendar(std::string_view json_text, std::string_view file_name,
                                            Seconds utc_offset);

}  // namespace tsur::model
