// Cell edges are rounded to whole pixels so neighbouring panels never overlap or leave seams.
#include "display/screen_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tsur::display {
namespace {

std::vector<float> edges(const std::vector<float>& fractions, float start, float length,
                         float gap) {
    const float total = std::accumulate(fractions.begin(), fractions.end(), 0.0f);
    const auto n = static_cast<float>(fractions.size());
    const float usable = std::max(0.0f, length - gap * (n + 1));
    std::vector<float> out;
    out.reserve(fractions.size() + 1);
    float pos = start + gap;
    out.push_back(pos);
    for (float f : fractions) {
        pos += (total > 0 ? f / total : 1.0f / n) * usable + gap;
        out.push_back(pos);
    }
    return out;
}

}  // namespace

std::vector<Rect> cell_rects(const config::Screen& screen, const Rect& area, float gap_px) {
    std::vector<Rect> out;
    if (screen.columns.empty() || screen.rows.empty()) return out;
    const auto xs = edges(screen.columns, area.x, area.w, gap_px);
    const auto ys = edges(screen.rows, area.y, area.h, gap_px);
    const int ncols = static_cast<int>(screen.columns.size());
    const int nrows = static_cast<int>(screen.rows.size());
    for (const auto& cell : screen.cells) {
        const int c0 = std::clamp(cell.col, 0, ncols - 1);
        const int r0 = std::clamp(cell.row, 0, nrows - 1);
        const int c1 = std::clamp(cell.col + std::max(1, cell.col_span), 1, ncols);
        const int r1 = std::clamp(cell.row + std::max(1, cell.row_span), 1, nrows);
        const float x0 = std::round(xs[static_cast<std::size_t>(c0)]);
        const float y0 = std::round(ys[static_cast<std::size_t>(r0)]);
        const float x1 = std::round(xs[static_cast<std::size_t>(c1)] - gap_px);
        const float y1 = std::round(ys[static_cast<std::size_t>(r1)] - gap_px);
        out.push_back(Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)});
    }
    return out;
}

}  // namespace tsur::display
