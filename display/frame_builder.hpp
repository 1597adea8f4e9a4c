// Draws one screen of a layout for one instant: background, every cell's widget, the overlay.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Everything one frame depends on; the frame is a pure function of it.
struct FrameInputs {
    const model::Snapshot* snapshot = nullptr;
    const config::Screen* screen = nullptr;
    Rect canvas;     ///< the whole wall in pixels
    Rect viewport;   ///< the part of the canvas this output shows (canvas coordinates)
    float gap_px = 16;
    model::TimePoint now{};
    double anim_seconds = 0;
    const WallStatus* status = nullptr;
    const Theme* theme = nullptr;
    const Strings* strings = nullptr;
    const Assets* assets = nullptr;
};

/// Draws into `draw` (usually ImGui::GetBackgroundDrawList()); render thread only.
void draw_screen(ImDrawList* draw, const FontSet& fonts, const FrameInputs& in);

}  // namespace tsur::display

namespace tsur::display {

class ImGuiSession;

/// One full frame: ImGui frame of `width` x `height`, draw_screen(), rasterise into the session's
/// renderer. The caller presents or captures afterwards.
void render_frame(ImGuiSession& session, const FrameInputs& in, int width, int height,
                  float delta_seconds);

}  // namespace tsur::display

#include "display/wall_geometry.hpp"

namespace tsur::display {

/// Draws every part of a viewport map (one per monitor of a spanning window) into one output
/// frame, each clipped to its output rectangle; `shift` moves the picture against burn-in.
/// `in.viewport` is ignored (each part supplies it). Render thread.
void render_viewport_frame(ImGuiSession& session, const ViewportMap& map, FrameInputs in,
                           float delta_seconds, float shift_x = 0, float shift_y = 0);

}  // namespace tsur::display
