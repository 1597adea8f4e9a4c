// Scheduled briefing freezes: weekly windows in the region's local time, their edges, and how the
// freeze state follows them without overriding an operator.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/freeze_state.hpp"
#include "config/freeze_schedule.hpp"
#include "support/time_literal.hpp"

namespace tsur::config {
namespace {

const model::Seconds kSamara{4 * 3600};

using test::at;

FreezeSchedule monday_briefing() {
    const auto parsed = parse_freeze_schedule(
        nlohmann::json::parse(R"([{"weekday": "mon", "from": "10:00", "to": "11:00"}])"),
        "freeze_schedule");
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
    return parsed.ok() ? parsed.value() : FreezeSchedule{};
}

TEST(FreezeSchedule, MondayWindowFollowsLocalTimeWithItsEdges) {
    const FreezeSchedule s = monday_briefing();
    // 2026-11-23 is a Monday; 10:00 in Izhevsk (+04:00) is 06:00 UTC.
    EXPECT_FALSE(frozen_by_schedule(s, at("2026-11-23T05:59:59Z"), kSamara));
    EXPECT_TRUE(frozen_by_schedule(s, at("2026-11-23T06:00:00Z"), kSamara));
    EXPECT_TRUE(frozen_by_schedule(s, at("2026-11-23T06:59:59Z"), kSamara));
    EXPECT_FALSE(frozen_by_schedule(s, at("2026-11-23T07:00:00Z"), kSamara));
    // The same wall clock on Tuesday, and 10:00 UTC on Monday, are outside the window.
    EXPECT_FALSE(frozen_by_schedule(s, at("2026-11-24T06:30:00Z"), kSamara));
    EXPECT_FALSE(frozen_by_schedule(s, at("2026-11-23T10:30:00Z"), kSamara));
    // A week later it applies again.
    EXPECT_TRUE(frozen_by_schedule(s, at("2026-11-30T06:30:00Z"), kSamara));
}

TEST(FreezeSchedule, NextChangeIsTheNextEdge) {
    const FreezeSchedule s = monday_briefing();
    EXPECT_EQ(next_change_after(s, at("2026-11-23T05:00:00Z"), kSamara),
              at("2026-11-23T06:00:00Z"));
    EXPECT_EQ(next_change_after(s, at("2026-11-23T06:00:00Z"), kSamara),
              at("2026-11-23T07:00:00Z"));
    EXPECT_EQ(next_change_after(s, at("2026-11-23T07:00:00Z"), kSamara),
              at("2026-11-30T06:00:00Z"));
    EXPECT_EQ(next_change_after(FreezeSchedule{}, at("2026-11-23T07:00:00Z"), kSamara),
              std::nullopt);
}

TEST(FreezeSchedule, AdjacentWindowsMergeAndSundayRunsToMidnight) {
    const auto parsed = parse_freeze_schedule(nlohmann::json::parse(R"([
        {"weekday": "wed", "from": "09:00", "to": "10:00"},
        {"weekday": "wed", "from": "10:00", "to": "11:30"},
        {"weekday": "sun", "from": "23:00", "to": "24:00"}])"),
                                              "freeze_schedule");
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    // Wednesday 2026-11-25 09:00 local = 05:00 UTC; the shared 10:00 edge changes nothing.
    EXPECT_EQ(next_change_after(parsed.value(), at("2026-11-25T05:30:00Z"), kSamara),
              at("2026-11-25T07:30:00Z"));
    // Sunday 2026-11-29 23:30 local is frozen; Monday 00:00 local is not.
    EXPECT_TRUE(frozen_by_schedule(parsed.value(), at("2026-11-29T19:30:00Z"), kSamara));
    EXPECT_FALSE(frozen_by_schedule(parsed.value(), at("2026-11-29T20:00:00Z"), kSamara));
    EXPECT_EQ(next_change_after(parsed.value(), at("2026-11-29T19:30:00Z"), kSamara),
              at("2026-11-29T20:00:00Z"));
}

TEST(FreezeSchedule, RejectsMalformedEntriesNamingTheField) {
    const auto check = [](const char* text, const char* field) {
        const auto r = parse_freeze_schedule(nlohmann::json::parse(text), "freeze_schedule");
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_NE(r.error().find(field), std::string::npos) << r.error();
    };
    check(R"([{"weekday": "monday", "from": "10:00", "to": "11:00"}])", "[0].weekday");
    check(R"([{"weekday": "mon", "from": "10:60", "to": "11:00"}])", "[0].from");
    check(R"([{"weekday": "mon", "from": "10:00", "to": "25:00"}])", "[0].to");
    check(R"([{"weekday": "mon", "from": "11:00", "to": "10:00"}])", "[0]");
    check(R"({"weekday": "mon"})", "expected an array");
}

model::SnapshotPtr snapshot_at(const char* as_of) {
    auto s = std::make_shared<model::Snapshot>();
    s->as_of = at(as_of);
    return s;
}

TEST(FreezeSchedule, StateFollowsWindowEdgesButOperatorUnfreezeSticks) {
    const FreezeSchedule s = monday_briefing();
    app::FreezeState state;
    const auto live = snapshot_at("2026-11-23T05:59:00Z");
    auto tick = [&](const char* t) {
        return state.apply_schedule(frozen_by_schedule(s, at(t), kSamara), live, at(t));
    };
    EXPECT_FALSE(tick("2026-11-23T05:59:00Z"));
    EXPECT_FALSE(state.frozen());
    EXPECT_TRUE(tick("2026-11-23T06:00:00Z"));
    ASSERT_TRUE(state.frozen());
    EXPECT_TRUE(state.view().by_schedule);
    EXPECT_EQ(state.view().instant, at("2026-11-23T06:00:00Z"));
    // The operator unfreezes inside the window: the next tick must not freeze again.
    state.unfreeze();
    EXPECT_FALSE(tick("2026-11-23T06:30:00Z"));
    EXPECT_FALSE(state.frozen());
    EXPECT_FALSE(tick("2026-11-23T07:00:00Z"));
    // Next week's window freezes again and its end unfreezes.
    EXPECT_TRUE(tick("2026-11-30T06:00:00Z"));
    EXPECT_TRUE(state.frozen());
    EXPECT_TRUE(tick("2026-11-30T07:00:00Z"));
    EXPECT_FALSE(state.frozen());
}

TEST(FreezeSchedule, ManualFreezeOutlivesTheWindowEnd) {
    const FreezeSchedule s = monday_briefing();
    app::FreezeState state;
    const auto live = snapshot_at("2026-11-23T05:00:00Z");
    ASSERT_TRUE(state.freeze(live, at("2026-11-23T05:30:00Z"), "main"));
    state.apply_schedule(frozen_by_schedule(s, at("2026-11-23T06:10:00Z"), kSamara), live,
                         at("2026-11-23T06:10:00Z"));
    state.apply_schedule(frozen_by_schedule(s, at("2026-11-23T07:00:00Z"), kSamara), live,
                         at("2026-11-23T07:00:00Z"));
    EXPECT_TRUE(state.frozen());
    EXPECT_FALSE(state.view().by_schedule);
    EXPECT_EQ(state.view().screen_id, "main");
}

TEST(FreezeSchedule, WindowWithoutDataFreezesWhenTheFirstSnapshotArrives) {
    const FreezeSchedule s = monday_briefing();
    app::FreezeState state;
    const auto t1 = at("2026-11-23T06:00:00Z");
    EXPECT_FALSE(state.apply_schedule(frozen_by_schedule(s, t1, kSamara), nullptr, t1));
    EXPECT_FALSE(state.frozen());
    const auto t2 = at("2026-11-23T06:05:00Z");
    EXPECT_TRUE(state.apply_schedule(frozen_by_schedule(s, t2, kSamara),
                                     snapshot_at("2026-11-23T06:04:00Z"), t2));
    EXPECT_TRUE(state.frozen());
}

TEST(FreezeSchedule, FrameSourceHoldsSnapshotAndInstantWhileFrozen) {
    app::FreezeState state;
    const auto held = snapshot_at("2026-11-23T06:15:00Z");
    const auto fresh = snapshot_at("2026-11-23T06:40:00Z");
    const auto now = at("2026-11-23T06:41:00Z");
    display::WallStatus live_status;
    auto src = app::frame_source(state.view(), fresh, now, live_status);
    EXPECT_EQ(src.snapshot, fresh);
    EXPECT_EQ(src.status.mode, display::WallStatus::Mode::live);

    ASSERT_TRUE(state.freeze(held, at("2026-11-23T06:16:00Z"), ""));
    src = app::frame_source(state.view(), fresh, now, live_status);
    EXPECT_EQ(src.snapshot, held);
    EXPECT_EQ(src.now, at("2026-11-23T06:16:00Z"));
    EXPECT_EQ(src.status.mode, display::WallStatus::Mode::frozen);
    EXPECT_EQ(src.status.frozen_as_of, held->as_of);

    // Unfreezing shows the newest data at once.
    state.unfreeze();
    src = app::frame_source(state.view(), fresh, now, live_status);
    EXPECT_EQ(src.snapshot, fresh);
    EXPECT_EQ(src.now, now);

    // Scheduled off wins over a freeze.
    ASSERT_TRUE(state.freeze(held, now, ""));
    live_status.mode = display::WallStatus::Mode::off;
    EXPECT_EQ(app::frame_source(state.view(), fresh, now, live_status).status.mode,
              display::WallStatus::Mode::off);
}

}  // namespace
}  // namespace tsur::config
