// Measures of polygons in the (lon, lat) plane: ring area, polygon area, point in polygon.
#pragma once

#include <span>

#include "model/geo_point.hpp"
#include "model/geometry.hpp"

namespace tsur::model {

/// Signed area of one ring in the (lon, lat) plane: positive when counter-clockwise.
double signed_area(std::span<const GeoPoint> ring);

/// Area of the polygon (outer ring minus holes) in squared degrees, from its rings.
double polygon_area(const GeoPolygon& polygon);

/// Even-odd point-in-polygon test over every ring (so points in holes are outside).
bool contains(const GeoPolygon& polygon, GeoPoint p);

}  // namespace tsur::model
