// Several PCs of one wall show the same snapshot version with no coordinator: a PC shows a newly
// fetched snapshot only once its as_of is at least `lag` old, so a PC that fetched it a few
// seconds later has it too by then and switches at the same instant.
#pragma once

#include <optional>

#include "model/snapshot.hpp"
#include "model/time.hpp"

namespace tsur::config {

/// Default hold-back. It must exceed the spread between the PCs' fetches of one snapshot (poll
/// jitter + transfer); with a 30 s poll the PCs may still disagree for part of a poll interval,
/// so walls of several PCs should poll at <= lag.
inline constexpr model::Seconds kDefaultSyncLag{10};

/// True when a snapshot with `as_of` may be shown at server time `now`: as_of <= now - lag.
bool should_show(model::TimePoint as_of, model::TimePoint now,
                 model::Seconds lag = kDefaultSyncLag);

/// Whether to switch from the snapshot on screen (`shown_as_of`; none before the first) to the
/// newest fetched one (`candidate_as_of`). A wall with nothing on screen shows the candidate at
/// once (a blank wall helps nobody); it never goes back to an older snapshot.
bool should_switch(std::optional<model::TimePoint> shown_as_of, model::TimePoint candidate_as_of,
                   model::TimePoint now, model::Seconds lag = kDefaultSyncLag);

/// When a held-back candidate becomes showable (schedule a redraw for then).
inline model::TimePoint show_time(model::TimePoint as_of, model::Seconds lag = kDefaultSyncLag) {
    return as_of + lag;
}

/// The snapshot one PC shows: the render loop hands it the newest fetched snapshot every frame and
/// draws what pick() returns. Render thread only (one per render loop).
class SnapshotSync {
public:
    explicit SnapshotSync(model::Seconds lag = kDefaultSyncLag) : lag_(lag) {}

    /// The snapshot to draw at server time `now`: `newest` once should_switch() allows it, else
    /// the one already on screen.
    model::SnapshotPtr pick(model::SnapshotPtr newest, model::TimePoint now);
    /// When the held-back snapshot may be shown (redraw then); nullopt when none is held back.
    std::optional<model::TimePoint> next_switch() const { return next_switch_; }
    const model::SnapshotPtr& shown() const { return shown_; }

private:
    model::Seconds lag_;
    model::SnapshotPtr shown_;
    std::optional<model::TimePoint> next_switch_;
};

}  // namespace tsur::config
