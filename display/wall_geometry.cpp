// Pixel positions are whole numbers throughout: a fractional panel origin would resample the
// picture and break the pixel-exact stitching of viewports rendered by different PCs.
#include "display/wall_geometry.hpp"

#include <cmath>
#include <string>

namespace tsur::display {
namespace {

int gap_px(float near_side, float far_side, bool in_px, float mm_per_px) {
    const float width = near_side + far_side;
    if (in_px) return static_cast<int>(std::lround(width));
    if (mm_per_px <= 0) return 0;
    return static_cast<int>(std::lround(width / mm_per_px));
}

float pitch(float mm, int px) { return mm > 0 && px > 0 ? mm / static_cast<float>(px) : 0.0f; }

}  // namespace

int bezel_gap_x(const config::Wall& wall) {
    return gap_px(wall.bezel.right, wall.bezel.left, wall.bezel.in_px,
                  pitch(wall.panel_width_mm, wall.panel_width_px));
}

int bezel_gap_y(const config::Wall& wall) {
    return gap_px(wall.bezel.bottom, wall.bezel.top, wall.bezel.in_px,
                  pitch(wall.panel_height_mm, wall.panel_height_px));
}

WallGeometry wall_geometry(const config::Wall& wall) {
    WallGeometry g;
    g.panel_width = wall.panel_width_px;
    g.panel_height = wall.panel_height_px;
    g.mm_per_px_x = pitch(wall.panel_width_mm, wall.panel_width_px);
    g.mm_per_px_y = pitch(wall.panel_height_mm, wall.panel_height_px);
    const int gx = bezel_gap_x(wall);
    const int gy = bezel_gap_y(wall);
    for (int c = 0; c < wall.columns; ++c) g.column_x.push_back(c * (wall.panel_width_px + gx));
    for (int r = 0; r < wall.rows; ++r) g.row_y.push_back(r * (wall.panel_height_px + gy));
    g.canvas_width = wall.columns * wall.panel_width_px + (wall.columns - 1) * gx;
    g.canvas_height = wall.rows * wall.panel_height_px + (wall.rows - 1) * gy;
    return g;
}

Rect canvas_rect(const WallGeometry& g) {
    return Rect{0, 0, static_cast<float>(g.canvas_width), static_cast<float>(g.canvas_height)};
}

Rect panel_rect(const WallGeometry& g, int col, int row) {
    return Rect{static_cast<float>(g.column_x.at(static_cast<std::size_t>(col))),
                static_cast<float>(g.row_y.at(static_cast<std::size_t>(row))),
                static_cast<float>(g.panel_width), static_cast<float>(g.panel_height)};
}

float cell_gap_px(const WallGeometry& g, const config::Screen& screen, float fallback_px) {
    if (g.mm_per_px_x <= 0) return fallback_px;
    return std::round(screen.gap_mm / g.mm_per_px_x);
}

ViewportMap viewport_of_rect(const Rect& r) {
    ViewportMap m;
    m.output_width = static_cast<int>(r.w);
    m.output_height = static_cast<int>(r.h);
    m.parts.push_back(OutputPart{Rect{0, 0, r.w, r.h}, r});
    return m;
}

ViewportMap viewport_of_canvas(const WallGeometry& g) { return viewport_of_rect(canvas_rect(g)); }

ViewportMap viewport_of_panels(const WallGeometry& g, int col, int row, int cols, int rows) {
    ViewportMap m;
    m.output_width = cols * g.panel_width;
    m.output_height = rows * g.panel_height;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const Rect out{static_cast<float>(c * g.panel_width),
                           static_cast<float>(r * g.panel_height),
                           static_cast<float>(g.panel_width), static_cast<float>(g.panel_height)};
            m.parts.push_back(OutputPart{out, panel_rect(g, col + c, row + r)});
        }
    }
    return m;
}

model::Result<ViewportMap> resolve_viewport(const config::ViewportSpec& spec,
                                            const WallGeometry& g) {
    const bool outside_origin = spec.x < 0 || spec.y < 0 || spec.width < 1 || spec.height < 1;
    if (spec.unit == config::ViewportSpec::Unit::panels) {
        const int ncols = static_cast<int>(g.column_x.size());
        const int nrows = static_cast<int>(g.row_y.size());
        if (outside_origin || spec.x + spec.width > ncols || spec.y + spec.height > nrows) {
            return model::Error{"\"" + config::viewport_text(spec) + "\" is outside the wall of " +
                                std::to_string(ncols) + "x" + std::to_string(nrows) + " panels"};
        }
        return viewport_of_panels(g, spec.x, spec.y, spec.width, spec.height);
    }
    if (outside_origin || spec.x + spec.width > g.canvas_width ||
        spec.y + spec.height > g.canvas_height) {
        return model::Error{"\"" + config::viewport_text(spec) + "\" is outside the canvas of " +
                            std::to_string(g.canvas_width) + "x" + std::to_string(g.canvas_height) +
                            " pixels"};
    }
    return viewport_of_rect(Rect{static_cast<float>(spec.x), static_cast<float>(spec.y),
                                 static_cast<float>(spec.width), static_cast<float>(spec.height)});
}

}  // namespace tsur::display
