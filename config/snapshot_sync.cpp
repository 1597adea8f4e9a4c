// The rule is written against server time (as_of and the estimated server "now") so PCs whose
// local clocks differ still make the same choice.
#include "config/snapshot_sync.hpp"

namespace tsur::config {

bool should_show(model::TimePoint as_of, model::TimePoint now, model::Seconds lag) {
    return as_of <= now - lag;
}

bool should_switch(std::optional<model::TimePoint> shown_as_of, model::TimePoint candidate_as_of,
                   model::TimePoint now, model::Seconds lag) {
    if (!shown_as_of) return true;
    if (candidate_as_of <= *shown_as_of) return false;
    return should_show(candidate_as_of, now, lag);
}

model::SnapshotPtr SnapshotSync::pick(model::SnapshotPtr newest, model::TimePoint now) {
    next_switch_.reset();
    if (!newest || newest == shown_) return shown_;
    const auto shown_as_of = shown_ ? std::optional(shown_->as_of) : std::nullopt;
    if (should_switch(shown_as_of, newest->as_of, now, lag_)) {
        shown_ = std::move(newest);
    } else if (!shown_as_of || newest->as_of > *shown_as_of) {
        next_switch_ = show_time(newest->as_of, lag_);
    }
    return shown_;
}

}  // namespace tsur::config
