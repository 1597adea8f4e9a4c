// Where the map widget puts its parts: the map itself, the legend and the capital inset, either
// side by side (wide cells) or as overlays in the corners with the least land under them.
#pragma once

#include <optional>

#include <imgui.h>

#include "display/map/projection.hpp"
#include "display/rect.hpp"
#include "model/geometry.hpp"

namespace tsur::display {

struct MapLayout {
    Rect map;                    ///< area the region is fitted into
    Projection projection;       ///< region fitted into `map`
    Rect legend;                 ///< legend box
    bool legend_column = false;  ///< one entry per row (else flowed into the box's width)
    std::optional<Rect> inset;   ///< capital inset frame, when wanted and there is room
};

/// The legend measured two ways: as one column, and flowed into rows as wide as the content.
struct LegendSizes {
    ImVec2 column;
    ImVec2 strip;
};

/// Lays out a map in `content` (`gap` is the spacing unit). With room beside the fitted region
/// the legend takes a column on the left and the inset one on the right. Otherwise the legend
/// becomes a strip along the bottom and the inset takes a column on the right if that costs the
/// map at most a quarter of its scale, else it floats over the corner with the least land.
/// `capital` sets the side inset's height; the inset is at least `inset_min_w` wide (its title). Pure; any thread.
MapLayout layout_map(const Rect& content, const model::RegionGeometry& geometry,
                     const LegendSizes& legend, float gap, bool want_inset, model::GeoPoint capital,
                     float inset_min_w = 0.0f);

/// Share (0..1) of `r` over land, estimated on a 6 x 6 grid of samples.
float land_share(const Rect& r, const model::RegionGeometry& geometry, const Projection& p);

}  // namespace tsur::display
