// Draws one PC's view of the wall: each output part shows its canvas rectangle, clipped to its
// monitor, optionally moved by the burn-in pixel shift.
#pragma once

#include "config/playlist.hpp"
#include "display/frame_builder.hpp"
#include "display/wall_geometry.hpp"

namespace tsur::display {

class ImGuiSession;

/// Draws `in` (in.canvas = the whole wall; in.viewport is ignored) into `draw` once per part of
/// `map`. `shift` moves the picture right/down by (dx, dy) pixels. Render thread only.
void draw_viewport(ImDrawList* draw, const FontSet& fonts, const FrameInputs& in,
                   const ViewportMap& map, config::PixelShift shift = {});

/// Builds one frame of map.output_width x map.output_height in `session` without rasterising it
/// (ImGuiSession::rasterise does, whole or in part).
ImDrawData& build_viewport(ImGuiSession& session, const FrameInputs& in, const ViewportMap& map,
                           float delta_seconds, config::PixelShift shift = {});

/// One full frame of map.output_width x map.output_height through `session` (see render_frame).
void render_viewport(ImGuiSession& session, const FrameInputs& in, const ViewportMap& map,
                     float delta_seconds, config::PixelShift shift = {});

}  // namespace tsur::display
