// This PC's part of a layout's canvas: --viewport wins over the config's display.viewport, and an
// error about a viewport names where it was written, the flag or the config field.
#include "app/frame_plan.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tsur::app {
namespace {

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
    display.viewport = config::Viewport{x, y, width, height};
    return display;
}

model::Result<FramePlan> plan(const std::optional<ViewportChoice>& viewport) {
    return plan_frame(two_panel_layout(), false, 1920, 1080, viewport);
}

TEST(FramePlan, ConfigViewportOutsideTheCanvasNamesTheConfigField) {
    const auto choice =
        choose_viewport(std::nullopt, config_viewport(1920, 0, 3840, 1080), "/etc/tsur-wall/w.json");
    const auto p = plan(choice);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().find("/etc/tsur-wall/w.json: display.viewport: "), 0u) << p.error();
    EXPECT_NE(p.error().find("outside the canvas of 3840x1080"), std::string::npos) << p.error();
    EXPECT_EQ(p.error().find("--viewport"), std::string::npos) << p.error();
}

TEST(FramePlan, FlagViewportOutsideTheWallNamesTheFlag) {
    const auto spec = display::parse_viewport("panels:1,0,2,1");
    ASSERT_TRUE(spec.ok()) << spec.error();
    const auto p = plan(choose_viewport(spec.value(), {}, "w.json"));
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().find("--viewport: \"panels:1,0,2,1\" is outside the wall of 2x1 panels"),
              0u)
        << p.error();
}

TEST(FramePlan, FlagWinsOverTheConfigViewport) {
    const auto spec = display::parse_viewport("panels:1,0");
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
