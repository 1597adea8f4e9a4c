// The municipality tile view's geometry as plain data: how big a tile must be to hold legible
// text, the grid that gives the biggest tiles, and which cell each municipality takes so that the
// grid keeps the region's shape roughly. No ImGui, so it is unit-testable and check-layout uses it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "display/rect.hpp"
#include "model/region.hpp"

namespace tsur::display {

/// Tiles check-layout plans for, since a layout names no region: the largest shipped pack's 40
/// places (scripts/make_region_packs.py, MAX_TOWNS) and the whole-region tile.
inline constexpr std::size_t kLargestPackTiles = 41;

/// Sizes of the tile view, all derived from the smallest legible text size `em` (the small role):
/// a tile at its minimum holds one line of the name and one of the counts in that size.
struct TileMetrics {
    float em = 0;
    float gap = 0;    ///< between tiles
    float pad = 0;    ///< inside a tile, around its content
    float bar = 0;    ///< height of the sector bar
    float line = 0;   ///< a line of small text, as the tables space them
    float min_w = 0;  ///< narrowest tile: a district name in its short form ("Завьял. р-н")
    float min_h = 0;  ///< lowest tile: name, counts, bar
    float legend_h = 0;  ///< the legend under the tiles: two lines

    static TileMetrics for_em(float em);
};

/// A tile's place: column and row, from the top left.
struct TileCell {
    int col = 0, row = 0;
    bool operator==(const TileCell&) const = default;
};

/// The grid: its size in cells and the pixel size of one tile.
struct TileShape {
    int cols = 0, rows = 0;
    float tile_w = 0, tile_h = 0;
};

/// Tiles of `region`: one per municipality and one for incidents of the region as a whole.
std::size_t tile_count(const model::Region& region);

/// Where the tiles go inside a panel's `content`: above the legend.
Rect tiles_area(const Rect& content, const TileMetrics& m);

/// The grid with the biggest tiles for `tiles` inside `area`, keeping about an eighth of the cells
/// free so that places can sit where their geography puts them (none spare when that is the only
/// way to fit). nullopt when even a full grid gives tiles below the minimum. Pure; any thread.
std::optional<TileShape> tile_shape(std::size_t tiles, const Rect& area, const TileMetrics& m);

/// The cell of every tile of `region` on a cols x rows grid (cols * rows >= tile_count(region)):
/// entry i for municipality i, the last entry for the whole-region tile. Each centre is mapped to
/// the grid across the centres' extent (north up, longitude scaled by the cosine of latitude);
/// taken in region order, a tile whose cell is taken gets the nearest free one, then tiles swap or
/// move while that brings them closer to their places. The whole-region tile takes the free cell
/// nearest the bottom right. Deterministic: a pure function of the region and the grid size.
std::vector<TileCell> place_tiles(const model::Region& region, int cols, int rows);

/// The pixel rectangle of `cell` of `shape` laid out from the top left of `area`, centred.
Rect tile_rect(const Rect& area, const TileShape& shape, const TileMetrics& m, TileCell cell);

}  // namespace tsur::display
