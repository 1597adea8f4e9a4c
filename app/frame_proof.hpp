// The render loop's side of proof of rendering: describing a presented frame for RenderHealth,
// and feeding the systemd watchdog from it.
#pragma once

#include <chrono>
#include <optional>

#include "app/logger.hpp"
#include "app/watchdog.hpp"
#include "display/frame_context.hpp"
#include "display/image.hpp"
#include "model/snapshot.hpp"
#include "net/feed_stats.hpp"
#include "net/render_health.hpp"

namespace tsur::app {

net::DisplayState display_state(display::WallStatus::Mode mode);

/// Describes one frame: fingerprint and blank flag from the captured pixels, what is on screen,
/// and (when `with_png`) the frame's PNG for /screenshot.png. Render thread.
net::FrameReport describe_frame(const display::Image& frame, bool with_png,
                                const display::WallStatus& status, const model::Snapshot* snapshot,
                                std::chrono::duration<double> build_time,
                                std::optional<std::chrono::seconds> max_unchanged);

/// Sends WATCHDOG=1 when the watchdog allows it, and logs when the verdict changes. Call on
/// every turn of the render loop. Render thread.
void feed_watchdog(Watchdog& watchdog, const net::FeedStats& stats, const net::RenderHealth& health,
                   Logger& log);

}  // namespace tsur::app
