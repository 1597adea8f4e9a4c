// The config's display settings reach the picture: viewing distance and panel size choose the
// built-in overview's text sizes through the legibility rule check-layout reports, a layout file
// says when it overrides them, and the overview walks for burn-in like every shipped layout.
// This PC's part of a layout's canvas: --viewport wins over the config's display.viewport, and an
// error about a viewport names where it was written, the flag or the config field.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "config/layout_parser.hpp"
#include "config/playlist.hpp"
#include "display/legibility.hpp"
#include "display/overview_layout.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::app {
namespace {

config::DisplaySettings tv65(double distance_m) {
    config::DisplaySettings d;
    d.panels = config::PanelSize{1429, 804, 5};
    d.viewing_distance_m = distance_m;
    return d;
}

display::TypeScale builtin_type(const config::DisplaySettings& d) {
    const config::Layout overview = display::overview_layout();
    auto plan = plan_frame(overview, true, 1920, 1080, std::nullopt, d);
    EXPECT_TRUE(plan.ok());
    return plan.value().type;
}

TEST(FramePlan, ViewingDistanceChoosesTheOverviewsTextSize) {
    const display::TypeScale near = builtin_type(tv65(2));
    const display::TypeScale far = builtin_type(tv65(30));
    EXPECT_GT(far.min_px(), near.min_px());
    // The same rule check-layout reports: the smallest text subtends 20 arcminutes.
    const double pitch = 804.0 / 1080.0;
    EXPECT_EQ(far.min_px(), static_cast<float>(display::min_legible_px(pitch, 30)));
    EXPECT_GE(display::text_angle_arcmin(far.min_px(), pitch, 30), display::kMinTextArcmin);
}

TEST(FramePlan, PanelSizeChoosesThePixelPitch) {
    config::DisplaySettings small_panel = tv65(10);
    small_panel.panels->width_mm = 700;
    small_panel.panels->height_mm = 394;
    // Smaller pixels need more of them for the same angle.
    EXPECT_GT(builtin_type(small_panel).min_px(), builtin_type(tv65(10)).min_px());
    config::DisplaySettings unknown = tv65(10);
    unknown.panels.reset();
    EXPECT_EQ(builtin_type(unknown).px, display::TypeScale::for_height(1080).px)
        << "without a panel size the pitch is unknown and the height rule alone applies";
}

TEST(FramePlan, BuiltInWallCarriesPanelsAndBezels) {
    const config::Wall w = builtin_wall(3840, 2160, tv65(4));
    EXPECT_FLOAT_EQ(w.panel_height_mm, 804);
    EXPECT_FLOAT_EQ(w.bezel.left, 5);
    EXPECT_FLOAT_EQ(w.viewing_distance_m, 4);
}

TEST(FramePlan, LayoutFileSaysWhichDisplaySettingsItOverrides) {
    EXPECT_EQ(ignored_display_settings(config::DisplaySettings{}), "");
    const std::string msg = ignored_display_settings(tv65(30));
    EXPECT_NE(msg.find("display.panels"), std::string::npos) << msg;
    EXPECT_NE(msg.find("display.viewing_distance_m"), std::string::npos) << msg;
}

TEST(FramePlan, EveryLayoutIncludingTheOverviewShiftsForBurnIn) {
    std::vector<config::Layout> layouts = {display::overview_layout()};
    for (const std::string& name : test::shipped_layout_names()) {
        const auto path = test::source_dir() / "layouts" / (name + ".json");
        auto parsed =
            config::parse_layout(test::read_file(path), path.string(), widget_type_names());
        ASSERT_TRUE(parsed.ok()) << parsed.error();
        layouts.push_back(parsed.take());
    }
    const model::TimePoint t0 = test::at("2026-11-23T10:00:00Z");
    for (const config::Layout& layout : layouts) {
        std::set<std::pair<int, int>> offsets;
        for (int minute = 0; minute < 120; minute += 3) {
            const auto s = config::burn_in_shift(layout.burn_in, t0 + std::chrono::minutes(minute));
            offsets.insert({s.dx, s.dy});
        }
        EXPECT_GT(offsets.size(), 4u) << layout.name << ": the picture walks over several pixels";
    }
}

TEST(FramePlan, CheckLayoutRefusesWhatCannotBeDrawn) {
    const auto path = test::source_dir() / "layouts" / "situation-room.json";
    auto parsed = config::parse_layout(test::read_file(path), path.string(), widget_type_names());
    ASSERT_TRUE(parsed.ok());
    config::Layout layout = parsed.take();
    EXPECT_TRUE(display::undrawable_problems(layout).empty()) << "as shipped, 5 m";
    layout.wall.viewing_distance_m = 15;
    const auto problems = display::undrawable_problems(layout);
    ASSERT_FALSE(problems.empty()) << "the header row cannot hold one line legible at 15 m";
    EXPECT_NE(problems.front().find("(header)"), std::string::npos) << problems.front();
    EXPECT_NE(problems.front().find("15.0 m"), std::string::npos) << problems.front();
}

/// A layout on a 2x1 wall of 1080p panels without bezels: a 3840x1080 canvas.
config::Layout two_panel_layout() {
    config::Layout layout;
    layout.wall.columns = 2;
    layout.wall.rows = 1;
    layout.wall.panel_width_px = 1920;
    layout.wall.panel_height_px = 1080;
    return layout;
}

config::DisplaySettings config_viewport(int x, int y, int width, int height) {
    config::DisplaySettings display;
    display.viewport =
        config::ViewportSpec{config::ViewportSpec::Unit::canvas_px, x, y, width, height};
    return display;
}

model::Result<FramePlan> plan(const std::optional<ViewportChoice>& viewport) {
    return plan_frame(two_panel_layout(), false, 1920, 1080, viewport);
}

TEST(FramePlan, ConfigViewportOutsideTheCanvasNamesTheConfigField) {
    const auto choice = choose_viewport(std::nullopt, config_viewport(1920, 0, 3840, 1080),
                                        "/etc/tsur-wall/w.json");
    const auto p = plan(choice);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().find("/etc/tsur-wall/w.json: display.viewport: "), 0u) << p.error();
    EXPECT_NE(p.error().find("outside the canvas of 3840x1080"), std::string::npos) << p.error();
    EXPECT_EQ(p.error().find("--viewport"), std::string::npos) << p.error();
}

