// Redrawing only what changed must not change the picture: after a minute, a board page or a new
// snapshot, the partially redrawn frame equals, pixel for pixel, the same instant drawn whole.
#include <gtest/gtest.h>

#include <optional>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/wall_assets.hpp"
#include "display/frame_damage.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "display/theme.hpp"
#include "support/demo_snapshot.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

struct Fixture {
    app::WallAssets assets;
    config::Layout layout = overview_layout();
    app::FramePlan plan;
    model::SnapshotPtr first;
    model::SnapshotPtr second;  ///< the next poll's data, 15 s later
};

const Fixture& fixture() {
    static const Fixture f = [] {
        auto loaded = app::load_wall_assets(test::source_dir(), "RU-UD");
        if (!loaded) throw std::runtime_error(loaded.error());
        Fixture out{loaded.take(), overview_layout(), {}, nullptr, nullptr};
        auto plan = app::plan_frame(out.layout, true, kWidth, kHeight, std::nullopt);
        if (!plan) throw std::runtime_error(plan.error());
        out.plan = plan.take();
        out.first = test::demo_snapshot(out.assets, kNow);
        out.second = test::demo_snapshot(out.assets, kNow + std::chrono::seconds{15});
        return out;
    }();
    return f;
}

/// One wall screen that keeps its target across frames, as the render loop keeps its window.
class Screen {
public:
    Screen()
        : target_(kWidth, kHeight),
          session_(target_.raster(), fixture().assets.fonts, fixture().plan.type) {
        live_.has_data = true;
    }

    /// Composes and builds the frame at `now` as the render loop does, then rasterises what
    /// `damage_` says (everything when `whole`).
    RedrawPlan draw(const model::SnapshotPtr& snapshot, model::TimePoint now, bool whole) {
        const Fixture& f = fixture();
        const app::ComposedFrame frame =
            test::compose_test_frame(f.layout, f.plan, snapshot, now, live_, f.assets.assets);
        ImDrawData& data = app::build_composed_frame(session_, frame, f.plan, 1.0f / 60.0f);
        RedrawPlan plan = damage_.plan(data, true);
        if (whole) plan = RedrawPlan{};
        if (plan.kind != RedrawPlan::Kind::none) {
            session_.rasterise(dark_theme().background, plan.rects);
        }
        return plan;
    }

    /// Two whole frames at `now` (ImGui hides auto-sized windows on the first), as a fresh wall.
    void draw_whole(const model::SnapshotPtr& snapshot, model::TimePoint now) {
        draw(snapshot, now, true);
        draw(snapshot, now, true);
    }

    Image capture() const { return target_.capture(); }

private:
    HeadlessTarget target_;
    ImGuiSession session_;
    FrameDamage damage_;
    WallStatus live_;
};

std::size_t differing_pixels(const Image& a, const Image& b) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < a.rgba.size() && i + 3 < b.rgba.size(); i += 4) {
        if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] ||
            a.rgba[i + 2] != b.rgba[i + 2]) {
            ++n;
        }
    }
    return n;
}

/// Draws `before` whole, then `after` only where it differs; compares with `after` drawn whole.
RedrawPlan expect_partial_equals_whole(const model::SnapshotPtr& before_snapshot,
                                       model::TimePoint before, const model::SnapshotPtr& snapshot,
                                       model::TimePoint after) {
    Screen partial;
    partial.draw_whole(before_snapshot, before);
    const RedrawPlan plan = partial.draw(snapshot, after, false);
    Screen whole;
    whole.draw_whole(snapshot, after);
    const Image a = partial.capture();
    const Image b = whole.capture();
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(differing_pixels(a, b), 0u)
        << "partial redraw of " << plan.rects.size() << " rectangles differs from the whole frame";
    return plan;
}

TEST(FrameDamage, UnchangedFrameIsNotRasterisedAgain) {
    Screen screen;
    screen.draw_whole(fixture().first, kNow);
    EXPECT_EQ(screen.draw(fixture().first, kNow, false).kind, RedrawPlan::Kind::none);
}

/// The first snapshot again at `after`: redrawn in part (under half the frame), as whole.
void expect_small_partial_redraw(model::TimePoint after) {
    const RedrawPlan plan =
        expect_partial_equals_whole(fixture().first, kNow, fixture().first, after);
    EXPECT_EQ(plan.kind, RedrawPlan::Kind::partial);
    EXPECT_LT(plan.damaged_share, 0.5);
}

TEST(FrameDamage, MinuteChangeRedrawsPartOfTheFrameAndMatchesAWholeRedraw) {
    expect_small_partial_redraw(kNow + std::chrono::minutes{1});
}

TEST(FrameDamage, BoardPageChangeRedrawsPartOfTheFrameAndMatchesAWholeRedraw) {
    // The overview's board turns a page every 12 s; the clock still shows 10:15.
    expect_small_partial_redraw(kNow + std::chrono::seconds{12});
}

TEST(FrameDamage, NewSnapshotMatchesAWholeRedraw) {
    const auto later = kNow + std::chrono::seconds{15};
    const RedrawPlan plan =
        expect_partial_equals_whole(fixture().first, kNow, fixture().second, later);
    EXPECT_NE(plan.kind, RedrawPlan::Kind::none);
}

TEST(FrameDamage, TilesOfAnUnchangedFrameHaveEqualFingerprints) {
    Screen a;
    a.draw_whole(fixture().first, kNow);
    EXPECT_EQ(a.draw(fixture().first, kNow, false).damaged_share, 0.0);
}

}  // namespace
}  // namespace tsur::display
