// Loads SLA rules from a JSON config file (comments allowed) and reads/writes duration text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/sla_rules.hpp"
#include "model/work_calendar.hpp"

namespace tsur::model {

/// Duration text: "<n>min", "<n>h", "<n>d" (calendar) or "<n>wd" (working days), n a positive
/// integer: "24h", "10d", "5wd". nullopt when malformed.
std::optional<SlaDuration> parse_sla_duration(std::string_view text);

/// The shortest text parse_sla_duration() reads back to the same duration ("36h", "10d", "3wd").
std::string format_sla_duration(const SlaDuration& duration);

/// Parses {"at_risk": {"share": 0.75, "time_left": "2h"}, "rules": [{"channel": "pos",
/// "sector": "roads", "category": "...", "duration": "10d"}, ...]}. "at_risk" is optional
/// (AtRiskPolicy defaults); each rule needs "duration", the other keys are optional. Errors name
/// `file_name` and the JSON path ("sla.json: rules[3].duration: ..."). Pure; any thread.
Result<SlaRules> parse_sla_rules(std::string_view json_text, std::string_view file_name,
                                 WorkCalendar calendar);

}  // namespace tsur::model
