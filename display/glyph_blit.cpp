// The blend is SDL's "blend" mode with the vertex colour as modulation (straight alpha, the
// coverage byte times the colour's alpha), rounded to nearest where SDL truncates.
#include "display/glyph_blit.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "display/sdl_draw.hpp"

namespace tsur::display {
namespace {

/// x / 255, rounded, for x in [0, 255 * 255].
unsigned div255(unsigned x) {
    x += 128;
    return (x + (x >> 8)) >> 8;
}

struct Paint {
    unsigned r, g, b, a;
};

Paint paint_of(ImU32 col) {
    return {col & 0xFF, (col >> 8) & 0xFF, (col >> 16) & 0xFF, (col >> 24) & 0xFF};
}

/// Where a 32-bit surface keeps its channels.
class PixelWriter {
public:
    explicit PixelWriter(const SDL_PixelFormat& f)
        : r_(f.Rshift),
          g_(f.Gshift),
          b_(f.Bshift),
          a_(f.Ashift),
          has_alpha_(f.Amask != 0),
          rest_(~(f.Rmask | f.Gmask | f.Bmask | f.Amask)) {}

    void blend(Uint32& px, unsigned cover, const Paint& p) const {
        const unsigned a = div255(cover * p.a);
        if (a == 0) return;
        const Uint32 d = px;
        const unsigned keep = 255 - a;
        const auto mix = [&](unsigned shift, unsigned src) -> Uint32 {
            return div255(src * a + ((d >> shift) & 0xFF) * keep) << shift;
        };
        Uint32 out = mix(r_, p.r) | mix(g_, p.g) | mix(b_, p.b) | (d & rest_);
        if (has_alpha_) out |= (a + div255(((d >> a_) & 0xFF) * keep)) << a_;
        px = out;
    }

private:
    unsigned r_, g_, b_, a_;
    bool has_alpha_;
    Uint32 rest_;
};

Uint32* row_of(SDL_Surface& s, int y) {
    return reinterpret_cast<Uint32*>(static_cast<Uint8*>(s.pixels) +
                                     static_cast<std::ptrdiff_t>(y) * s.pitch);
}

/// `clip` cut to the surface.
SDL_Rect clip_to(const SDL_Surface& s, const SDL_Rect& clip) {
    const SDL_Rect whole{0, 0, s.w, s.h};
    SDL_Rect out{};
    if (SDL_IntersectRect(&whole, &clip, &out) == SDL_FALSE) return {};
    return out;
}

}  // namespace

bool blends_directly(const SDL_Surface* s) {
    if (s == nullptr || s->pixels == nullptr || SDL_MUSTLOCK(s) || s->format == nullptr) {
        return false;
    }
    const SDL_PixelFormat& f = *s->format;
    return f.BytesPerPixel == 4 && f.Rloss == 0 && f.Gloss == 0 && f.Bloss == 0 &&
           (f.Amask == 0 || f.Aloss == 0);
}

bool blend_glyph_quad(SDL_Surface& surface, const SDL_Rect& clip, const AlphaAtlas& atlas,
                      const ImDrawVert* v) {
    const float lo_x = std::min({v[0].pos.x, v[1].pos.x, v[2].pos.x, v[3].pos.x});
    const float hi_x = std::max({v[0].pos.x, v[1].pos.x, v[2].pos.x, v[3].pos.x});
    const float lo_y = std::min({v[0].pos.y, v[1].pos.y, v[2].pos.y, v[3].pos.y});
    const float hi_y = std::max({v[0].pos.y, v[1].pos.y, v[2].pos.y, v[3].pos.y});
    if (!(hi_x > lo_x) || !(hi_y > lo_y)) return false;
    // Which corner each vertex sits on (bit 0: right, bit 1: bottom); all four, once each, and
    // the texture rectangle's corners in PrimRectUV's order, so the mapping is affine.
    std::array<int, 4> at{-1, -1, -1, -1};
    std::array<int, 4> corner_of{};
    for (int i = 0; i < 4; ++i) {
        const bool right = v[i].pos.x == hi_x;
        const bool bottom = v[i].pos.y == hi_y;
        if ((!right && v[i].pos.x != lo_x) || (!bottom && v[i].pos.y != lo_y)) return false;
        const int corner = (right ? 1 : 0) | (bottom ? 2 : 0);
        if (at[corner] != -1) return false;
        at[corner] = i;
        corner_of[i] = corner;
    }
    if ((corner_of[0] ^ corner_of[2]) != 3 || v[0].col != v[1].col || v[1].col != v[2].col ||
        v[2].col != v[3].col || v[0].uv.y != v[1].uv.y || v[1].uv.x != v[2].uv.x ||
        v[2].uv.y != v[3].uv.y || v[3].uv.x != v[0].uv.x) {
        return false;
    }
    const ImVec2 t = v[at[0]].uv;
    const ImVec2 du{v[at[1]].uv.x - t.x, v[at[1]].uv.y - t.y};  // along the screen's x
    const ImVec2 dv{v[at[2]].uv.x - t.x, v[at[2]].uv.y - t.y};  // along the screen's y
    const int tx0 = atlas_texel(std::min(v[0].uv.x, v[2].uv.x), atlas.width);
    const int tx1 = atlas_texel(std::max(v[0].uv.x, v[2].uv.x), atlas.width);
    const int ty0 = atlas_texel(std::min(v[0].uv.y, v[2].uv.y), atlas.height);
    const int ty1 = atlas_texel(std::max(v[0].uv.y, v[2].uv.y), atlas.height);
    if (tx1 <= tx0 || ty1 <= ty0) return true;

    // Upright and at its baked size (the usual glyph): whole texels to whole pixels, as a copy.
    const bool upright = du.y == 0 && dv.x == 0 && du.x > 0 && dv.y > 0;
    const int x0 = pixel_edge(lo_x);
    const int y0 = pixel_edge(lo_y);
    int x1 = pixel_edge(hi_x);
    int y1 = pixel_edge(hi_y);
    const bool exact_w =
        upright && std::fabs((hi_x - lo_x) - static_cast<float>(tx1 - tx0)) < 0.01f;
    const bool exact_h =
        upright && std::fabs((hi_y - lo_y) - static_cast<float>(ty1 - ty0)) < 0.01f;
    if (exact_w) x1 = x0 + (tx1 - tx0);
    if (exact_h) y1 = y0 + (ty1 - ty0);

    const SDL_Rect c = clip_to(surface, clip);
    const int cx0 = std::max(x0, c.x);
    const int cx1 = std::min(x1, c.x + c.w);
    const int cy0 = std::max(y0, c.y);
    const int cy1 = std::min(y1, c.y + c.h);
    if (cx1 <= cx0 || cy1 <= cy0) return true;

    const PixelWriter writer(*surface.format);
    const Paint paint = paint_of(v[0].col);
    if (exact_w && exact_h) {
        for (int y = cy0; y < cy1; ++y) {
            Uint32* out = row_of(surface, y);
            const unsigned char* cover =
                atlas.pixels + static_cast<std::size_t>(ty0 + (y - y0)) * atlas.width + tx0;
            for (int x = cx0; x < cx1; ++x) {
                if (cover[x - x0] != 0) writer.blend(out[x], cover[x - x0], paint);
            }
        }
        return true;
    }
    const float w = static_cast<float>(atlas.width);
    const float h = static_cast<float>(atlas.height);
    const float span_x = hi_x - lo_x;
    const float span_y = hi_y - lo_y;
    for (int y = cy0; y < cy1; ++y) {
        Uint32* out = row_of(surface, y);
        const float q = (static_cast<float>(y) + 0.5f - lo_y) / span_y;
        for (int x = cx0; x < cx1; ++x) {
            const float s = (static_cast<float>(x) + 0.5f - lo_x) / span_x;
            const int tx = std::clamp(static_cast<int>(std::floor((t.x + s * du.x + q * dv.x) * w)),
                                      tx0, tx1 - 1);
            const int ty = std::clamp(static_cast<int>(std::floor((t.y + s * du.y + q * dv.y) * h)),
                                      ty0, ty1 - 1);
            const unsigned cover = atlas.pixels[static_cast<std::size_t>(ty) * atlas.width + tx];
            if (cover != 0) writer.blend(out[x], cover, paint);
        }
    }
    return true;
}

void blend_glyph_triangle(SDL_Surface& surface, const SDL_Rect& clip, const AlphaAtlas& atlas,
                          const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
    const auto edge = [](const ImVec2& p, const ImVec2& q, float x, float y) {
        return (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x);
    };
    float area = edge(a.pos, b.pos, c.pos.x, c.pos.y);
    if (area == 0 || !std::isfinite(area)) return;
    const float sign = area > 0 ? 1.0f : -1.0f;
    area *= sign;
    // An edge owns the pixel centres on it when it is a top or left edge, so two triangles
    // sharing it draw each pixel once.
    const auto owns = [sign](const ImVec2& p, const ImVec2& q) {
        const float dy = (q.y - p.y) * sign;
        const float dx = (q.x - p.x) * sign;
        return dy < 0 || (dy == 0 && dx > 0);
    };
    const bool own_a = owns(b.pos, c.pos);
    const bool own_b = owns(c.pos, a.pos);
    const bool own_c = owns(a.pos, b.pos);
    const SDL_Rect cl = clip_to(surface, clip);
    const float min_x = std::min({a.pos.x, b.pos.x, c.pos.x});
    const float max_x = std::max({a.pos.x, b.pos.x, c.pos.x});
    const float min_y = std::min({a.pos.y, b.pos.y, c.pos.y});
    const float max_y = std::max({a.pos.y, b.pos.y, c.pos.y});
    const int x0 = std::max(cl.x, pixel_edge(min_x));
    const int x1 = std::min(cl.x + cl.w, pixel_edge(max_x) + 1);
    const int y0 = std::max(cl.y, pixel_edge(min_y));
    const int y1 = std::min(cl.y + cl.h, pixel_edge(max_y) + 1);
    const PixelWriter writer(*surface.format);
    const Paint pa = paint_of(a.col);
    const Paint pb = paint_of(b.col);
    const Paint pc = paint_of(c.col);
    const auto mix = [area](unsigned ca, unsigned cb, unsigned cc, float wa, float wb, float wc) {
        const float v = (static_cast<float>(ca) * wa + static_cast<float>(cb) * wb +
                         static_cast<float>(cc) * wc) /
                        area;
        return static_cast<unsigned>(std::clamp(std::lround(v), 0L, 255L));
    };
    for (int y = y0; y < y1; ++y) {
        Uint32* out = row_of(surface, y);
        const float py = static_cast<float>(y) + 0.5f;
        for (int x = x0; x < x1; ++x) {
            const float px = static_cast<float>(x) + 0.5f;
            const float wa = edge(b.pos, c.pos, px, py) * sign;
            const float wb = edge(c.pos, a.pos, px, py) * sign;
            const float wc = edge(a.pos, b.pos, px, py) * sign;
            if (wa < 0 || wb < 0 || wc < 0 || (wa == 0 && !own_a) || (wb == 0 && !own_b) ||
                (wc == 0 && !own_c)) {
                continue;
            }
            const float u = (a.uv.x * wa + b.uv.x * wb + c.uv.x * wc) / area;
            const float v = (a.uv.y * wa + b.uv.y * wb + c.uv.y * wc) / area;
            const int tx =
                std::clamp(static_cast<int>(std::floor(u * atlas.width)), 0, atlas.width - 1);
            const int ty =
                std::clamp(static_cast<int>(std::floor(v * atlas.height)), 0, atlas.height - 1);
            const unsigned cover = atlas.pixels[static_cast<std::size_t>(ty) * atlas.width + tx];
            if (cover == 0) continue;
            const Paint p{mix(pa.r, pb.r, pc.r, wa, wb, wc), mix(pa.g, pb.g, pc.g, wa, wb, wc),
                          mix(pa.b, pb.b, pc.b, wa, wb, wc), mix(pa.a, pb.a, pc.a, wa, wb, wc)};
            writer.blend(out[x], cover, p);
        }
    }
}

}  // namespace tsur::display
