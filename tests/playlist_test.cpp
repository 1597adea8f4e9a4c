// Time-driven layout state: playlist position from the Unix epoch (two PCs agree to the second),
// opening hours in local time across midnight and the week's end, the burn-in walk, and the
// snapshot sync rule.
#include <gtest/gtest.h>

#include <set>

#include "config/playlist.hpp"
#include "config/snapshot_sync.hpp"
#include "support/time_literal.hpp"

namespace tsur::config {
namespace {

using model::Seconds;
using model::TimePoint;

using test::at;

Layout three_screens() {
    Layout l;
    l.screens.resize(3);
    l.screens[0].id = "a";
    l.screens[1].id = "b";
    l.screens[2].id = "c";
    l.playlist = {PlaylistEntry{"a", Seconds{120}, 0}, PlaylistEntry{"b", Seconds{60}, 1},
                  PlaylistEntry{"a", Seconds{120}, 0}, PlaylistEntry{"c", Seconds{60}, 2}};
    return l;
}

TEST(Playlist, PositionIsCountedFromTheUnixEpoch) {
    const Layout l = three_screens();  // 6-minute cycle
    ASSERT_EQ(playlist_cycle(l), Seconds{360});
    // 10:00:00 UTC is a multiple of 6 minutes since the epoch: the cycle starts.
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:00:00Z")).entry, 0u);
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:01:59Z")).entry, 0u);
    const auto b = playlist_position(l, at("2026-11-23T10:02:00Z"));
    EXPECT_EQ(b.entry, 1u);
    EXPECT_EQ(b.screen, 1u);
    EXPECT_EQ(b.started, at("2026-11-23T10:02:00Z"));
    EXPECT_EQ(b.ends, at("2026-11-23T10:03:00Z"));
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:04:30Z")).screen, 0u);
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:05:59Z")).screen, 2u);
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:06:00Z")).entry, 0u) << "wraps around";
}

TEST(Playlist, TwoPcsStartedAtDifferentTimesTransitionOnTheSameSecond) {
    const Layout l = three_screens();
    // Each PC evaluates only the instant; when it booted plays no part. Sample every second for
    // an hour as two PCs whose frames fall at different sub-second phases would (same second).
    const TimePoint start = at("2026-11-23T09:13:07Z");
    std::set<TimePoint> transitions;
    std::size_t previous = playlist_position(l, start).entry;
    for (int s = 1; s < 3600; ++s) {
        const TimePoint t = start + Seconds{s};
        const std::size_t entry = playlist_position(l, t).entry;
        if (entry != previous) transitions.insert(t);
        previous = entry;
    }
    ASSERT_EQ(transitions.size(), 40u);  // 10 cycles of 4 entries
    for (TimePoint t : transitions) {
        EXPECT_EQ(next_transition_after(l, t - Seconds{1}), t) << "predicted a second earlier";
        EXPECT_EQ(t.time_since_epoch().count() % 60, 0) << "entries are whole minutes here";
    }
}

TEST(Playlist, EmptyPlaylistShowsTheFirstScreenForever) {
    Layout l = three_screens();
    l.playlist.clear();
    EXPECT_EQ(playlist_position(l, at("2026-11-23T10:02:00Z")).screen, 0u);
    EXPECT_FALSE(next_transition_after(l, at("2026-11-23T10:02:00Z")));
}

Layout lobby(std::vector<OnInterval> on) {
    Layout l = three_screens();
    l.schedule = Schedule{std::move(on)};
    return l;
}

constexpr std::int64_t kDay = 86400;
const Seconds kSamara{4 * 3600};  // Europe/Samara, UTC+4

TEST(Schedule, WeekdayOpeningHoursInLocalTime) {
    // Mon-Fri 08:00-20:00 local.
    std::vector<OnInterval> on;
    for (int d = 0; d < 5; ++d) on.push_back({d * kDay + 8 * 3600, d * kDay + 20 * 3600});
    const Layout l = lobby(on);
    // 2026-11-23 is a Monday. 08:00 local = 04:00 UTC.
    EXPECT_FALSE(schedule_on(l, at("2026-11-23T03:59:59Z"), kSamara));
    EXPECT_TRUE(schedule_on(l, at("2026-11-23T04:00:00Z"), kSamara));
    EXPECT_TRUE(schedule_on(l, at("2026-11-23T15:59:59Z"), kSamara));
    EXPECT_FALSE(schedule_on(l, at("2026-11-23T16:00:00Z"), kSamara));
    EXPECT_EQ(next_schedule_change_after(l, at("2026-11-23T03:00:00Z"), kSamara),
              at("2026-11-23T04:00:00Z"));
    EXPECT_EQ(next_schedule_change_after(l, at("2026-11-23T04:00:00Z"), kSamara),
              at("2026-11-23T16:00:00Z"));
    // Friday evening -> Monday morning.
    EXPECT_FALSE(schedule_on(l, at("2026-11-28T10:00:00Z"), kSamara)) << "Saturday";
    EXPECT_EQ(next_schedule_change_after(l, at("2026-11-27T16:00:00Z"), kSamara),
              at("2026-11-30T04:00:00Z"));
}

TEST(Schedule, MidnightIsLocalMidnight) {
    // Monday 00:00-24:00 only. Monday 00:00 in UTC+4 is Sunday 20:00 UTC.
    const Layout l = lobby({{0, kDay}});
    EXPECT_FALSE(schedule_on(l, at("2026-11-22T19:59:59Z"), kSamara));
    EXPECT_TRUE(schedule_on(l, at("2026-11-22T20:00:00Z"), kSamara));
    EXPECT_TRUE(schedule_on(l, at("2026-11-23T19:59:59Z"), kSamara));
    EXPECT_FALSE(schedule_on(l, at("2026-11-23T20:00:00Z"), kSamara));
    // The same UTC instant in UTC itself is already Monday.
    EXPECT_TRUE(schedule_on(l, at("2026-11-23T19:59:59Z"), Seconds{0}));
}

TEST(Schedule, SpansCrossMidnightAndTheWeeksEnd) {
    // Sunday 22:00 -> Monday 02:00 (wraps past the end of the week).
    const Layout l = lobby({{6 * kDay + 22 * 3600, 7 * kDay + 2 * 3600}});
    EXPECT_TRUE(schedule_on(l, at("2026-11-29T22:30:00+04:00"), kSamara));
    EXPECT_TRUE(schedule_on(l, at("2026-11-30T01:59:59+04:00"), kSamara));
    EXPECT_FALSE(schedule_on(l, at("2026-11-30T02:00:00+04:00"), kSamara));
    EXPECT_EQ(next_schedule_change_after(l, at("2026-11-29T23:00:00+04:00"), kSamara),
              at("2026-11-30T02:00:00+04:00"));
}

TEST(Schedule, AdjacentDaysDoNotCountAsAChange) {
    const Layout l = lobby({{0, kDay}, {kDay, 2 * kDay}});  // Monday and Tuesday, all day
    EXPECT_EQ(next_schedule_change_after(l, at("2026-11-23T12:00:00+04:00"), kSamara),
              at("2026-11-25T00:00:00+04:00"));
    const Layout always = lobby({{0, 7 * kDay}});
    EXPECT_FALSE(next_schedule_change_after(always, at("2026-11-23T12:00:00Z"), kSamara));
    EXPECT_TRUE(schedule_on(three_screens(), at("2026-11-23T12:00:00Z"), kSamara))
        << "no schedule: always on";
}

TEST(BurnIn, ShiftStaysWithinTheAmplitudeAndMovesOnePixelAtATime) {
    const BurnIn b{2, Seconds{180}};
    const TimePoint start = at("2026-11-23T00:00:00Z");
    std::set<std::pair<int, int>> visited;
    PixelShift previous = burn_in_shift(b, start);
    for (int step = 1; step < 200; ++step) {
        const PixelShift s = burn_in_shift(b, start + Seconds{180 * step});
        EXPECT_LE(std::abs(s.dx), 2);
        EXPECT_LE(std::abs(s.dy), 2);
        EXPECT_EQ(std::abs(s.dx - previous.dx) + std::abs(s.dy - previous.dy), 1)
            << "step " << step;
        visited.insert({s.dx, s.dy});
        previous = s;
    }
    EXPECT_EQ(visited.size(), 25u) << "every offset of the 5x5 pattern is used";
}

TEST(BurnIn, ShiftIsAPureFunctionOfTime) {
    const BurnIn b{1, Seconds{120}};
    const TimePoint t = at("2026-11-23T10:07:00Z");
    EXPECT_EQ(burn_in_shift(b, t), burn_in_shift(b, t));
    // Constant within a step; the change comes exactly when predicted.
    const TimePoint next = *next_shift_after(b, t);
    EXPECT_EQ(next, at("2026-11-23T10:08:00Z"));
    EXPECT_EQ(burn_in_shift(b, next - Seconds{1}), burn_in_shift(b, t));
    EXPECT_NE(burn_in_shift(b, next), burn_in_shift(b, t));
    EXPECT_EQ(burn_in_shift(BurnIn{}, t), PixelShift{}) << "off by default";
    EXPECT_FALSE(next_shift_after(BurnIn{}, t));
}

TEST(LayoutFrame, DarkScreenWakesOnlyToSwitchOn) {
    Layout l = lobby({{8 * 3600, 20 * 3600}});  // Monday 08-20 local
    l.burn_in = BurnIn{2, Seconds{60}};
    const auto off = layout_frame(l, at("2026-11-23T21:00:00+04:00"), kSamara);
    EXPECT_FALSE(off.on);
    EXPECT_EQ(off.shift, PixelShift{});
    EXPECT_EQ(off.next_change, at("2026-11-30T08:00:00+04:00"));
    const auto on = layout_frame(l, at("2026-11-23T10:00:30+04:00"), kSamara);
    EXPECT_TRUE(on.on);
    EXPECT_EQ(on.next_change, at("2026-11-23T10:01:00+04:00")) << "the next burn-in step";
}

TEST(SnapshotSync, HoldsANewSnapshotBackForTheLag) {
    const TimePoint as_of = at("2026-11-23T10:15:00Z");
    EXPECT_FALSE(should_show(as_of, as_of + Seconds{9}));
    EXPECT_TRUE(should_show(as_of, as_of + Seconds{10}));
    EXPECT_EQ(show_time(as_of), as_of + Seconds{10});
    // Two PCs fetched the same snapshot 1 s and 7 s after as_of: both switch at as_of + 10 s.
    const TimePoint old_as_of = as_of - Seconds{30};
    for (int fetched : {1, 7}) {
        for (int s = fetched; s < 20; ++s) {
            const bool show = should_switch(old_as_of, as_of, as_of + Seconds{s});
            EXPECT_EQ(show, s >= 10) << "PC that fetched at +" << fetched << " s, at +" << s;
        }
    }
    EXPECT_TRUE(should_switch(std::nullopt, as_of, as_of)) << "nothing shown yet: show it";
    EXPECT_FALSE(should_switch(as_of, old_as_of, as_of + Seconds{60})) << "never go back";
}

}  // namespace
}  // namespace tsur::config
