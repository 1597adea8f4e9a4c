// The scene report as a user reads it: its JSON, and the rules that judge a picture by it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/scene_json.hpp"
#include "support/scene_checks.hpp"

namespace tsur {
namespace {

using display::SceneItem;
using display::SceneKind;

SceneItem text(SceneKind kind, std::string s, display::Rect box, std::uint32_t group) {
    SceneItem it;
    it.kind = kind;
    it.text = std::move(s);
    it.box = box;
    it.group = group;
    return it;
}

SceneItem circle(SceneKind kind, float x, float y, float r, std::uint32_t group) {
    SceneItem it;
    it.kind = kind;
    it.circle = true;
    it.cx = x, it.cy = y, it.r = r;
    it.box = display::Rect{x - r, y - r, 2 * r, 2 * r};
    it.group = group;
    return it;
}

TEST(SceneReport, JsonNamesEveryItemWithItsWidgetShapeAndValue) {
    display::SceneReport scene;
    const auto map = scene.add_widget("map", display::Rect{0, 0, 800, 600});
    const auto g = scene.next_group();
    SceneItem disc = circle(SceneKind::disc, 100, 100, 30, g);
    disc.widget = map;
    SceneItem count = text(SceneKind::count, "1532", display::Rect{80, 92, 40, 16}, g);
    count.widget = map;
    count.value = 1532;
    scene.add(disc);
    scene.add(count);
    const auto j = nlohmann::json::parse(app::scene_json(scene));
    ASSERT_EQ(j["widgets"].size(), 1u);
    EXPECT_EQ(j["widgets"][0]["name"], "map");
    ASSERT_EQ(j["items"].size(), 2u);
    EXPECT_EQ(j["items"][0]["kind"], "disc");
    EXPECT_EQ(j["items"][0]["circle"], nlohmann::json::array({100.0, 100.0, 30.0}));
    EXPECT_EQ(j["items"][1]["kind"], "count");
    EXPECT_EQ(j["items"][1]["text"], "1532");
    EXPECT_EQ(j["items"][1]["value"], 1532);
    EXPECT_EQ(j["items"][1]["rect"], nlohmann::json::array({80.0, 92.0, 40.0, 16.0}));
    EXPECT_EQ(j["items"][0]["group"], j["items"][1]["group"]);
}

TEST(SceneChecks, ACountOnItsOwnDiscIsFineOnAnotherOrUnderALabelIsNot) {
    display::SceneReport scene;
    scene.add_widget("map", display::Rect{0, 0, 800, 600});
    scene.add(circle(SceneKind::disc, 100, 100, 30, 1));
    scene.add(text(SceneKind::count, "24", display::Rect{90, 92, 20, 16}, 1));
    EXPECT_TRUE(test::check_scene(scene).problems.empty());
    scene.add(text(SceneKind::label, "Ижевск", display::Rect{105, 90, 80, 20}, 2));
    scene.add(circle(SceneKind::disc, 140, 100, 20, 3));
    scene.add(text(SceneKind::count, "9", display::Rect{135, 92, 10, 16}, 3));
    const auto found = test::check_scene(scene);
    // "24" and "9" each under the label; the second disc only touches "24"'s box from afar.
    EXPECT_EQ(found.problems.size(), 2u);
}

TEST(SceneChecks, TouchingRowsPassHiddenDotsPassANumberlessDiscDoesNot) {
    display::SceneReport scene;
    scene.add_widget("board", display::Rect{0, 0, 400, 400});
    scene.add(text(SceneKind::text, "row 1", display::Rect{0, 0, 100, 20}, 1));
    scene.add(text(SceneKind::text, "row 2", display::Rect{0, 20.5f, 100, 20}, 2));
    EXPECT_TRUE(test::check_scene(scene).problems.empty()) << "touching is not overlapping";
    scene.add(text(SceneKind::text, "outside", display::Rect{390, 0, 100, 20}, 3));
    EXPECT_EQ(test::check_scene(scene).problems.size(), 1u);

    display::SceneReport map;
    map.add_widget("map", display::Rect{0, 0, 800, 600});
    map.add(circle(SceneKind::dot, 105, 105, 3, 1));  // drawn first, then covered by the disc
    map.add(circle(SceneKind::disc, 100, 100, 30, 2));
    map.add(text(SceneKind::count, "24", display::Rect{90, 92, 20, 16}, 2));
    EXPECT_TRUE(test::check_scene(map).problems.empty());
    map.add(circle(SceneKind::disc, 300, 100, 30, 4));
    EXPECT_EQ(test::check_scene(map).problems.size(), 1u) << "a pie without its number";
}

}  // namespace
}  // namespace tsur
