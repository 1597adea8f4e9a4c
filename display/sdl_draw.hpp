// Hands ImGui's draw data to SDL: the clip rectangles and triangles of Dear ImGui's SDL renderer
// backend, with opaque solid rectangles sent as unblended fills and glyphs as pixel copies.
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace tsur::display {

/// Whole framebuffer pixels [x0, x1) x [y0, y1).
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

/// The pixels SDL is given for a command's clip rectangle `clip` (render scale 1), cut as ImGui's
/// SDL backend cuts them: the width is truncated from the float difference, not from the two ends.
PixelBox pixel_clip(const ImVec4& clip, const ImVec2& display_pos, int fb_w, int fb_h);

/// Draws `data` as ImGui_ImplSDLRenderer_RenderDrawData does (same clip rectangles, triangles
/// and texture), except that an opaque one-colour rectangle goes to SDL as a fill without
/// blending (SDL's software renderer otherwise blends every pixel of it, a third of a 4K frame's
/// rasterising) and a glyph as a copy of whole pixels; both snap to the pixels whose centres
/// they cover. Keeps the renderer's viewport and clip rectangle. Render thread.
void draw_imgui_data(SDL_Renderer* renderer, const ImDrawData& data);

}  // namespace tsur::display
