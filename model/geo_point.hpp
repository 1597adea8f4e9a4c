// A WGS84 position in degrees.
#pragma once

namespace tsur::model {

struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

}  // namespace tsur::model
