// One frame of the wall, decided: which screen of the layout, which snapshot at which instant,
// and what the status overlay says. The render loop, --screenshot, the tests and the benches all
// call compose_frame(); nothing else assembles display::FrameInputs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "app/frame_plan.hpp"
#include "app/freeze_state.hpp"
#include "config/layout.hpp"
#include "config/playlist.hpp"
#include "display/frame_builder.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {
class ImGuiSession;
}  // namespace tsur::display

namespace tsur::app {

/// What the wall knows when it decides a frame. Borrowed pointers must outlive the call.
struct FrameState {
    const config::Layout* layout = nullptr;
    const FramePlan* plan = nullptr;
    model::SnapshotPtr snapshot;      ///< the live snapshot to show (null: none yet)
    model::TimePoint now{};           ///< server time: countdowns and the data's age
    model::TimePoint playlist_now{};  ///< the clock the playlist follows (every PC agrees on it)
    model::Seconds utc_offset{0};     ///< the region's, for the playlist's day schedule
    display::WallStatus live_status;  ///< wall_status() of the feed, before freeze and schedule
    FreezeView freeze;
    bool layout_invalid = false;        ///< the layout file on disk was refused (overlay says so)
    std::optional<std::string> screen;  ///< show this screen id whatever the playlist says
    const display::Strings* strings = nullptr;
    const display::Assets* assets = nullptr;
};

/// The decided frame: what it shows (for logs, /healthz and tests) and what to draw it from.
struct ComposedFrame {
    config::LayoutFrame playlist;  ///< the playlist's screen, on/off, shift, next change
    std::size_t screen_index = 0;
    const config::Screen* screen = nullptr;  ///< the screen chosen (null: the layout has none)
    model::SnapshotPtr snapshot;             ///< the data of the frame (null: none yet)
    model::TimePoint now{};                  ///< the instant drawn (the freeze's while frozen)
    display::WallStatus status;
    display::Rect canvas;
    float gap_px = 0;
    const display::Strings* strings = nullptr;
    const display::Assets* assets = nullptr;

    /// Scheduled off: the frame is black, whatever `screen` and `snapshot` hold.
    bool off() const { return status.mode == display::WallStatus::Mode::off; }

    /// The display layer's inputs (no screen and no snapshot when off); they point into this object, which must outlive the drawing.
    display::FrameInputs inputs(display::MapMemo* memo = nullptr,
                                display::GlyphTally* glyphs = nullptr,
                                display::SceneReport* scene = nullptr) const;
};

/// Pure: decides the frame. A named `screen` wins over the playlist and its day schedule; a
/// freeze holding a screen wins over the playlist; outside the schedule the frame is black with
/// the "off" status; while frozen the held snapshot is drawn at the held instant. The Error
/// names a `screen` the layout does not have.
model::Result<ComposedFrame> compose_frame(const FrameState& state);

/// Builds `frame`'s draw data for this PC's viewport of `plan` without rasterising it
/// (ImGuiSession::rasterise does, whole or in part: the render loop's partial redraw).
ImDrawData& build_composed_frame(display::ImGuiSession& session, const ComposedFrame& frame,
                                 const FramePlan& plan, float delta_seconds,
                                 display::MapMemo* memo = nullptr,
                                 display::GlyphTally* glyphs = nullptr,
                                 display::SceneReport* scene = nullptr);

/// Draws `frame` through `session` on this PC's viewport of `plan` (with the burn-in shift).
void draw_composed_frame(display::ImGuiSession& session, const ComposedFrame& frame,
                         const FramePlan& plan, float delta_seconds,
                         display::MapMemo* memo = nullptr, display::GlyphTally* glyphs = nullptr,
                         display::SceneReport* scene = nullptr);

}  // namespace tsur::app
