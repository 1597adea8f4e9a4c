// Ear-clipping triangulation of polygons with holes, so concave region outlines can be filled
// with triangles (ImGui 1.86 has no concave fill and Debian ships no earcut).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/geo_point.hpp"
#include "model/geometry.hpp"

namespace tsur::model {

/// Triangulates the polygon whose rings are `points` split at `ring_starts` (ring_starts[0] == 0;
/// the first ring is the outer boundary, the others are holes; rings are not closed, i.e. the
/// last point is not a repeat of the first). Works in the (lon, lat) plane with any winding.
/// Returns index triples into `points`, each triangle counter-clockwise, none degenerate.
/// Holes are bridged to the outer ring, then ears are clipped: O(n^2) in the vertex count.
/// Collinear and repeated points are tolerated; self-intersecting input never hangs but may
/// leave parts uncovered. Pure; any thread.
std::vector<std::uint32_t> triangulate(std::span<const GeoPoint> points,
                                       std::span<const std::uint32_t> ring_starts);

/// Fills polygon.triangles from its points and rings.
void triangulate(GeoPolygon& polygon);

}  // namespace tsur::model
