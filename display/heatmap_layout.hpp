// The heatmap's geometry: its text styles, column widths, how the sector headers go, in which
// form the cells show their numbers and where the legend goes. Measures text, draws nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "display/heatmap_data.hpp"
#include "display/rect.hpp"
#include "display/strings.hpp"
#include "display/text.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// A value as the totals and the legend write it: a count, or a rate with one decimal.
std::string heatmap_value_text(double v, bool per_capita, Language lang);

/// How the cells show their numbers: one choice for the whole table, never half and half.
enum class CellNumbers : std::uint8_t { full, compact, colour_only };

/// A cell's number in the form `mode` (never colour_only).
std::string heatmap_cell_text(double v, bool per_capita, CellNumbers mode, Language lang);

/// The fullest form in which every non-empty cell of the table fits `width`.
CellNumbers heatmap_cell_numbers(const FrameContext& ctx, const TextStyle& st,
                                 const HeatmapData& data, float width);

/// The table's text styles and the spacings derived from its small text size.
struct HeatmapStyles {
    TextStyle name, head, cell;
    float em, gap;
    float line_h;  ///< one line of small text: a header line, and the height of a row
    float chip_h;  ///< half the legend scale's height; the sector bars' height
    float inner;   ///< the margin between cells
};

HeatmapStyles heatmap_styles(const FrameContext& ctx);

/// Where the columns go across the panel, and how tall the sector headers are.
struct HeatmapGeometry {
    float name_w, total_w, cell_w, header_h, grid_x, total_x;
    enum class Header : std::uint8_t { flat, staggered, upright } header;
};

/// Names take what their district-abbreviated forms need, up to a third of the table; totals
/// what their widest figure needs; the shown `sectors` share the rest equally.
HeatmapGeometry heatmap_geometry(const FrameContext& ctx, const model::Snapshot& snap,
                                 const HeatmapData& data, const std::vector<std::size_t>& sectors,
                                 const Rect& content, const HeatmapStyles& st);

/// The legend (caption, scale, its ends) and what it takes from the bottom of the panel.
struct HeatmapLegend {
    std::string caption;
    std::vector<std::string> caption_lines;  ///< the caption wrapped to the names' column
    bool in_corner;                          ///< above the names rather than below the grid
    float h;                                 ///< height taken below the grid
};

/// The legend goes in the empty corner above the names when the upright headers leave room
/// there, else below the grid.
HeatmapLegend heatmap_legend(const FrameContext& ctx, const config::WidgetSpec& spec,
                             const HeatmapGeometry& g, const HeatmapStyles& st,
                             CellNumbers numbers);

}  // namespace tsur::display
