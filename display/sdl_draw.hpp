// Hands ImGui's draw data to SDL: the clip rectangles and triangles of Dear ImGui's SDL renderer
// backend, with opaque solid rectangles sent as unblended fills and glyphs as pixel copies.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include "display/glyph_blit.hpp"

namespace tsur::display {

/// Whole framebuffer pixels [x0, x1) x [y0, y1).
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

/// The first whole pixel whose centre lies at or after `v`: [pixel_edge(lo), pixel_edge(hi)) are
/// the pixels a shape spanning [lo, hi) covers. SDL would truncate the left edge and the width
/// apart, and a rectangle crossing the left edge of one PC's viewport (its outside corner moved
/// by viewport_render) would then end a pixel off.
int pixel_edge(float v);

/// The atlas texel edge at texture coordinate `uv` (0..1) of a `size`-texel side.
int atlas_texel(float uv, int size);

/// Where the font atlas's texels come from for the draw commands that use `atlas_id`.
struct GlyphSource {
    ImTextureID atlas_id = nullptr;
    /// A software target's own pixels: glyphs are blended from `alpha` straight into them, and
    /// triangles that sample only the atlas's white texel use `white`, a 1x1 white texture.
    SDL_Surface* surface = nullptr;
    AlphaAtlas alpha;
    SDL_Texture* white = nullptr;
    /// Any other target: the atlas as an RGBA texture.
    SDL_Texture* texture = nullptr;
};

/// The pixels SDL is given for a command's clip rectangle `clip` (render scale 1), cut as ImGui's
/// SDL backend cuts them: the width is truncated from the float difference, not from the two ends.
PixelBox pixel_clip(const ImVec4& clip, const ImVec2& display_pos, int fb_w, int fb_h);

/// Draws `data` as ImGui_ImplSDLRenderer_RenderDrawData does (same clip rectangles and
/// triangles), except that an opaque one-colour rectangle goes to SDL as a fill without blending
/// (SDL's software renderer otherwise blends every pixel of it, a third of a 4K frame's
/// rasterising) and a glyph as whole pixels from `glyphs` (display/glyph_blit on a software
/// target, a texture copy on others); both snap to the pixels whose centres they cover. Keeps
/// the renderer's viewport and clip rectangle. Render thread.
void draw_imgui_data(SDL_Renderer* renderer, const ImDrawData& data, const GlyphSource& glyphs);

}  // namespace tsur::display
