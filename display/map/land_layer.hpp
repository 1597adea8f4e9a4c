// The map's land layer: the triangulated region filled, its outline and municipal borders stroked.
#pragma once

#include "display/frame_context.hpp"
#include "display/map/map_style.hpp"
#include "display/map/projection.hpp"
#include "model/geometry.hpp"

namespace tsur::display {

/// Fills the triangulated region and strokes its outline (and municipal borders when the
/// geometry has them).
void draw_land(const FrameContext& ctx, const model::RegionGeometry& geometry,
               const Projection& projection, const MapStyle& style);

}  // namespace tsur::display
