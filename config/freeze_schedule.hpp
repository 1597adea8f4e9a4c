// Scheduled briefing freezes from the config: weekly windows in the region's local time.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "model/time.hpp"

namespace tsur::config {

/// One weekly window, e.g. Monday 10:00-11:00 local time: [from, to).
struct FreezeWindow {
    int weekday = 0;      ///< 0 = Monday … 6 = Sunday
    int from_minute = 0;  ///< minutes after local midnight
    int to_minute = 0;    ///< exclusive; 1440 ("24:00") ends at midnight
};

using FreezeSchedule = std::vector<FreezeWindow>;

/// Parses [{"weekday": "mon", "from": "10:00", "to": "11:00"}, …]; `where` names the config
/// field in error messages ("freeze_schedule").
model::Result<FreezeSchedule> parse_freeze_schedule(const nlohmann::json& entries,
                                                    std::string_view where);

/// True when local time `now + utc_offset` lies inside any window.
bool frozen_by_schedule(const FreezeSchedule& schedule, model::TimePoint now,
                        model::Seconds utc_offset);

/// The first instant after `now` at which frozen_by_schedule() changes; nullopt if it never does.
std::optional<model::TimePoint> next_change_after(const FreezeSchedule& schedule,
                                                  model::TimePoint now, model::Seconds utc_offset);

}  // namespace tsur::config
