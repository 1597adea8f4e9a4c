// The verdict is logged on change only: a watchdog that withholds pings for 30 s before systemd
// restarts the wall should leave one line saying why, not thirty.
#include "app/frame_proof.hpp"

#include <systemd/sd-daemon.h>

#include <string>

namespace tsur::app {

net::DisplayState display_state(display::WallStatus::Mode mode) {
    using Mode = display::WallStatus::Mode;
    switch (mode) {
        case Mode::live:
            return net::DisplayState::live;
        case Mode::stale:
            return net::DisplayState::stale;
        case Mode::offline:
            return net::DisplayState::offline;
        case Mode::frozen:
            return net::DisplayState::frozen;
        case Mode::off:
            return net::DisplayState::off;
        case Mode::waiting:
            return net::DisplayState::waiting;
    }
    return net::DisplayState::live;
}

std::optional<std::chrono::seconds> unchanged_limit(display::WallStatus::Mode mode) {
    if (mode == display::WallStatus::Mode::frozen) return std::nullopt;
    return kMaxUnchanged;
}

net::FrameReport describe_frame(const display::Image& frame, bool with_png,
                                const display::WallStatus& status, const model::Snapshot* snapshot,
                                std::chrono::duration<double> build_time,
                                std::optional<std::chrono::seconds> max_unchanged) {
    net::FrameReport r;
    r.fingerprint = display::fingerprint(frame);
    r.blank = display::is_blank(frame);
    r.build_time = build_time;
    r.state = display_state(status.mode);
    if (snapshot) {
        r.snapshot_version = snapshot->version;
        r.snapshot_as_of = snapshot->as_of;
    }
    r.max_unchanged = max_unchanged;
    if (with_png) {
        r.png = std::make_shared<const std::vector<std::uint8_t>>(display::encode_png(frame));
    }
    return r;
}

void feed_watchdog(Watchdog& watchdog, const net::FeedStats& stats, const net::RenderHealth& health,
                   Logger& log) {
    const std::string before(watchdog.reason());
    const bool ping = watchdog.should_ping(std::chrono::steady_clock::now(), stats.heartbeat(),
                                           health.snapshot());
    if (watchdog.reason() != before) {
        if (watchdog.reason().empty()) {
            log.info("watchdog: healthy again, pinging systemd");
        } else {
            log.error("watchdog: withholding pings (" + std::string(watchdog.reason()) +
                      "); systemd restarts the wall if this lasts");
        }
    }
    if (ping) sd_notify(0, "WATCHDOG=1");
}

}  // namespace tsur::app
