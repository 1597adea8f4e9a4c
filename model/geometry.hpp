// Region geometry in lon/lat: polygons with holes, triangulated once at load for filling.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/geo_point.hpp"

namespace tsur::model {

/// A polygon: outer ring, then holes, flattened into `points`; `ring_starts` marks where each
/// ring begins (ring_starts[0] == 0). `triangles` holds index triples into `points` that tile the
/// polygon exactly (holes excluded).
struct GeoPolygon {
    std::vector<GeoPoint> points;
    std::vector<std::uint32_t> ring_starts;
    std::vector<std::uint32_t> triangles;
};

struct GeoFeature {
    std::string name;             ///< properties.name
    std::string municipality_id;  ///< properties.id (municipality layers), else empty
    std::vector<GeoPolygon> polygons;
};

/// Immutable after load; any thread may read it.
struct RegionGeometry {
    std::vector<GeoFeature> outline;         ///< the region border (usually one feature)
    std::vector<GeoFeature> municipalities;  ///< municipal boundaries when the assets have them
    double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;  ///< bounding box of the outline
};

}  // namespace tsur::model
