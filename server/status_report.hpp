// What the status server says: a health verdict from the wall's data age and proof of rendering,
// and the /healthz JSON and /metrics text built from one consistent set of inputs.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"
#include "model/work_calendar.hpp"
#include "state/feed_stats.hpp"
#include "state/render_health.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::net {

/// Copies of everything one response reports, taken at one instant.
struct StatusInputs {
    std::string version;
    std::chrono::seconds uptime{0};
    model::TimePoint server_now{};
    std::chrono::steady_clock::time_point steady_now{};
    std::shared_ptr<const PublishedSnapshot> published;  ///< newest snapshot the wall holds
    FeedStatsSnapshot feed;
    RenderHealthSnapshot render;
    model::Seconds stale_after{600};
    RenderFaultLimits render_limits;
    /// The working-day calendar the deadlines use; null: not checked.
    std::shared_ptr<const model::WorkCalendar> calendar;
};

struct HealthVerdict {
    /// False when a problem misleads the room (is_misleading()): /healthz answers 503.
    bool healthy = true;
    /// "ok", "starting" (no data yet, within stale_after of start), or the first misleading
    /// problem.
    std::string status = "ok";
    /// Ids from kProblemKinds, the misleading ones first.
    std::vector<std::string> problems;
    /// One sentence per problem id, for the person on call.
    std::map<std::string, std::string, std::less<>> details;
    std::optional<model::Seconds> data_age;          ///< server now - as_of; empty without data
    std::optional<model::CalendarOutlook> calendar;  ///< empty without StatusInputs::calendar
};

/// A problem /healthz can name, and whether it means the room reads something false now (then
/// /healthz answers 503) or is only named (200).
struct ProblemKind {
    std::string_view id;
    bool misleading;
};

/// Every problem, the misleading ones first: "no_data", "data_stale", "offline" (the wall shows
/// "no connection"), "all_records_rejected" and "as_of_future" (the newest document was refused
/// for that: the shown data will not move), "layout_builtin" (the configured layout never loaded:
/// the built-in overview is on screen), render_fault()'s ids; then "layout_rejected" (the edited file is refused, the
/// last good version is shown), "calendar_ending" (model::calendar_outlook()), "glyph_fallback"
/// (characters drawn as '?').
inline constexpr std::array<ProblemKind, 13> kProblemKinds = {{
    {"no_data", true},
    {"data_stale", true},
    {"offline", true},
    {"all_records_rejected", true},
    {"as_of_future", true},
    {"layout_builtin", true},
    {"no_frame", true},
    {"present_stalled", true},
    {"blank_frame", true},
    {"frame_unchanged", true},
    {"layout_rejected", false},
    {"calendar_ending", false},
    {"glyph_fallback", false},
}};

/// True when the problem means the room reads something false now: /healthz answers 503.
bool is_misleading(std::string_view problem);

/// Pure: every problem of `in`, ordered and explained; unhealthy when one of them misleads.
HealthVerdict assess_health(const StatusInputs& in);

/// The /healthz body (application/json).
std::string healthz_json(const StatusInputs& in, const HealthVerdict& verdict);

/// The /metrics body (Prometheus text). Every rejection reason and display state is present
/// from the first scrape, so rates and alerts work before the first occurrence.
std::string metrics_text(const StatusInputs& in, const HealthVerdict& verdict);

}  // namespace tsur::net
