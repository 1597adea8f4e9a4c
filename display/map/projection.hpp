// Lon/lat <-> canvas pixels for region maps: equirectangular scaled by cos(central latitude),
// north up, fitted into a rectangle with margins on any aspect ratio.
#pragma once

#include <imgui.h>

#include "display/rect.hpp"
#include "model/geo_point.hpp"

namespace tsur::display {

/// A lon/lat box (degrees).
struct GeoBounds {
    double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
    model::GeoPoint centre() const {
        return {(min_lat + max_lat) * 0.5, (min_lon + max_lon) * 0.5};
    }
};

/// Why equirectangular: over a region a few degrees tall it distorts scale by a few per cent at
/// most (Udmurtia: +-3.5 % at its north and south edges) and, being affine in (lon, lat), keeps
/// the triangles computed in lon/lat valid on screen, so the land mesh is projected per vertex
/// with no re-triangulation. Immutable value; any thread.
class Projection {
public:
    Projection() = default;
    /// `origin` lands on canvas point (cx, cy); `px_per_deg_lat` pixels per degree of latitude;
    /// longitude is scaled by cos(ref_lat).
    Projection(model::GeoPoint origin, double ref_lat_deg, double px_per_deg_lat, double cx,
               double cy);

    /// The largest projection that shows `bounds` inside `r` shrunk by `margin` on each side,
    /// centred, with the same scale on both axes (aspect preserved).
    static Projection fit(const GeoBounds& bounds, const Rect& r, float margin);

    /// Longitudes are taken within 180° of the centre, so a feed's -170° lands east of 179°.
    ImVec2 forward(model::GeoPoint p) const {
        return ImVec2(
            static_cast<float>(cx_ + (model::unwrap_lon(p.lon, origin_.lon) - origin_.lon) * kx_),
            static_cast<float>(cy_ - (p.lat - origin_.lat) * ky_));
    }
    model::GeoPoint inverse(ImVec2 s) const {
        return {origin_.lat - (static_cast<double>(s.y) - cy_) / ky_,
                origin_.lon + (static_cast<double>(s.x) - cx_) / kx_};
    }

    /// Same centre and reference latitude, `factor` times the scale, centred on canvas (cx, cy)
    /// at geographic point `at` (for magnified insets).
    Projection zoomed(double factor, model::GeoPoint at, double cx, double cy) const;

    double px_per_deg_lat() const { return ky_; }
    double px_per_deg_lon() const { return kx_; }
    /// Pixels per kilometre on the ground (north-south).
    double px_per_km() const { return ky_ / 111.195; }
    double ref_lat() const { return ref_lat_; }
    bool operator==(const Projection&) const = default;

private:
    model::GeoPoint origin_{};
    double ref_lat_ = 0;
    double kx_ = 1, ky_ = 1;
    double cx_ = 0, cy_ = 0;
};

}  // namespace tsur::display
