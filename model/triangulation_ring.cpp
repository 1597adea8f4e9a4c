// Rings wound the way ear clipping expects: outer counter-clockwise, holes clockwise.
#include "model/triangulation_ring.hpp"

#include <cmath>

#include "model/polygon_measure.hpp"

namespace tsur::model::triangulation {

std::uint32_t build_ring(Ring& ring, std::span<const GeoPoint> points, std::uint32_t begin,
                         std::uint32_t end, bool counter_clockwise) {
    if (end <= begin + 2) return kNone;
    const double area = signed_area(points.subspan(begin, end - begin));
    if (area == 0 || !std::isfinite(area)) return kNone;
    const bool reverse = (area > 0) != counter_clockwise;
    std::uint32_t first = kNone, last = kNone;
    for (std::uint32_t k = 0; k < end - begin; ++k) {
        const std::uint32_t i = reverse ? end - 1 - k : begin + k;
        last = ring.append(last, points[i], i);
        if (first == kNone) first = last;
    }
    return ring.close(first) >= 3 ? first : kNone;
}

}  // namespace tsur::model::triangulation
