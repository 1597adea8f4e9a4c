// The loop follows imgui_impl_sdlrenderer.cpp of Dear ImGui 1.86 (clip rectangles, runs of
// triangles); the rectangle and glyph handling is ours. A rectangle or glyph is drawn where its
// triangles were, between the runs before and after it, so the order of paint stays ImGui's.
#include "display/sdl_draw.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "display/glyph_blit.hpp"

namespace tsur::display {
namespace {

enum class QuadKind { none, solid, image };

/// ImDrawList::PrimRect's (and ImFont::RenderText's) six indices and four vertices, axis-aligned,
/// one colour: `solid` when every corner samples the atlas's white pixel and the colour is
/// opaque (the pixels are exactly the colour), `image` when the corners map a texture
/// rectangle the same way up (a glyph).
bool is_prim_rect(const ImDrawIdx* idx) {
    const unsigned i0 = idx[0];
    return idx[1] == i0 + 1 && idx[2] == i0 + 2 && idx[3] == i0 && idx[4] == i0 + 2 &&
           idx[5] == i0 + 3;
}

/// The four vertices `v` of a PrimRect (is_prim_rect), axis-aligned and of one colour: `solid`
/// when every corner samples the atlas's white pixel and the colour is opaque (the pixels are
/// exactly the colour), `image` when the corners map a texture rectangle the same way up.
QuadKind classify_quad(const ImDrawVert* v, const ImVec2& white) {
    const ImDrawVert& a = v[0];
    const ImDrawVert& b = v[1];
    const ImDrawVert& c = v[2];
    const ImDrawVert& d = v[3];
    const bool box = a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y &&
                     d.pos.x == a.pos.x && c.pos.x > a.pos.x && c.pos.y > a.pos.y;
    if (!box || b.col != a.col || c.col != a.col || d.col != a.col) return QuadKind::none;
    bool all_white = true;
    for (const ImDrawVert* p : {&a, &b, &c, &d}) {
        all_white = all_white && p->uv.x == white.x && p->uv.y == white.y;
    }
    if (all_white) {
        return (a.col >> IM_COL32_A_SHIFT) == 0xFF ? QuadKind::solid : QuadKind::none;
    }
    const bool mapped = a.uv.y == b.uv.y && b.uv.x == c.uv.x && c.uv.y == d.uv.y &&
                        d.uv.x == a.uv.x && c.uv.x > a.uv.x && c.uv.y > a.uv.y;
    return mapped ? QuadKind::image : QuadKind::none;
}

/// A glyph as an unscaled copy when its size on screen is its size in the atlas (the usual
/// case): SDL then cuts a clipped copy exactly, where a scaled one resamples from the cut, so
/// a glyph across the edge of a partial redraw came out different.
void copy_image(SDL_Renderer* renderer, SDL_Texture* texture, int tex_w, int tex_h,
                const ImDrawVert& a, const ImDrawVert& c) {
    const SDL_Rect src{atlas_texel(a.uv.x, tex_w), atlas_texel(a.uv.y, tex_h),
                       atlas_texel(c.uv.x, tex_w) - atlas_texel(a.uv.x, tex_w),
                       atlas_texel(c.uv.y, tex_h) - atlas_texel(a.uv.y, tex_h)};
    const auto extent = [](float lo, float hi, int src_size) {
        const int start = pixel_edge(lo);
        const bool unscaled = std::fabs((hi - lo) - static_cast<float>(src_size)) < 0.01f;
        return std::pair{start, unscaled ? src_size : pixel_edge(hi) - start};
    };
    const auto [x, w] = extent(a.pos.x, c.pos.x, src.w);
    const auto [y, h] = extent(a.pos.y, c.pos.y, src.h);
    if (w <= 0 || h <= 0 || src.w <= 0 || src.h <= 0) return;
    const SDL_Rect dst{x, y, w, h};
    SDL_SetTextureColorMod(texture, a.col & 0xFF, (a.col >> 8) & 0xFF, (a.col >> 16) & 0xFF);
    SDL_SetTextureAlphaMod(texture, (a.col >> 24) & 0xFF);
    SDL_RenderCopy(renderer, texture, &src, &dst);
}

void fill_solid(SDL_Renderer* renderer, const ImDrawVert& a, const ImDrawVert& c) {
    const int x0 = pixel_edge(a.pos.x);
    const int y0 = pixel_edge(a.pos.y);
    const int x1 = pixel_edge(c.pos.x);
    const int y1 = pixel_edge(c.pos.y);
    if (x1 <= x0 || y1 <= y0) return;
    const SDL_Rect rect{x0, y0, x1 - x0, y1 - y0};
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, a.col & 0xFF, (a.col >> 8) & 0xFF, (a.col >> 16) & 0xFF, 0xFF);
    SDL_RenderFillRect(renderer, &rect);
}

/// Whether any of the three vertices samples the atlas elsewhere than its white texel.
bool samples_glyph(const ImDrawVert* vtx, const ImDrawIdx* idx, const ImVec2& white) {
    for (int k = 0; k < 3; ++k) {
        const ImVec2& uv = vtx[idx[k]].uv;
        if (uv.x != white.x || uv.y != white.y) return true;
    }
    return false;
}

void draw_command(SDL_Renderer* renderer, const ImDrawList& list, const ImDrawCmd& cmd,
                  const GlyphSource& glyphs, const SDL_Rect& clip) {
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const int vtx_count = list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
    const bool on_atlas = cmd.GetTexID() == glyphs.atlas_id;
    // Software target: glyphs are blended into its pixels here, between SDL's own draws (made
    // unbatched, so each has landed when the call returns).
    SDL_Surface* direct = on_atlas ? glyphs.surface : nullptr;
    SDL_Texture* texture = on_atlas ? (direct ? glyphs.white : glyphs.texture)
                                    : static_cast<SDL_Texture*>(cmd.GetTexID());
    if (direct) SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    const auto triangles = [&](unsigned from, unsigned to) {
        if (to <= from) return;
        SDL_RenderGeometryRaw(renderer, texture, &vtx->pos.x, sizeof(ImDrawVert),
                              reinterpret_cast<const SDL_Color*>(&vtx->col), sizeof(ImDrawVert),
                              &vtx->uv.x, sizeof(ImDrawVert), vtx_count, idx + from,
                              static_cast<int>(to - from), sizeof(ImDrawIdx));
        if (direct) SDL_RenderFlush(renderer);
    };
    const ImVec2 white = list._Data->TexUvWhitePixel;
    int tex_w = 0;
    int tex_h = 0;
    if (texture != nullptr && !direct) SDL_QueryTexture(texture, nullptr, nullptr, &tex_w, &tex_h);
    unsigned run = 0;
    unsigned i = 0;
    while (i + 3 <= cmd.ElemCount) {
        if (i + 6 <= cmd.ElemCount && is_prim_rect(idx + i)) {
            const ImDrawVert* quad = vtx + idx[i];
            const QuadKind kind = classify_quad(quad, white);
            if (kind == QuadKind::solid) {
                triangles(run, i);
                fill_solid(renderer, quad[0], quad[2]);
                if (direct) SDL_RenderFlush(renderer);
                i += 6;
                run = i;
                continue;
            }
            if (direct && samples_glyph(vtx, idx + i, white)) {
                triangles(run, i);
                run = i;
                if (blend_glyph_quad(*direct, clip, glyphs.alpha, quad)) {
                    i += 6;
                    run = i;
                    continue;
                }
            } else if (kind == QuadKind::image && !direct && texture != nullptr) {
                triangles(run, i);
                copy_image(renderer, texture, tex_w, tex_h, quad[0], quad[2]);
                i += 6;
                run = i;
                continue;
            }
        }
        if (direct && samples_glyph(vtx, idx + i, white)) {
            triangles(run, i);
            blend_glyph_triangle(*direct, clip, glyphs.alpha, vtx[idx[i]], vtx[idx[i + 1]],
                                 vtx[idx[i + 2]]);
            i += 3;
            run = i;
            continue;
        }
        i += 3;
    }
    triangles(run, cmd.ElemCount);
}

}  // namespace

