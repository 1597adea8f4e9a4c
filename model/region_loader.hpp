// Builds a Region from its asset files: region.json (code, name, zone, capital) and the
// municipalities CSV (id,name_ru,name_en,kind,center_ru,lat,lon,population,source).
#pragma once

#include <string_view>

#include "model/geometry.hpp"
#include "model/region.hpp"
#include "model/result.hpp"

namespace tsur::model {

/// Parses the municipalities table. Columns are found by their header names (order free,
/// `source` optional); `kind` is urban_okrug or town (urban), or municipal_okrug /
/// municipal_district.
/// Errors name the file, the line and the column. The capital is left at index 0.
Result<Region> parse_region_csv(std::string_view csv, std::string_view file_name);

/// Parses region.json ({"code","name","time_zone","utc_offset","capital"}) and the CSV into a
/// complete Region; the capital must be one of the CSV's ids.
Result<Region> parse_region(std::string_view region_json, std::string_view csv,
                            std::string_view json_file_name, std::string_view csv_file_name);

/// The pack's region with its places replaced by a centre's own list (parse_region_csv). The
/// capital keeps its id when the list has it, else it is the place nearest the pack's capital.
Region with_municipalities(const Region& pack, Region own);

/// Moves municipality centres into the outline's longitude frame (see unwrap_lon), so a region
/// across 180° keeps its towns next to its land. Call once after both are loaded.
void align_to_geometry(Region& region, const RegionGeometry& geometry);

}  // namespace tsur::model
