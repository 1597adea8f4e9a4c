// The render loop's side of proof of rendering (the live check; net::render_fault judges it):
// how often and how much of a frame is read back, how long a picture may stay unchanged,
// describing a presented frame for RenderHealth, and feeding the systemd watchdog from it.
#pragma once

#include <chrono>
#include <optional>

#include "app/logger.hpp"
#include "app/watchdog.hpp"
#include "display/frame_context.hpp"
#include "display/image.hpp"
#include "model/snapshot.hpp"
#include "state/feed_stats.hpp"
#include "state/render_health.hpp"

namespace tsur::app {

/// A read-back costs milliseconds to tens of them; proof of rendering needs one a minute, not one
/// a frame, since the header clock changes the picture every minute anyway.
inline constexpr std::chrono::seconds kProofInterval{60};
/// Two proofs a minute apart always differ on a healthy wall; 150 s tolerates one late proof.
inline constexpr std::chrono::seconds kMaxUnchanged{150};
/// Rows read back for a proof: one every ~34 px at 2160, so the clock's digits (a few hundred
/// pixels tall at 4K) always cross several of them and a new minute changes the fingerprint.
inline constexpr int kProofRows = 64;

/// How long a picture drawn in `mode` may stay unchanged: no limit while frozen (held on
/// purpose), kMaxUnchanged otherwise (scheduled off is exempted by net::render_fault).
std::optional<std::chrono::seconds> unchanged_limit(display::WallStatus::Mode mode);

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
