// Local calendar dates as "YYYY-MM-DD" text, the day format of the feed and the data files.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tsur::model {

/// Parses exactly "2026-01-09" (a real date, zero-padded); nullopt otherwise.
std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text);

/// Formats as "2026-01-09".
std::string format_iso_date(std::chrono::sys_days day);

}  // namespace tsur::model
