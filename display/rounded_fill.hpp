// Rounded rectangles the CPU rasteriser can afford: the body as one rectangle, only the rounded
// strips as triangles.
#pragma once

#include <imgui.h>

namespace tsur::display {

/// Fills what ImDrawList::AddRectFilled(a, b, col, rounding) fills. An opaque one is drawn as a
/// rectangle for the straight middle band plus ImGui's convex fills of the two rounded strips:
/// ImGui's single fan from one corner gives every triangle nearly the whole panel as its
/// bounding box, and SDL's software renderer tests every pixel of each box (a 4K frame of
/// panels cost ~30 passes over its area). Translucent ones stay ImGui's (overlap would show).
void fill_rounded_rect(ImDrawList& dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding);

}  // namespace tsur::display
