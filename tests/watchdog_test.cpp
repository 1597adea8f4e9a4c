// The watchdog pings only while the io thread beats and the wall shows fresh, non-blank frames.
#include "app/watchdog.hpp"

#include "app/frame_proof.hpp"

#include <gtest/gtest.h>

namespace tsur::app {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

/// A wall at `t`: the io thread beat at `beat`, frames presented by the returned health object.
class WatchdogTest : public ::testing::Test {
protected:
    const Steady::time_point t0 = Steady::time_point{} + 10'000s;
    net::RenderHealth render{t0};

    void present(Steady::time_point at, std::uint64_t fingerprint, bool blank = false) {
        net::FrameReport r;
        r.fingerprint = fingerprint;
        r.blank = blank;
        r.max_unchanged = kMaxUnchanged;  // the limit the render loop reports
        render.frame_presented(r, at);
    }
};

TEST_F(WatchdogTest, HealthyWallPingsAtHalfTheInterval) {
    Watchdog dog(30s);
    present(t0, 1);
    EXPECT_TRUE(dog.should_ping(t0 + 1s, t0 + 1s, render.snapshot()));
    EXPECT_FALSE(dog.should_ping(t0 + 10s, t0 + 10s, render.snapshot())) << "too soon";
    EXPECT_TRUE(dog.should_ping(t0 + 16s, t0 + 16s, render.snapshot()));
    EXPECT_EQ(dog.reason(), "");
    EXPECT_EQ(dog.max_sleep(), 7500ms);
}

TEST_F(WatchdogTest, StalledIoThreadStopsThePings) {
    Watchdog dog(30s);
    present(t0, 1);
    EXPECT_TRUE(dog.should_ping(t0 + 1s, t0 + 1s, render.snapshot()));
    // The io thread last beat at t0 + 1 s; the render loop keeps presenting frames.
    int pings = 0;
    for (auto t = t0 + 2s; t < t0 + 60s; t += 1s) {
        present(t, static_cast<std::uint64_t>((t - t0).count()));
        pings += dog.should_ping(t, t0 + 1s, render.snapshot()) ? 1 : 0;
    }
    EXPECT_EQ(dog.reason(), "io_stalled");
    // Pings stop once the heartbeat is 15 s old, so systemd sees none for WatchdogSec = 30 s.
    EXPECT_LE(pings, 1);
    EXPECT_FALSE(dog.should_ping(t0 + 60s, t0 + 1s, render.snapshot()));
    EXPECT_TRUE(dog.should_ping(t0 + 61s, t0 + 61s, render.snapshot())) << "recovers when it beats";
}

TEST_F(WatchdogTest, IoThreadThatNeverBeatIsStalled) {
    Watchdog dog(30s);
    present(t0, 1);
    EXPECT_FALSE(dog.should_ping(t0 + 1s, Steady::time_point{}, render.snapshot()));
    EXPECT_EQ(dog.reason(), "io_stalled");
}

TEST_F(WatchdogTest, BlankFrameStopsThePings) {
    Watchdog dog(30s);
    present(t0, 1);
    EXPECT_TRUE(dog.should_ping(t0 + 1s, t0 + 1s, render.snapshot()));
    present(t0 + 20s, 2, /*blank=*/true);
    EXPECT_FALSE(dog.should_ping(t0 + 20s, t0 + 20s, render.snapshot()));
    EXPECT_EQ(dog.reason(), "blank_frame");
}

TEST_F(WatchdogTest, ScheduledOffBlackScreenStillPings) {
    Watchdog dog(30s);
    net::FrameReport r;
    r.blank = true;
    r.state = net::DisplayState::off;
    render.frame_presented(r, t0);
    EXPECT_TRUE(dog.should_ping(t0 + 1s, t0 + 1s, render.snapshot()));
}

TEST_F(WatchdogTest, FrozenPictureStopsThePings) {
    Watchdog dog(30s);
    for (auto t = t0; t <= t0 + 140s; t += 60s) present(t, 42);  // presented, never changing
    EXPECT_TRUE(dog.should_ping(t0 + 140s, t0 + 140s, render.snapshot()));
    present(t0 + 155s, 42);
    EXPECT_FALSE(dog.should_ping(t0 + 160s, t0 + 160s, render.snapshot()));
    EXPECT_EQ(dog.reason(), "frame_unchanged");
}

TEST_F(WatchdogTest, RenderLoopThatStopsPresentingStopsThePings) {
    Watchdog dog(30s);
    present(t0, 1);
    EXPECT_TRUE(dog.should_ping(t0 + 100s, t0 + 100s, render.snapshot()));
    EXPECT_FALSE(dog.should_ping(t0 + 121s, t0 + 121s, render.snapshot()));
    EXPECT_EQ(dog.reason(), "present_stalled");
}

TEST_F(WatchdogTest, NoWatchdogConfiguredMeansNoPings) {
    Watchdog dog(std::nullopt);
    present(t0, 1);
    EXPECT_FALSE(dog.enabled());
    EXPECT_FALSE(dog.should_ping(t0 + 1s, t0 + 1s, render.snapshot()));
    EXPECT_EQ(dog.max_sleep(), std::chrono::milliseconds::max());
}

}  // namespace
}  // namespace tsur::app
