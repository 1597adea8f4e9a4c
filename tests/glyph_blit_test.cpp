// Glyphs blended from the one-byte atlas into a software target: where they land, how they turn,
// how a clip cuts them, and that the wall keeps no RGBA copy of its atlas.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "display/glyph_blit.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "support/test_fonts.hpp"

namespace tsur::display {
namespace {

constexpr int kAtlas = 8;

/// An 8x8 atlas whose texel (x, y) covers 16 * x + y + 1 of 255, so every texel is told apart.
std::vector<unsigned char> numbered_atlas() {
    std::vector<unsigned char> a(kAtlas * kAtlas);
    for (int y = 0; y < kAtlas; ++y) {
        for (int x = 0; x < kAtlas; ++x)
            a[y * kAtlas + x] = static_cast<unsigned char>(16 * x + y + 1);
    }
    return a;
}

struct Canvas {
    SdlSurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 16, 16, 32, SDL_PIXELFORMAT_ARGB8888)};
    Canvas() { SDL_FillRect(surface.get(), nullptr, 0xFF000000u); }
    /// The red channel at (x, y): a white glyph over black leaves its coverage there.
    int red(int x, int y) const {
        const auto* row = reinterpret_cast<const Uint32*>(
            static_cast<const Uint8*>(surface->pixels) + y * surface->pitch);
        return static_cast<int>((row[x] >> 16) & 0xFF);
    }
};

ImVec2 uv(int tx, int ty) {
    return {static_cast<float>(tx) / kAtlas, static_cast<float>(ty) / kAtlas};
}

/// PrimRectUV's vertices for screen [x0, x1) x [y0, y1) showing texels [t0, t1), in white.
std::array<ImDrawVert, 4> upright(float x0, float y0, float x1, float y1, ImVec2 t0, ImVec2 t1) {
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    return {{{{x0, y0}, t0, white},
             {{x1, y0}, {t1.x, t0.y}, white},
             {{x1, y1}, t1, white},
             {{x0, y1}, {t0.x, t1.y}, white}}};
}

bool blend(Canvas& c, const SDL_Rect& clip, const std::vector<unsigned char>& atlas,
           const std::array<ImDrawVert, 4>& q) {
    return blend_glyph_quad(*c.surface, clip, AlphaAtlas{atlas.data(), kAtlas, kAtlas}, q.data());
}

const SDL_Rect kWhole{0, 0, 16, 16};

TEST(GlyphBlit, GlyphAtItsBakedSizeShowsEachTexelOnce) {
    const auto atlas = numbered_atlas();
    Canvas c;
    ASSERT_TRUE(blend(c, kWhole, atlas, upright(3, 5, 6, 7, uv(2, 1), uv(5, 3))));
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            const bool inside = x >= 3 && x < 6 && y >= 5 && y < 7;
            const int want = inside ? 16 * (x - 3 + 2) + (y - 5 + 1) + 1 : 0;
            EXPECT_EQ(c.red(x, y), want) << x << "," << y;
        }
    }
}

TEST(GlyphBlit, ColourAndAlphaModulateTheCoverage) {
    std::vector<unsigned char> atlas(kAtlas * kAtlas, 255);
    Canvas c;
    auto q = upright(0, 0, 2, 2, uv(0, 0), uv(2, 2));
    for (ImDrawVert& v : q) v.col = IM_COL32(200, 100, 0, 128);
    ASSERT_TRUE(blend(c, kWhole, atlas, q));
    const auto* px = static_cast<const Uint32*>(c.surface->pixels);
    // Half of (200, 100, 0) over black, rounded: SDL's "blend" with straight alpha.
    EXPECT_EQ((px[0] >> 16) & 0xFF, 100u);
    EXPECT_EQ((px[0] >> 8) & 0xFF, 50u);
    EXPECT_EQ(px[0] & 0xFF, 0u);
    EXPECT_EQ(px[0] >> 24, 255u);  // the frame stays opaque
}

TEST(GlyphBlit, ClipCutsTheGlyphWithoutMovingIt) {
    const auto atlas = numbered_atlas();
    Canvas whole;
    Canvas cut;
    const auto q = upright(2.25f, 3.5f, 7.25f, 8.5f, uv(1, 1), uv(6, 6));
    ASSERT_TRUE(blend(whole, kWhole, atlas, q));
    const SDL_Rect clip{4, 5, 2, 9};
    ASSERT_TRUE(blend(cut, clip, atlas, q));
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            const bool in_clip = x >= 4 && x < 6 && y >= 5 && y < 14;
            EXPECT_EQ(cut.red(x, y), in_clip ? whole.red(x, y) : 0) << x << "," << y;
        }
    }
    EXPECT_NE(whole.red(4, 5), 0);
}