TEST(FramePlan, ConfigPanelsOutsideTheWallNameTheConfigField) {
    const auto conf = config::parse_app_config(
        R"({"feed": {"url": "https://x/api"}, "display": {"viewport": "panels:2,0"}})", "w.json");
    ASSERT_TRUE(conf.ok()) << conf.error();
    const auto p = plan(choose_viewport(std::nullopt, conf.value().display, "w.json"));
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().find("w.json: display.viewport: \"panels:2,0,1,1\" is outside the wall"),
              0u)
        << p.error();
}

TEST(FramePlan, FlagViewportOutsideTheWallNamesTheFlag) {
    const auto spec = config::parse_viewport("panels:1,0,2,1");
    ASSERT_TRUE(spec.ok()) << spec.error();
    const auto p = plan(choose_viewport(spec.value(), {}, "w.json"));
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().find("--viewport: \"panels:1,0,2,1\" is outside the wall of 2x1 panels"),
              0u)
        << p.error();
}

TEST(FramePlan, FlagWinsOverTheConfigViewport) {
    const auto spec = config::parse_viewport("panels:1,0");
    ASSERT_TRUE(spec.ok()) << spec.error();
    const auto p = plan(choose_viewport(spec.value(), config_viewport(0, 0, 64, 64), "w.json"));
    ASSERT_TRUE(p.ok()) << p.error();
    ASSERT_EQ(p.value().viewport.parts.size(), 1u);
    EXPECT_FLOAT_EQ(p.value().viewport.parts[0].canvas.x, 1920);
    EXPECT_EQ(p.value().viewport.output_width, 1920);
}

TEST(FramePlan, ConfigViewportInsideTheCanvasIsShown) {
    const auto p = plan(choose_viewport(std::nullopt, config_viewport(1920, 0, 1920, 1080), "w"));
    ASSERT_TRUE(p.ok()) << p.error();
    ASSERT_EQ(p.value().viewport.parts.size(), 1u);
    EXPECT_FLOAT_EQ(p.value().viewport.parts[0].canvas.x, 1920);
}

TEST(FramePlan, NoViewportShowsTheWholeCanvas) {
    EXPECT_FALSE(choose_viewport(std::nullopt, {}, "w.json"));
    const auto p = plan(std::nullopt);
    ASSERT_TRUE(p.ok()) << p.error();
    EXPECT_EQ(p.value().viewport.output_width, 3840);
    EXPECT_EQ(p.value().viewport.output_height, 1080);
}

}  // namespace
}  // namespace tsur::app
