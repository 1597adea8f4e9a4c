// Pinging at half the interval leaves a whole half for one slow frame (a 4K frame on a software
// rasteriser takes ~150 ms, a stuck GPU driver much longer) before systemd acts.
#include "app/watchdog.hpp"

#include <algorithm>

namespace tsur::app {

using Steady = std::chrono::steady_clock;

std::string_view watchdog_verdict(Steady::time_point now, Steady::time_point io_heartbeat,
                                  const net::RenderHealthSnapshot& render,
                                  const WatchdogLimits& limits) {
    // A heartbeat of the clock's epoch means the io thread never beat: as hung as a late one.
    if (now - io_heartbeat > limits.io_heartbeat_max) return "io_stalled";
    return net::render_fault(render, now, limits.render);
}

Watchdog::Watchdog(std::optional<std::chrono::microseconds> interval, WatchdogLimits limits)
    : interval_(interval), limits_(limits) {}

bool Watchdog::should_ping(Steady::time_point now, Steady::time_point io_heartbeat,
                           const net::RenderHealthSnapshot& render) {
    reason_ = watchdog_verdict(now, io_heartbeat, render, limits_);
    if (!interval_ || !reason_.empty()) return false;
    if (last_ping_ && now - *last_ping_ < *interval_ / 2) return false;
    last_ping_ = now;
    return true;
}

std::chrono::milliseconds Watchdog::max_sleep() const {
    if (!interval_) return std::chrono::milliseconds::max();
    // A quarter: the loop wakes, finds a ping due within the half-interval, with room to spare.
    return std::max(std::chrono::milliseconds{10},
                    std::chrono::duration_cast<std::chrono::milliseconds>(*interval_ / 4));
}

}  // namespace tsur::app