TEST(GlyphBlit, TurnedGlyphReadsUpward) {
    const auto atlas = numbered_atlas();
    Canvas c;
    // The heatmap's upright labels: texel (u, v) of a 3x2 glyph lands at screen (v, 2 - u).
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const std::array<ImDrawVert, 4> q{{{{0, 3}, uv(0, 0), white},
                                       {{0, 0}, uv(3, 0), white},
                                       {{2, 0}, uv(3, 2), white},
                                       {{2, 3}, uv(0, 2), white}}};
    ASSERT_TRUE(blend(c, kWhole, atlas, q));
    for (int u = 0; u < 3; ++u) {
        for (int v = 0; v < 2; ++v) EXPECT_EQ(c.red(v, 2 - u), 16 * u + v + 1) << u << "," << v;
    }
    EXPECT_EQ(c.red(2, 0), 0);
    EXPECT_EQ(c.red(0, 3), 0);
}

TEST(GlyphBlit, RefusesAQuadThatIsNotARectangle) {
    const auto atlas = numbered_atlas();
    Canvas c;
    auto q = upright(0, 0, 4, 4, uv(0, 0), uv(4, 4));
    q[2].pos = ImVec2(5, 4);
    EXPECT_FALSE(blend(c, kWhole, atlas, q));
    EXPECT_EQ(c.red(1, 1), 0);
}

TEST(GlyphBlit, TrianglesSharingAnEdgeDrawItsPixelsOnce) {
    std::vector<unsigned char> atlas(kAtlas * kAtlas, 255);
    Canvas c;
    auto q = upright(0, 0, 8, 8, uv(0, 0), uv(8, 8));
    for (ImDrawVert& v : q) v.col = IM_COL32(255, 255, 255, 128);
    const AlphaAtlas a{atlas.data(), kAtlas, kAtlas};
    blend_glyph_triangle(*c.surface, kWhole, a, q[0], q[1], q[2]);
    blend_glyph_triangle(*c.surface, kWhole, a, q[0], q[2], q[3]);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x)
            EXPECT_EQ(c.red(x, y), x < 8 && y < 8 ? 128 : 0) << x << "," << y;
    }
}

TEST(GlyphBlit, OnlyThirtyTwoBitSurfacesTakeDirectBlits) {
    const SdlSurfacePtr argb(SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32, SDL_PIXELFORMAT_ARGB8888));
    const SdlSurfacePtr rgb565(SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 16, SDL_PIXELFORMAT_RGB565));
    EXPECT_TRUE(blends_directly(argb.get()));
    EXPECT_FALSE(blends_directly(rgb565.get()));
    EXPECT_FALSE(blends_directly(nullptr));
}

TEST(GlyphBlit, SoftwareSessionKeepsTheAtlasOnceAtOneByteATexel) {
    HeadlessTarget target(640, 360);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(360));
    session.begin_frame(640, 360, 0);
    ImGui::GetBackgroundDrawList()->AddText(ImVec2(10, 10), IM_COL32_WHITE, "Ижевск 14:15");
    session.end_frame(IM_COL32_BLACK);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    EXPECT_NE(atlas.TexPixelsAlpha8, nullptr);
    EXPECT_EQ(atlas.TexPixelsRGBA32, nullptr);
    const Image img = target.capture();
    int lit = 0;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) lit += img.rgba[i] > 128 ? 1 : 0;
    EXPECT_GT(lit, 50) << "the text drew no pixels";
}

}  // namespace
}  // namespace tsur::display

namespace tsur::display {
namespace {

/// Renders the same text through `raster` and returns the picture.
Image render_text(const RasterTarget& raster, HeadlessTarget& target) {
    ImGuiSession session(raster, test::dejavu_fonts(), TypeScale::for_height(360));
    session.begin_frame(640, 360, 0);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(640, 360), IM_COL32(20, 24, 32, 255));
    dl->AddText(ImVec2(10, 10), IM_COL32(240, 240, 240, 255), "Ижевск 14:15 · 2930 в работе");
    dl->AddText(ImVec2(10, 60), IM_COL32(255, 80, 80, 200), "−36 мин, просрочено");
    dl->AddCircleFilled(ImVec2(320, 200), 40, IM_COL32(60, 160, 255, 160));
    session.end_frame(IM_COL32_BLACK);
    return target.capture();
}

TEST(GlyphBlit, TextureTargetDrawsWhatTheSurfaceTargetDraws) {
    // A GPU renderer or a scaled window has no surface to blend into: SDL then copies the
    // glyphs from an RGBA texture of the same atlas. Both must show the same picture.
    HeadlessTarget direct_target(640, 360);
    const Image direct = render_text(direct_target.raster(), direct_target);
    HeadlessTarget texture_target(640, 360);
    const Image copied = render_text(RasterTarget{texture_target.renderer(), {}}, texture_target);
    ASSERT_EQ(direct.rgba.size(), copied.rgba.size());
    int worst = 0;
    int lit = 0;
    for (std::size_t i = 0; i < direct.rgba.size(); ++i) {
        worst = std::max(worst, std::abs(int{direct.rgba[i]} - int{copied.rgba[i]}));
        lit += (i % 4 == 0 && direct.rgba[i] > 200) ? 1 : 0;
    }
    // SDL truncates its blend where glyph_blit rounds: a step or two per channel, no more.
    EXPECT_LE(worst, 3);
    EXPECT_GT(lit, 100) << "the text drew no pixels";
}

}  // namespace
}  // namespace tsur::display
