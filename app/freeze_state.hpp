// The briefing freeze: held snapshot and instant, shared by the control socket and the render loop.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "display/frame_context.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"

namespace tsur::app {

/// A consistent copy of the freeze state for one frame or one status reply.
struct FreezeView {
    bool frozen = false;
    bool by_schedule = false;     ///< frozen by the config schedule, not by `ctl freeze`
    model::SnapshotPtr snapshot;  ///< the held snapshot (null when not frozen)
    model::TimePoint instant{};   ///< server time at the freeze: countdowns are computed at it
    std::string screen_id;        ///< playlist screen held while frozen ("" = keep rotating)
};

/// Thread-safe freeze flag and held snapshot; any thread may call any member.
class FreezeState {
public:
    /// Holds `snapshot` at `instant`; false (and no change) when `snapshot` is null.
    bool freeze(model::SnapshotPtr snapshot, model::TimePoint instant, std::string screen_id,
                bool by_schedule = false);
    void unfreeze();
    FreezeView view() const;
    bool frozen() const { return frozen_.load(std::memory_order_acquire); }
    /// Changes on every freeze and unfreeze, so the render loop knows to redraw.
    std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

    /// Follows the schedule on its edges only: entering a window freezes on `current`, leaving
    /// it unfreezes a scheduled freeze. A manual unfreeze inside a window therefore sticks, and a
    /// manual freeze outlives the window's end. Returns true when the state changed.
    bool apply_schedule(bool scheduled_now, const model::SnapshotPtr& current,
                        model::TimePoint now);

    /// The screen ids of the layout on show (the render loop sets them whenever it loads one),
    /// so `ctl freeze SCREEN` can refuse a screen the wall does not have.
    void set_screens(std::vector<std::string> ids);
    std::vector<std::string> screens() const;

private:
    mutable std::mutex mutex_;
    FreezeView view_;
    std::vector<std::string> screens_;
    bool last_scheduled_ = false;
    std::atomic<bool> frozen_{false};
    std::atomic<std::uint64_t> generation_{0};
};

/// What one frame draws: the snapshot, the instant its countdowns use, and the status.
struct FrameSource {
    model::SnapshotPtr snapshot;
    model::TimePoint now{};
    display::WallStatus status;
};

/// Pure: while frozen the held snapshot at the held instant with mode frozen (and frozen_as_of
/// set), otherwise `live` at `now` with `live_status` unchanged. Scheduled off wins over frozen.
FrameSource frame_source(const FreezeView& view, model::SnapshotPtr live, model::TimePoint now,
                         display::WallStatus live_status);

}  // namespace tsur::app
