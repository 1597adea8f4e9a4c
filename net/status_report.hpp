// What the status server says: a health verdict from the wall's data age and proof of rendering,
// and the /healthz JSON and /metrics text built from one consistent set of inputs.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"
#include "net/feed_stats.hpp"
#include "net/render_health.hpp"
#include "net/snapshot_store.hpp"

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
};

struct HealthVerdict {
    bool healthy = true;
    /// "ok", "starting" (no data yet, within stale_after of start), or the first problem.
    std::string status = "ok";
    /// "no_data", "data_stale", "all_records_rejected" and "as_of_future" (the newest poll's
    /// document was refused for that), and render_fault()'s ids.
    std::vector<std::string> problems;
    std::optional<model::Seconds> data_age;  ///< server now - as_of; empty without data
};

/// Pure: unhealthy when the data is older than stale_after (counted from the server's as_of),
/// when there is still no data after stale_after of uptime, when the newest poll's records were
/// all dropped or its as_of lay in the future, or on a render fault.
HealthVerdict assess_health(const StatusInputs& in);

/// The /healthz body (application/json).
std::string healthz_json(const StatusInputs& in, const HealthVerdict& verdict);

/// The /metrics body (Prometheus text). Every rejection reason and display state is present
/// from the first scrape, so rates and alerts work before the first occurrence.
std::string metrics_text(const StatusInputs& in, const HealthVerdict& verdict);

/// Poll results the feed client reports (net/feed_transfer.cpp, net/feed_client*.cpp).
std::vector<std::string_view> known_poll_results();

}  // namespace tsur::net
