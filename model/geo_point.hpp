// A WGS84 position in degrees, and the one rule for longitudes across the 180° meridian.
#pragma once

namespace tsur::model {

struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

/// `lon` moved by whole turns to lie within 180° of `reference`. A region that crosses the
/// antimeridian (Chukotka) is kept in one frame around its own centre, so it draws as one
/// contiguous picture instead of two halves at both edges. Branches, not fmod: this runs per vertex.
inline double unwrap_lon(double lon, double reference) {
    while (lon - reference > 180.0) lon -= 360.0;
    while (lon - reference < -180.0) lon += 360.0;
    return lon;
}

/// `lon` moved by whole turns into [-180, 180], as GeoJSON (RFC 7946) and the feed carry it.
inline double wrap_lon(double lon) { return unwrap_lon(lon, 0.0); }

}  // namespace tsur::model
