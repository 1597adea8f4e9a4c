// The strips use the corner arcs ImDrawList::PathRect uses, so the outline is ImGui's; the band
// reaches a pixel into each strip, so no row along the joins is left to a strip's
// anti-aliased edge alone (that showed as a faint line).
#include "display/rounded_fill.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::display {

void fill_rounded_rect(ImDrawList& dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding) {
    // PathRect's clamp for four rounded corners.
    const float r = std::min(
        {rounding, std::fabs(b.x - a.x) * 0.5f - 1.0f, std::fabs(b.y - a.y) * 0.5f - 1.0f});
    const bool opaque = (col >> IM_COL32_A_SHIFT) == 0xFF;
    if (!opaque || r < 1.5f || b.x <= a.x || b.y <= a.y) {
        dl.AddRectFilled(a, b, col, rounding);
        return;
    }
    dl.AddRectFilled(ImVec2(a.x, a.y + r - 1.0f), ImVec2(b.x, b.y - r + 1.0f), col);
    dl.PathArcToFast(ImVec2(a.x + r, a.y + r), r, 6, 9);
    dl.PathArcToFast(ImVec2(b.x - r, a.y + r), r, 9, 12);
    dl.PathFillConvex(col);
    dl.PathArcToFast(ImVec2(b.x - r, b.y - r), r, 0, 3);
    dl.PathArcToFast(ImVec2(a.x + r, b.y - r), r, 3, 6);
    dl.PathFillConvex(col);
}

}  // namespace tsur::display
