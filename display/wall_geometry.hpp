// Wall geometry: the canvas spans the whole wall in pixels, including the pixels that would lie
// behind the bezels, so a straight line crossing a panel gap stays straight (bezel compensation).
// A PC renders a viewport of the canvas onto one or several monitors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/layout.hpp"
#include "config/viewport.hpp"
#include "display/rect.hpp"
#include "model/result.hpp"

namespace tsur::display {

/// The canvas of one wall and where each panel's visible pixels lie on it. Immutable value.
struct WallGeometry {
    int canvas_width = 0, canvas_height = 0;
    int panel_width = 0, panel_height = 0;  ///< visible pixels of one panel
    std::vector<int> column_x;  ///< canvas x of the first visible pixel of each panel column
    std::vector<int> row_y;     ///< canvas y of the first visible pixel of each panel row
    float mm_per_px_x = 0, mm_per_px_y = 0;  ///< pixel pitch; 0 when the panel size is unknown
};

/// Hidden pixels between two neighbouring panels: the two facing bezels over the pixel pitch,
/// rounded to whole pixels (mm bezels on a panel of unknown size count as 0).
int bezel_gap_x(const config::Wall& wall);
int bezel_gap_y(const config::Wall& wall);

WallGeometry wall_geometry(const config::Wall& wall);

Rect canvas_rect(const WallGeometry& g);
/// The visible pixels of panel (col, row) in canvas coordinates.
Rect panel_rect(const WallGeometry& g, int col, int row);

/// The screen's gap between cells in canvas pixels (gap_mm over the pitch; `fallback_px` when
/// the pitch is unknown).
float cell_gap_px(const WallGeometry& g, const config::Screen& screen, float fallback_px);

/// One rectangle of output pixels and the canvas rectangle (same size) it shows.
struct OutputPart {
    Rect output;
    Rect canvas;
};

/// What one PC's output shows: the output size and its parts. One part for a plain viewport;
/// one per monitor for a window spanning several monitors (their bezels hide canvas pixels
/// that no output shows).
struct ViewportMap {
    int output_width = 0, output_height = 0;
    std::vector<OutputPart> parts;
};

/// The output shows canvas rectangle `r` (whole pixels) 1:1.
ViewportMap viewport_of_rect(const Rect& r);
/// The whole canvas, hidden pixels included (screenshots of the entire wall).
ViewportMap viewport_of_canvas(const WallGeometry& g);
/// A window spanning `cols` x `rows` monitors that show panels (col, row) onwards, side by side
/// with no gaps in the output.
ViewportMap viewport_of_panels(const WallGeometry& g, int col, int row, int cols, int rows);

/// What `spec` shows of the wall `g`; an Error when it does not lie inside the canvas (pixels)
/// or the wall (panels).
model::Result<ViewportMap> resolve_viewport(const config::ViewportSpec& spec,
                                            const WallGeometry& g);

}  // namespace tsur::display