PixelBox pixel_clip(const ImVec4& clip, const ImVec2& display_pos, int fb_w, int fb_h) {
    const float min_x = std::max(0.0f, clip.x - display_pos.x);
    const float min_y = std::max(0.0f, clip.y - display_pos.y);
    const float max_x = std::min(static_cast<float>(fb_w), clip.z - display_pos.x);
    const float max_y = std::min(static_cast<float>(fb_h), clip.w - display_pos.y);
    if (max_x <= min_x || max_y <= min_y) return {};
    const int x = static_cast<int>(min_x);
    const int y = static_cast<int>(min_y);
    return {x, y, x + static_cast<int>(max_x - min_x), y + static_cast<int>(max_y - min_y)};
}

int atlas_texel(float uv, int size) {
    return static_cast<int>(std::lround(std::clamp(uv, 0.0f, 1.0f) * static_cast<float>(size)));
}

int pixel_edge(float v) { return static_cast<int>(std::ceil(std::clamp(v - 0.5f, -1e7f, 1e7f))); }

void draw_imgui_data(SDL_Renderer* renderer, const ImDrawData& data, const GlyphSource& glyphs) {
    const int fb_w = static_cast<int>(data.DisplaySize.x);
    const int fb_h = static_cast<int>(data.DisplaySize.y);
    if (fb_w == 0 || fb_h == 0) return;
    SDL_Rect old_viewport;
    SDL_Rect old_clip;
    const bool clipped = SDL_RenderIsClipEnabled(renderer) == SDL_TRUE;
    SDL_RenderGetViewport(renderer, &old_viewport);
    SDL_RenderGetClipRect(renderer, &old_clip);
    const auto reset = [&] {
        SDL_RenderSetViewport(renderer, nullptr);
        SDL_RenderSetClipRect(renderer, nullptr);
    };
    reset();
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    reset();
                } else {
                    cmd.UserCallback(&list, &cmd);
                }
                continue;
            }
            const PixelBox box = pixel_clip(cmd.ClipRect, data.DisplayPos, fb_w, fb_h);
            if (box.empty()) continue;
            const SDL_Rect clip{box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0};
            SDL_RenderSetClipRect(renderer, &clip);
            draw_command(renderer, list, cmd, glyphs, clip);
        }
    }
    SDL_RenderSetViewport(renderer, &old_viewport);
    SDL_RenderSetClipRect(renderer, clipped ? &old_clip : nullptr);
}

}  // namespace tsur::display
