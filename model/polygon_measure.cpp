// Shoelace areas and an even-odd crossing test; rings with bad bounds are skipped, not trusted.
#include "model/polygon_measure.hpp"

#include <cmath>
#include <cstddef>

namespace tsur::model {

double signed_area(std::span<const GeoPoint> ring) {
    if (ring.size() < 3) return 0.0;
    double twice = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        twice += (ring[j].lon - ring[i].lon) * (ring[j].lat + ring[i].lat);
    }
    return twice * 0.5;
}

double polygon_area(const GeoPolygon& polygon) {
    double area = 0;
    const auto& rs = polygon.ring_starts;
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t end = k + 1 < rs.size() ? rs[k + 1] : polygon.points.size();
        if (rs[k] >= end || end > polygon.points.size()) continue;
        const double a = std::abs(
            signed_area(std::span<const GeoPoint>(polygon.points).subspan(rs[k], end - rs[k])));
        area += k == 0 ? a : -a;
    }
    return area;
}

bool contains(const GeoPolygon& polygon, GeoPoint p) {
    bool inside = false;
    const auto& rs = polygon.ring_starts;
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t begin = rs[k];
        const std::size_t end = k + 1 < rs.size() ? rs[k + 1] : polygon.points.size();
        if (begin >= end || end > polygon.points.size()) continue;
        for (std::size_t i = begin, j = end - 1; i < end; j = i++) {
            const GeoPoint& a = polygon.points[i];
            const GeoPoint& b = polygon.points[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) &&
                p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace tsur::model
