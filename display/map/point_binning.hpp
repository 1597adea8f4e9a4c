// Incident points on screen and their aggregation into counted hexagon bins when dots would hide
// each other: the switch is decided per frame from on-screen density, not from a fixed count.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "display/rect.hpp"
#include "model/enums.hpp"

namespace tsur::display {

/// One incident projected onto the canvas, with what its marker needs.
struct MapPoint {
    float x = 0, y = 0;
    std::uint8_t sector = 0;  ///< model::Sector as an index
    std::uint8_t flags = 0;   ///< kPointOverdue | kPointCritical
};
inline constexpr std::uint8_t kPointOverdue = 1;
inline constexpr std::uint8_t kPointCritical = 2;

/// Share (0..1) of points that land in a grid cell of one dot's size that an earlier point
/// already took, i.e. how much of the picture the dots would hide. Points outside `area` are
/// ignored. One pass; allocates one byte per cell per call. Pure; any thread.
float hidden_share(std::span<const MapPoint> points, const Rect& area, float dot_diameter);

/// Above this hidden share, the map draws counted bins instead of dots.
inline constexpr float kAggregateAboveHiddenShare = 0.35f;

/// A hexagon bin with its counts. It is drawn at the member point nearest to the centroid of
/// its points: close to the centroid, yet always at a real incident, so bins near a concave
/// border stay on land.
struct HexBin {
    float x = 0, y = 0;  ///< member point nearest to the centroid
    float centroid_x = 0, centroid_y = 0;
    float hex_x = 0, hex_y = 0;  ///< centre of the hexagon cell
    std::uint32_t count = 0;
    std::uint32_t overdue = 0;
    std::uint32_t critical = 0;
    std::array<std::uint32_t, model::kSectorCount> by_sector{};
    std::uint8_t dominant_sector = 0;  ///< the sector with most points (lowest index on ties)
};

/// Bin index given to points outside the area.
inline constexpr std::uint32_t kNoBin = 0xFFFFFFFFu;

/// Bins the points inside `area` into pointy-top hexagons of circumradius `hex_radius` laid
/// from the area's top-left corner. One pass over the points; bins come out in order of first
/// appearance. When `point_bins` is given it receives, per point, its bin's index (or kNoBin).
/// Pure; any thread.
std::vector<HexBin> bin_points(std::span<const MapPoint> points, const Rect& area, float hex_radius,
                               std::vector<std::uint32_t>* point_bins = nullptr);

}  // namespace tsur::display
