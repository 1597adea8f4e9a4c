// Glyphs blended from ImGui's one-byte atlas straight into a software target's 32-bit pixels: the
// atlas stays a quarter of the RGBA texture SDL would need, and a glyph costs no SDL call.
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace tsur::display {

/// ImGui's baked font atlas, one coverage byte per texel (ImFontAtlas::TexPixelsAlpha8).
struct AlphaAtlas {
    const unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
};

/// Whether glyphs can be blended into `surface` directly: 32 bits a pixel, no lock needed.
bool blends_directly(const SDL_Surface* surface);

/// Blends the glyph quad `v` (ImDrawList::PrimRectUV's four consecutive vertices, one colour: an
/// axis-aligned rectangle on screen, its texture rectangle mapped at any scale and turned by a
/// multiple of 90 degrees) into `surface`, inside `clip`. Pixels whose centres the rectangle
/// covers are drawn, each from the texel under its centre; a glyph shown at its baked size covers
/// exactly its texels, wherever the rectangle is cut. Returns false, drawing nothing, when `v`
/// is not such a rectangle.
bool blend_glyph_quad(SDL_Surface& surface, const SDL_Rect& clip, const AlphaAtlas& atlas,
                      const ImDrawVert* v);

/// Blends one textured triangle (any shape, colours interpolated) into `surface` inside `clip`,
/// by the top-left rule through pixel centres: what no widget draws today, kept so that any
/// textured geometry still shows.
void blend_glyph_triangle(SDL_Surface& surface, const SDL_Rect& clip, const AlphaAtlas& atlas,
                          const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c);

}  // namespace tsur::display
