// The map memo changes only the cost of a frame, never its content: frames drawn with and
// without it carry the same vertices at several instants, and a new snapshot is a miss.
#include "display/map/map_memo.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "app/frame_composer.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "model/geojson_loader.hpp"
#include "model/sla_rules.hpp"
#include "demo/demo_simulator.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/test_fonts.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

struct Fixture {
    Assets assets;
    model::SnapshotPtr snapshot;
    config::Layout layout = overview_layout();
    app::FramePlan plan = app::plan_frame(layout, true, kWidth, kHeight, std::nullopt).take();
    WallStatus status;

    explicit Fixture(double scale) {
        assets.region = std::make_shared<const model::Region>(test::udmurtia_region());
        const std::string text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
        auto geo = model::parse_region_geometry(text, "outline.geojson");
        EXPECT_TRUE(geo.ok()) << geo.error();
        assets.geometry = std::make_shared<const model::RegionGeometry>(geo.take());
        net::SimulatorOptions options;
        options.scale = scale;
        options.boundary = net::outer_rings(*assets.geometry);
        net::DemoSimulator sim(assets.region, options);
        snapshot =
            model::build_snapshot(sim.generate(kNow), assets.region, model::SlaRules::defaults());
        status.has_data = true;
    }

    /// The overview's frame at `now` as the wall decides it (app::compose_frame).
    app::ComposedFrame frame(model::TimePoint now) const {
        return test::compose_test_frame(layout, plan, snapshot, now, status, assets);
    }
};

/// The background draw list of one frame, as bytes (vertices then indices).
std::vector<unsigned char> frame_bytes(ImGuiSession& session, const FrameInputs& in) {
    session.begin_frame(kWidth, kHeight, 1.0f / 60.0f);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    draw_screen(dl, session.fonts(), in);
    std::vector<unsigned char> out(dl->VtxBuffer.size_in_bytes() + dl->IdxBuffer.size_in_bytes());
    std::memcpy(out.data(), dl->VtxBuffer.Data, dl->VtxBuffer.size_in_bytes());
    std::memcpy(out.data() + dl->VtxBuffer.size_in_bytes(), dl->IdxBuffer.Data,
                dl->IdxBuffer.size_in_bytes());
    session.end_frame(in.theme->background);
    return out;
}

TEST(MapMemo, FramesAreTheSameWithAndWithoutIt) {
    const Fixture f(3.0);  // dense enough that the map bins
    HeadlessTarget target(kWidth, kHeight);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(kHeight));
    MapMemo memo;
    // Hours apart, so that incidents turn overdue between frames and bins change their counts.
    for (const auto offset :
         {std::chrono::hours(0), std::chrono::hours(3), std::chrono::hours(30)}) {
        const auto now = kNow + offset;
        const auto cached = frame_bytes(session, f.frame(now).inputs(&memo));
        const auto plain = frame_bytes(session, f.frame(now).inputs());
        EXPECT_EQ(cached, plain) << "at +" << offset.count() << " h";
    }
    EXPECT_EQ(memo.misses(), 1u) << "one map cell, one snapshot";
    EXPECT_EQ(memo.hits(), 2u);
}

TEST(MapMemo, ANewSnapshotIsAMiss) {
    const Fixture a(0.5);
    const Fixture b(0.5);
    HeadlessTarget target(kWidth, kHeight);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(kHeight));
    MapMemo memo;
    frame_bytes(session, a.frame(kNow).inputs(&memo));
    frame_bytes(session, b.frame(kNow).inputs(&memo));
    EXPECT_EQ(memo.misses(), 2u);
    frame_bytes(session, a.frame(kNow + std::chrono::minutes(1)).inputs(&memo));
    EXPECT_EQ(memo.hits(), 1u) << "the older snapshot's entry is still there";
}

TEST(MapMemo, OverdueFlagFollowsTheInstant) {
    config::WidgetSpec spec;
    model::Incident inc;
    inc.location = model::GeoPoint{56.85, 53.2};
    inc.status = model::Status::in_progress;
    inc.due_at = kNow + std::chrono::hours(1);
    inc.at_risk_at = kNow;
    const Projection proj = Projection::fit(GeoBounds{56, 58, 52, 54}, Rect{0, 0, 100, 100}, 0);
    const std::vector<model::Incident> incidents{inc};
    const MapPointSet set = project_points(incidents, spec, proj);
    ASSERT_EQ(set.points.size(), 1u);
    EXPECT_EQ(points_at(set, kNow)[0].flags & kPointOverdue, 0);
    EXPECT_NE(points_at(set, kNow + std::chrono::hours(1))[0].flags & kPointOverdue, 0);
    inc.answered_at = kNow + std::chrono::hours(2);
    const std::vector<model::Incident> answered{inc};
    const MapPointSet later = project_points(answered, spec, proj);
    EXPECT_EQ(points_at(later, kNow + std::chrono::hours(3))[0].flags & kPointOverdue, 0)
        << "answered by then: no longer overdue, as model::classify says";
}

}  // namespace
}  // namespace tsur::display
