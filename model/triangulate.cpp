// Ear clipping over an index-linked ring: holes are bridged into the outer ring first (Eberly's
// "Triangulation by Ear Clipping"), which turns a polygon with holes into one weakly simple ring.
#include "model/triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "model/ear_clipping.hpp"
#include "model/hole_bridge.hpp"
#include "model/triangulation_ring.hpp"

namespace tsur::model {

using triangulation::build_ring;
using triangulation::clip_ears;
using triangulation::find_bridge;
using triangulation::kNone;
using triangulation::Node;
using triangulation::Ring;
using triangulation::splice;

std::vector<std::uint32_t> triangulate(std::span<const GeoPoint> points,
                                       std::span<const std::uint32_t> ring_starts) {
    std::vector<std::uint32_t> out;
    if (ring_starts.empty() || points.size() < 3) return out;
    const auto ring_end = [&](std::size_t k) {
        return k + 1 < ring_starts.size() ? ring_starts[k + 1]
                                          : static_cast<std::uint32_t>(points.size());
    };
    for (std::size_t k = 0; k < ring_starts.size(); ++k) {
        if (ring_starts[k] > ring_end(k) || ring_end(k) > points.size()) return out;
    }
    Ring ring(points.size() + 4 * ring_starts.size());
    const std::uint32_t outer = build_ring(ring, points, ring_starts[0], ring_end(0), true);
    if (outer == kNone) return out;

    struct Hole {
        std::uint32_t rightmost;
        double x, y;
    };
    std::vector<Hole> holes;
    for (std::size_t k = 1; k < ring_starts.size(); ++k) {
        const std::uint32_t first = build_ring(ring, points, ring_starts[k], ring_end(k), false);
        if (first == kNone) continue;
        std::uint32_t best = first;
        for (std::uint32_t n = ring.at(first).next; n != first; n = ring.at(n).next) {
            const Node& a = ring.at(n);
            const Node& b = ring.at(best);
            if (a.x > b.x || (a.x == b.x && a.y < b.y)) best = n;
        }
        holes.push_back(Hole{best, ring.at(best).x, ring.at(best).y});
    }
    // Right to left, so a hole's ray can only meet the outer ring or holes already bridged.
    std::sort(holes.begin(), holes.end(),
              [](const Hole& a, const Hole& b) { return a.x != b.x ? a.x > b.x : a.y < b.y; });
    for (const Hole& h : holes) {
        const std::uint32_t bridge = find_bridge(ring, outer, h.rightmost);
        if (bridge != kNone) splice(ring, bridge, h.rightmost);
    }
    std::size_t count = 1;
    for (std::uint32_t n = ring.at(outer).next; n != outer; n = ring.at(n).next) ++count;
    out.reserve(3 * count);
    clip_ears(ring, outer, count, out);
    return out;
}

void triangulate(GeoPolygon& polygon) {
    polygon.triangles = triangulate(polygon.points, polygon.ring_starts);
}

}  // namespace tsur::model
