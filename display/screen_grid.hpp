// Grid arithmetic: a screen's column/row fractions, spans and gaps -> cell rectangles.
#pragma once

#include <vector>

#include "config/layout.hpp"
#include "display/rect.hpp"

namespace tsur::display {

/// Rectangle of every cell of `screen` inside `area`, in the order of screen.cells.
/// Fractions are normalised; `gap_px` separates neighbouring cells and the area's edges.
std::vector<Rect> cell_rects(const config::Screen& screen, const Rect& area, float gap_px);

}  // namespace tsur::display
