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
    Rect canvas;    ///< the whole wall in pixels
    Rect viewport;  ///< the part of the canvas this output shows (canvas coordinates)
    float gap_px = 16;
    model::TimePoint now{};
    double anim_seconds = 0;
    const WallStatus* status = nullptr;
    const Theme* theme = nullptr;
    const Strings* strings = nullptr;
    const Assets* assets = nullptr;
    MapMemo* map_memo = nullptr;   ///< optional; what is drawn is the same without it
    GlyphTally* glyphs = nullptr;  ///< optional; receives the frame's '?' fallbacks
    SceneReport* scene = nullptr;  ///< optional; receives every text run and mark drawn
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
