// Projection fitting: one scale for both axes so the region keeps its shape on any wall aspect.
#include "display/map/projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tsur::display {

Projection::Projection(model::GeoPoint origin, double ref_lat_deg, double px_per_deg_lat, double cx,
                       double cy)
    : origin_(origin),
      ref_lat_(ref_lat_deg),
      kx_(px_per_deg_lat * std::cos(ref_lat_deg * std::numbers::pi / 180.0)),
      ky_(px_per_deg_lat),
      cx_(cx),
      cy_(cy) {}

Projection Projection::fit(const GeoBounds& b, const Rect& r, float margin) {
    const model::GeoPoint c = b.centre();
    const double cos_lat = std::cos(c.lat * std::numbers::pi / 180.0);
    // A zero-size box (one point) still needs a finite scale: treat it as ~1 km.
    const double w_deg = std::max((b.max_lon - b.min_lon) * cos_lat, 0.01);
    const double h_deg = std::max(b.max_lat - b.min_lat, 0.01);
    const double avail_w = std::max(1.0, static_cast<double>(r.w) - 2.0 * margin);
    const double avail_h = std::max(1.0, static_cast<double>(r.h) - 2.0 * margin);
    const double k = std::min(avail_w / w_deg, avail_h / h_deg);
    return Projection(c, c.lat, k, r.x + r.w * 0.5, r.y + r.h * 0.5);
}

Projection Projection::zoomed(double factor, model::GeoPoint at, double cx, double cy) const {
    Projection p = *this;
    p.origin_ = at;
    p.kx_ = kx_ * factor;
    p.ky_ = ky_ * factor;
    p.cx_ = cx;
    p.cy_ = cy;
    return p;
}

}  // namespace tsur::display
