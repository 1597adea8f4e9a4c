// Bezel compensation and viewports: the canvas counts the pixels hidden behind bezels, panels sit
// on it at whole-pixel offsets, and each PC's output maps to the right canvas rectangles.
#include <gtest/gtest.h>

#include <cmath>

#include "display/wall_geometry.hpp"

namespace tsur::display {
namespace {

/// A 3x3 wall of 55" 1080p panels with 3.5 mm between pictures.
config::Wall situation_room() {
    config::Wall w;
    w.columns = 3;
    w.rows = 3;
    w.panel_width_px = 1920;
    w.panel_height_px = 1080;
    w.panel_width_mm = 1210;
    w.panel_height_mm = 680;
    w.bezel = config::Bezel{1.75f, 1.75f, 1.75f, 1.75f, false};
    w.viewing_distance_m = 5;
    return w;
}

/// Viewport text on the wall `g` as the wall takes it: parsed, then checked against the wall.
model::Result<ViewportMap> viewport(std::string_view text, const WallGeometry& g) {
    auto spec = config::parse_viewport(text);
    if (!spec) return model::Error{spec.error()};
    return resolve_viewport(spec.value(), g);
}

TEST(WallGeometry, BezelGapIsTheFacingBezelsOverThePixelPitch) {
    const config::Wall w = situation_room();
    // 3.5 mm / (1210 / 1920 mm per px) = 5.55 px -> 6 hidden pixels.
    EXPECT_EQ(bezel_gap_x(w), 6);
    EXPECT_EQ(bezel_gap_y(w), 6);
    config::Wall asym = w;
    asym.bezel = config::Bezel{1.0f, 0.5f, 4.0f, 2.0f, false};  // left, top, right, bottom
    EXPECT_EQ(bezel_gap_x(asym), static_cast<int>(std::lround(5.0 / (1210.0 / 1920.0))));
    EXPECT_EQ(bezel_gap_y(asym), static_cast<int>(std::lround(2.5 / (680.0 / 1080.0))));
    config::Wall px = w;
    px.bezel = config::Bezel{3, 2, 4, 2, true};
    EXPECT_EQ(bezel_gap_x(px), 7);
    EXPECT_EQ(bezel_gap_y(px), 4);
}

TEST(WallGeometry, CanvasIncludesTheHiddenPixels) {
    const WallGeometry g = wall_geometry(situation_room());
    EXPECT_EQ(g.canvas_width, 3 * 1920 + 2 * 6);
    EXPECT_EQ(g.canvas_height, 3 * 1080 + 2 * 6);
    const Rect centre = panel_rect(g, 1, 1);
    EXPECT_FLOAT_EQ(centre.x, 1926);
    EXPECT_FLOAT_EQ(centre.y, 1086);
    EXPECT_FLOAT_EQ(centre.w, 1920);
    const Rect last = panel_rect(g, 2, 2);
    EXPECT_FLOAT_EQ(last.right(), static_cast<float>(g.canvas_width));
    EXPECT_FLOAT_EQ(last.bottom(), static_cast<float>(g.canvas_height));
}

TEST(WallGeometry, ALineCrossingABezelStaysStraight) {
    // A 45-degree line through the canvas: where it leaves panel (0,0) and enters panel (1,1),
    // the physical positions (mm from the wall's corner) must lie on one straight line.
    const config::Wall w = situation_room();
    const WallGeometry g = wall_geometry(w);
    const double pitch = 1210.0 / 1920.0;
    const double bezel_mm = 3.5;
    auto physical_x = [&](int canvas_x) {
        // Visible pixel of column c at canvas x maps to c * (panel + bezel) mm + offset.
        for (int c = 2; c >= 0; --c) {
            const int x0 = g.column_x[static_cast<std::size_t>(c)];
            if (canvas_x >= x0) return c * (1920 * pitch + bezel_mm) + (canvas_x - x0) * pitch;
        }
        return 0.0;
    };
    // Pixel spacing on the canvas is uniform, so physical spacing must be uniform too: the
    // mismatch is only the rounding of the gap to whole pixels (< half a pixel).
    const double slope = (physical_x(5000) - physical_x(100)) / (5000 - 100);
    for (int x : {1919, 1926, 3851, 3852}) {
        const double expected = physical_x(100) + (x - 100) * slope;
        EXPECT_LT(std::abs(physical_x(x) - expected), 0.5 * pitch) << "canvas x " << x;
    }
}

TEST(WallGeometry, UnknownPanelSizeHasNoHiddenPixels) {
    config::Wall w;
    w.bezel = config::Bezel{2, 2, 2, 2, false};
    w.columns = 2;
    EXPECT_EQ(bezel_gap_x(w), 0);
    EXPECT_EQ(wall_geometry(w).canvas_width, 3840);
}

TEST(WallGeometry, CanvasRectViewportMapsOneToOne) {
    const WallGeometry g = wall_geometry(situation_room());
    auto m = viewport("1926,0,1920,1080", g);
    ASSERT_TRUE(m) << m.error();
    ASSERT_EQ(m.value().parts.size(), 1u);
    EXPECT_EQ(m.value().output_width, 1920);
    EXPECT_FLOAT_EQ(m.value().parts[0].output.x, 0);
    EXPECT_FLOAT_EQ(m.value().parts[0].canvas.x, 1926);
    EXPECT_FALSE(viewport("5000,0,1920,1080", g)) << "beyond the canvas";
    EXPECT_FALSE(viewport("0,0,1920", g));
    EXPECT_FALSE(viewport("0,0,-5,10", g));
}

TEST(WallGeometry, SpanningWindowHasOnePartPerMonitor) {
    const WallGeometry g = wall_geometry(situation_room());
    // One PC drives the right two panels of the middle row with one 3840x1080 window.
    auto m = viewport("panels:1,1,2,1", g);
    ASSERT_TRUE(m) << m.error();
    const ViewportMap& v = m.value();
    EXPECT_EQ(v.output_width, 3840);
    EXPECT_EQ(v.output_height, 1080);
    ASSERT_EQ(v.parts.size(), 2u);
    EXPECT_FLOAT_EQ(v.parts[0].output.x, 0);
    EXPECT_FLOAT_EQ(v.parts[0].canvas.x, 1926);
    EXPECT_FLOAT_EQ(v.parts[1].output.x, 1920);
    EXPECT_FLOAT_EQ(v.parts[1].canvas.x, 3852) << "the 6 bezel pixels are skipped";
    EXPECT_FLOAT_EQ(v.parts[1].canvas.y, 1086);
    for (const auto& p : v.parts) {
        EXPECT_FLOAT_EQ(p.output.w, p.canvas.w) << "no scaling";
        EXPECT_FLOAT_EQ(p.output.h, p.canvas.h);
    }
    EXPECT_FALSE(viewport("panels:2,0,2,1", g)) << "only 3 columns";
    EXPECT_TRUE(viewport("panels:2,2", g));
}

TEST(WallGeometry, CellGapFollowsThePhysicalSize) {
    const WallGeometry g = wall_geometry(situation_room());
    config::Screen s;
    s.gap_mm = 8;
    EXPECT_FLOAT_EQ(cell_gap_px(g, s, 99), std::round(8 / (1210.0f / 1920.0f)));
    EXPECT_FLOAT_EQ(cell_gap_px(wall_geometry(config::Wall{}), s, 99), 99);
}

}  // namespace
}  // namespace tsur::display
