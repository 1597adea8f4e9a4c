// One mutex guards the whole view: the snapshot pointer, instant and flag must change together,
// or a frame could show the live snapshot at the frozen instant.
#include "app/freeze_state.hpp"

#include <algorithm>

namespace tsur::app {

bool FreezeState::freeze(model::SnapshotPtr snapshot, model::TimePoint instant,
                         std::string screen_id, bool by_schedule) {
    if (!snapshot) return false;
    std::lock_guard lock(mutex_);
    view_.frozen = true;
    view_.by_schedule = by_schedule;
    view_.snapshot = std::move(snapshot);
    view_.instant = instant;
    view_.screen_id = std::move(screen_id);
    frozen_.store(true, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    return true;
}

void FreezeState::unfreeze() {
    std::lock_guard lock(mutex_);
    if (!view_.frozen) return;
    view_ = FreezeView{};
    frozen_.store(false, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
}

void FreezeState::set_screens(std::vector<std::string> ids) {
    std::lock_guard lock(mutex_);
    screens_ = std::move(ids);
}

std::vector<std::string> FreezeState::screens() const {
    std::lock_guard lock(mutex_);
    return screens_;
}

FreezeView FreezeState::view() const {
    std::lock_guard lock(mutex_);
    return view_;
}

bool FreezeState::apply_schedule(bool scheduled_now, const model::SnapshotPtr& current,
                                 model::TimePoint now) {
    bool entering = false;
    bool leaving = false;
    {
        std::lock_guard lock(mutex_);
        entering = scheduled_now && !last_scheduled_;
        leaving = !scheduled_now && last_scheduled_;
        // Without data there is nothing to hold: stay "not entered" so the first snapshot that
        // arrives inside the window still freezes.
        if (!(entering && !current)) last_scheduled_ = scheduled_now;
        if (entering && view_.frozen) return false;
        if (leaving && !(view_.frozen && view_.by_schedule)) return false;
    }
    if (entering) return freeze(current, now, {}, true);
    if (leaving) {
        unfreeze();
        return true;
    }
    return false;
}

FrameSource frame_source(const FreezeView& view, model::SnapshotPtr live, model::TimePoint now,
                         display::WallStatus live_status) {
    if (!view.frozen || !view.snapshot || live_status.mode == display::WallStatus::Mode::off) {
        return FrameSource{std::move(live), now, std::move(live_status)};
    }
    FrameSource out{view.snapshot, view.instant, std::move(live_status)};
    out.status.mode = display::WallStatus::Mode::frozen;
    out.status.has_data = true;
    out.status.frozen_as_of = view.snapshot->as_of;
    // Age as it was at the freeze: the held picture must not sprout a staleness banner.
    out.status.data_age = model::data_age(*view.snapshot, view.instant);
    return out;
}

}  // namespace tsur::app
