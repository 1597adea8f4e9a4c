// The systemd watchdog's decision: the render loop may send WATCHDOG=1 only while the io thread
// beats and the wall really shows fresh frames, so a hung thread or a blank screen gets restarted.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "state/render_health.hpp"

namespace tsur::app {

struct WatchdogLimits {
    /// The io thread beats about once a second; this much silence means it hangs.
    std::chrono::seconds io_heartbeat_max{15};
    /// The render loop presents at least once a minute (the clock), so this much is a stall.
    net::RenderFaultLimits render;
};

/// Why a ping is withheld ("" = ping): "io_stalled", or render_fault()'s ids.
std::string_view watchdog_verdict(std::chrono::steady_clock::time_point now,
                                  std::chrono::steady_clock::time_point io_heartbeat,
                                  const net::RenderHealthSnapshot& render,
                                  const WatchdogLimits& limits = {});

/// Paces WATCHDOG=1 for the render loop: pure (no sd_notify inside), so it is testable; the loop
/// sends the ping when should_ping() says so. Render thread only.
class Watchdog {
public:
    /// `interval`: the WatchdogSec systemd gave us (sd_watchdog_enabled), or nullopt when the
    /// service has no watchdog (then should_ping() is always false).
    explicit Watchdog(std::optional<std::chrono::microseconds> interval,
                      WatchdogLimits limits = {});

    /// True when a ping is due (half the interval since the last one) and the verdict is healthy.
    /// Records the verdict for reason().
    bool should_ping(std::chrono::steady_clock::time_point now,
                     std::chrono::steady_clock::time_point io_heartbeat,
                     const net::RenderHealthSnapshot& render);

    /// The newest verdict ("" while healthy); log it when it changes.
    std::string_view reason() const { return reason_; }
    /// The longest the render loop may sleep and still ping in time (max() without a watchdog).
    std::chrono::milliseconds max_sleep() const;
    bool enabled() const { return interval_.has_value(); }

private:
    std::optional<std::chrono::microseconds> interval_;
    WatchdogLimits limits_;
    std::optional<std::chrono::steady_clock::time_point> last_ping_;
    std::string_view reason_;
};

}  // namespace tsur::app
