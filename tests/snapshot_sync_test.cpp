// Snapshot agreement: two PCs of one wall poll one feed at different moments, and each render loop
// shows a new snapshot only from as_of + lag (server time), so both switch at the same frame.
#include "config/snapshot_sync.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "state/snapshot_store.hpp"
#include "support/time_literal.hpp"

namespace tsur::config {
namespace {

using std::chrono::milliseconds;

using test::at;

/// The render loop's part that matters here: a store the io thread publishes into, a wake on
/// publish, a redraw when the next switch is due (or at the latest a minute later), and
/// SnapshotSync picking what to draw.
class RenderLoopLike {
public:
    void publish(model::SnapshotPtr snap) {
        store_.publish(std::move(snap));
        dirty_ = true;  // the wake event
    }
    /// One turn of the loop at server time `now` (ms resolution); returns true if it drew.
    bool turn(std::chrono::sys_time<milliseconds> now) {
        const auto now_s = std::chrono::floor<model::Seconds>(now);
        if (!dirty_ && now < next_due_) return false;
        dirty_ = false;
        const auto shown = sync_.pick(store_.current(), now_s);
        if (shown && (switches_.empty() || switches_.rbegin()->first != shown->as_of)) {
            switches_[shown->as_of] = now;
        }
        next_due_ = now + std::chrono::minutes{1};
        if (const auto sw = sync_.next_switch()) {
            next_due_ = std::min(next_due_, std::chrono::sys_time<milliseconds>(*sw));
        }
        return true;
    }
    /// as_of -> the server instant this PC first drew that snapshot.
    const std::map<model::TimePoint, std::chrono::sys_time<milliseconds>>& switches() const {
        return switches_;
    }

private:
    net::SnapshotStore store_;
    SnapshotSync sync_;
    bool dirty_ = false;
    std::chrono::sys_time<milliseconds> next_due_{};
    std::map<model::TimePoint, std::chrono::sys_time<milliseconds>> switches_;
};

model::SnapshotPtr snapshot_at(model::TimePoint as_of) {
    auto s = std::make_shared<model::Snapshot>();
    s->as_of = as_of;
    s->version = static_cast<std::uint64_t>(as_of.time_since_epoch().count());
    return s;
}

TEST(SnapshotAgreement, TwoWallsWithSkewedPollsSwitchWithinOneFrame) {
    // The feed makes a snapshot every 30 s. PC A fetches it 1.3 s after as_of, PC B 8.9 s after
    // (poll phase and transfer time differ); both run their loops in 50 ms steps ("frames").
    const auto start = at("2026-11-23T10:00:00Z");
    constexpr milliseconds kFrame{50};
    constexpr milliseconds kFetchA{1300}, kFetchB{8900};
    RenderLoopLike a, b;
    std::vector<model::TimePoint> produced;
    for (auto t = std::chrono::sys_time<milliseconds>(start); t < start + std::chrono::minutes{5};
         t += kFrame) {
        const auto since = (t - start) % std::chrono::seconds{30};
        const auto as_of = std::chrono::floor<model::Seconds>(t - since);
        if (since == kFetchA) a.publish(snapshot_at(as_of));
        if (since == kFetchB) {
            b.publish(snapshot_at(as_of));
            produced.push_back(as_of);
        }
        a.turn(t);
        b.turn(t);
    }
    ASSERT_GE(produced.size(), 9u);
    // The first snapshot is shown at once on each (a blank wall helps nobody); every later one
    // appears on both walls in the same frame, at as_of + lag.
    for (std::size_t i = 1; i < produced.size(); ++i) {
        const auto as_of = produced[i];
        ASSERT_TRUE(a.switches().contains(as_of)) << i;
        ASSERT_TRUE(b.switches().contains(as_of)) << i;
        const auto spread = a.switches().at(as_of) - b.switches().at(as_of);
        EXPECT_LE(std::chrono::abs(spread), kFrame) << "snapshot " << i;
        EXPECT_EQ(b.switches().at(as_of), as_of + kDefaultSyncLag) << "snapshot " << i;
    }
}

TEST(SnapshotAgreement, HeldBackSnapshotKeepsTheOldOneOnScreenAndNamesTheSwitchTime) {
    SnapshotSync sync;
    const auto t0 = at("2026-11-23T10:00:00Z");
    const auto first = snapshot_at(t0);
    EXPECT_EQ(sync.pick(first, t0 + model::Seconds{1}), first) << "nothing on screen yet";
    EXPECT_FALSE(sync.next_switch());
    const auto second = snapshot_at(t0 + model::Seconds{30});
    EXPECT_EQ(sync.pick(second, t0 + model::Seconds{33}), first);
    EXPECT_EQ(sync.next_switch(), t0 + model::Seconds{40});
    EXPECT_EQ(sync.pick(second, t0 + model::Seconds{40}), second);
    EXPECT_FALSE(sync.next_switch());
    // An older snapshot (a restored cache, a feed gone backwards) never replaces a newer one.
    EXPECT_EQ(sync.pick(first, t0 + model::Seconds{90}), second);
}

}  // namespace
}  // namespace tsur::config
