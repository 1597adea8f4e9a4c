// Bridging a hole into the outer ring (Eberly's "Triangulation by Ear Clipping"), so a
// polygon with holes becomes one weakly simple ring.
#pragma once

#include <cstdint>

#include "model/triangulation_ring.hpp"

namespace tsur::model::triangulation {

/// Finds the ring node that `m` (a hole's rightmost node) can see along a ray towards +x.
std::uint32_t find_bridge(const Ring& r, std::uint32_t outer, std::uint32_t m);

/// Splices the hole that starts at `m` into the ring at `p` through a zero-width channel.
void splice(Ring& r, std::uint32_t p, std::uint32_t m);

}  // namespace tsur::model::triangulation
