// What the live wall composes between two redraws: a poll that brings no new data, or a redraw
// at another second of the same minute, must not change a pixel (the wall would rasterise again
// for nothing; issue 21).
#include <gtest/gtest.h>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/wall_assets.hpp"
#include "display/frame_damage.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "display/strings.hpp"
#include "model/sla.hpp"
#include "support/demo_snapshot.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
const model::TimePoint kMinute = test::at("2026-11-23T10:15:00Z");

TEST(FrameComposer, SameDataLaterInTheSameMinuteAndPageDrawsTheSameFrame) {
    auto loaded = app::load_wall_assets(test::source_dir(), "RU-UD");
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const app::WallAssets& assets = loaded.value();
    const model::SnapshotPtr snap = test::demo_snapshot(assets, kMinute);
    std::size_t overdue = 0;
    for (const auto& inc : snap->incidents) {
        overdue += model::classify(inc, kMinute) == model::SlaState::overdue ? 1 : 0;
    }
    ASSERT_GT(overdue, 0u) << "the map must show overdue rings for this test to mean anything";

    const config::Layout overview = display::overview_layout();
    auto plan = app::plan_frame(overview, true, kWidth, kHeight, std::nullopt);
    ASSERT_TRUE(plan.ok()) << plan.error();
    display::HeadlessTarget target(kWidth, kHeight);
    display::ImGuiSession session(target.raster(), assets.fonts, plan.value().type);
    display::FrameDamage damage;
    display::RedrawPlan last;
    // 10:15:03 and 10:15:10: the same minute and the same 12 s board page, as a poll at :10
    // that brought the same data would redraw.
    for (const int second : {3, 3, 10}) {
        app::FrameState state;
        state.layout = &overview;
        state.plan = &plan.value();
        state.snapshot = snap;
        state.now = kMinute + model::Seconds{second};
        state.playlist_now = state.now;
        state.utc_offset = assets.assets.region->utc_offset;
        state.live_status.has_data = true;
        state.strings = &display::strings_for(display::Language::ru);
        state.assets = &assets.assets;
        auto composed = app::compose_frame(state);
        ASSERT_TRUE(composed.ok()) << composed.error();
        ImDrawData& data =
            app::build_composed_frame(session, composed.value(), plan.value(), 1.0f / 60.0f);
        last = damage.plan(data, true);
        session.rasterise(0, last.rects);
    }
    EXPECT_EQ(last.kind, display::RedrawPlan::Kind::none)
        << last.rects.size() << " rectangles, " << last.damaged_share * 100 << " % of the frame";
}

}  // namespace
}  // namespace tsur
