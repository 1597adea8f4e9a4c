// Filling a projected polygon as runs of whole pixels, one rectangle per run: SDL's software
// renderer fills an axis-aligned rectangle directly but tests every pixel of a triangle's box.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <span>
#include <vector>

namespace tsur::display {

/// A run of pixels [x0, x1) on pixel row y.
struct PixelSpan {
    int y = 0;
    int x0 = 0;
    int x1 = 0;
};

/// The runs of pixel centres inside the rings (outer ring and holes, even-odd rule) of one
/// projected polygon, limited to the pixel box [clip_x0, clip_x1) x [clip_y0, clip_y1); rows top
/// to bottom, runs left to right.
std::vector<PixelSpan> polygon_spans(std::span<const ImVec2> points,
                                     std::span<const std::uint32_t> ring_starts, int clip_x0,
                                     int clip_y0, int clip_x1, int clip_y1);

/// Draws polygon_spans within the draw list's current clip rectangle, one rectangle per run
/// (vertically stacked equal runs joined).
void fill_polygon_spans(ImDrawList& dl, std::span<const ImVec2> points,
                        std::span<const std::uint32_t> ring_starts, ImU32 colour);

}  // namespace tsur::display
