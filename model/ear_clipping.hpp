// Clipping the ears of one weakly simple ring (holes already bridged) into triangles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/triangulation_ring.hpp"

namespace tsur::model::triangulation {

/// Clips the `count` nodes of the ring at `start` into counter-clockwise index triples appended to
/// `out`; degenerate and self-intersecting rings never hang (parts may stay uncovered).
void clip_ears(Ring& r, std::uint32_t start, std::size_t count, std::vector<std::uint32_t>& out);

}  // namespace tsur::model::triangulation
