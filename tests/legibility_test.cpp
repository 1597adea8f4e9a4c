// Physical legibility: 20 arcminutes at the viewing distance, in pixels of the panel, and the
// type scale of every shipped layout meeting it.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "config/layout_parser.hpp"
#include "display/legibility.hpp"
#include "display/wall_geometry.hpp"
#include "display/widget_registry.hpp"
#include "support/paths.hpp"

namespace tsur::display {
namespace {

config::Wall panel(int px_w, int px_h, float mm_w, float mm_h, float distance_m) {
    config::Wall w;
    w.panel_width_px = px_w;
    w.panel_height_px = px_h;
    w.panel_width_mm = mm_w;
    w.panel_height_mm = mm_h;
    w.viewing_distance_m = distance_m;
    return w;
}

TEST(Legibility, TwentyArcminutesAtFiveMetresIsAbout29Millimetres) {
    // 2 * 5000 mm * tan(10') = 29.09 mm; at 1 mm per pixel that needs 30 px.
    EXPECT_EQ(min_legible_px(1.0, 5.0), 30);
    EXPECT_EQ(min_legible_px(0.5, 5.0), 59);
    // Half the distance, half the pixels (rounded up).
    EXPECT_EQ(min_legible_px(1.0, 2.5), 15);
    EXPECT_EQ(min_legible_px(0.0, 5.0), 0) << "unknown pitch";
}

TEST(Legibility, AngleIsTheInverseOfTheMinimum) {
    for (double pitch : {0.315, 0.4935, 0.63, 0.744}) {
        for (double d : {2.0, 4.0, 5.0, 8.0}) {
            const int px = min_legible_px(pitch, d);
            EXPECT_GE(text_angle_arcmin(px, pitch, d), 20.0) << pitch << " mm/px at " << d << " m";
            EXPECT_LT(text_angle_arcmin(px - 1, pitch, d), 20.0) << "the minimum is the smallest";
        }
    }
}

TEST(Legibility, ScaleGrowsWhenTheOutputAloneWouldBeTooSmall) {
    // A 65" 1080p TV at 4 m: 0.744 mm/px needs 32 px; for_height(1080) gives less.
    const config::Wall tv = panel(1920, 1080, 1429, 804, 4);
    const TypeScale by_height = TypeScale::for_height(1080);
    ASSERT_LT(by_height.min_px(), 32.0f);
    const TypeScale s = type_scale_for(tv);
    EXPECT_FLOAT_EQ(s.min_px(), 32.0f);
    for (std::size_t i = 1; i < kTextRoleCount; ++i) {
        EXPECT_GT(s.px[i], s.px[i - 1]) << "roles stay in order";
        EXPECT_GE(s.px[i], by_height.px[i]);
    }
}

TEST(Legibility, ScaleIsNeverBelowTheOutputsOwn) {
    // Close viewing: the legibility minimum is tiny, the height rule wins.
    const config::Wall desk = panel(3840, 2160, 597, 336, 0.6f);
    const TypeScale s = type_scale_for(desk);
    const TypeScale by_height = TypeScale::for_height(2160);
    EXPECT_EQ(s.px, by_height.px);
}

TEST(Legibility, ScaleDependsOnTheWholeCanvas) {
    config::Wall wall = panel(1920, 1080, 1210, 680, 5);
    wall.rows = 3;
    wall.columns = 3;
    wall.bezel.top = wall.bezel.bottom = 1.75f;
    const WallGeometry g = wall_geometry(wall);
    EXPECT_EQ(type_scale_for(wall).px,
              TypeScale::for_height(static_cast<float>(g.canvas_height)).px);
}

TEST(Legibility, EveryShippedLayoutsSmallestTextSubtendsTwentyArcminutes) {
    std::vector<std::string_view> types;
    for (const auto& w : widget_table()) types.push_back(w.type);
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "layouts")) {
        if (entry.path().extension() != ".json") continue;
        const auto c = config::check_layout(test::read_file(entry.path()), "", types);
        const config::Wall& w = c.layout.wall;
        ASSERT_GT(w.panel_height_mm, 0) << entry.path() << ": states the panel's size";
        const double angle =
            text_angle_arcmin(type_scale_for(w).min_px(), text_mm_per_px(w), w.viewing_distance_m);
        EXPECT_GE(angle, 20.0) << entry.path();
    }
}

}  // namespace
}  // namespace tsur::display
