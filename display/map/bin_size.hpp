// How big a counted bin's disc is drawn: shared by the planning (which keeps discs apart) and the
// drawing of the incident layer.
#pragma once

#include <cstdint>

#include "display/frame_context.hpp"
#include "display/map/map_style.hpp"
#include "display/map/point_binning.hpp"

namespace tsur::display {

/// Inner (text) diameter of a donut of radius r.
float hole_diameter(float r, const MapStyle& st);

/// Radius on a log scale between half and all of the largest, so that mid-sized bins still
/// have room for their count; never too small for the count itself (a merged bin's count can
/// outgrow the hexagon), so that no disc is a pie without its number.
float bin_radius(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st);

/// Outer radius of a drawn bin: its disc plus the overdue arc around it.
float bin_extent(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st);

}  // namespace tsur::display
