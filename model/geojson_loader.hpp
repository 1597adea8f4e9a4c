// Loads region geometry (outline, optional municipal boundaries) from GeoJSON text into
// triangulated lon/lat polygons; malformed input yields an error naming file, feature and field.
#pragma once

#include <string_view>
#include <vector>

#include "model/geometry.hpp"
#include "model/result.hpp"

namespace tsur::model {

/// Most vertices accepted in one polygon: triangulation is O(n^2), so a hostile file must not
/// stall start-up (Udmurtia's outline has 1 062).
inline constexpr std::size_t kMaxPolygonVertices = 50'000;

/// Parses a FeatureCollection, a single Feature or a bare Polygon/MultiPolygon geometry. Rings
/// must be closed with at least 4 positions; winding is normalised (outer counter-clockwise,
/// holes clockwise, whatever the file says), repeated points are dropped, closing points are not
/// stored, and every polygon is triangulated. Features without geometry (null) are skipped;
/// other geometry types are errors. Pure; any thread.
Result<std::vector<GeoFeature>> parse_geo_features(std::string_view geojson,
                                                   std::string_view file_name);

/// The region outline (bounding box included); `municipalities` stays empty.
Result<RegionGeometry> parse_region_geometry(std::string_view outline_geojson,
                                             std::string_view file_name);

/// The outline plus a municipal-boundaries layer (properties.id = municipality id).
Result<RegionGeometry> parse_region_geometry(std::string_view outline_geojson,
                                             std::string_view outline_file_name,
                                             std::string_view municipalities_geojson,
                                             std::string_view municipalities_file_name);

}  // namespace tsur::model
