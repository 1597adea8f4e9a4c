// Sorted SLA instants of open incidents, so "how many are overdue / at risk now" is O(log n).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/incident.hpp"

namespace tsur::model {

/// The spans of sla_timeline() of every open incident, sorted once per snapshot, so the counts
/// agree with classify() at every instant. Built on the io thread; immutable afterwards, read by
/// the render thread.
class DeadlineIndex {
public:
    DeadlineIndex() = default;
    explicit DeadlineIndex(std::span<const Incident> incidents);

    /// Open incidents that classify() calls overdue at now.
    std::size_t overdue_count(TimePoint now) const;
    /// Open incidents that classify() calls at risk at now.
    std::size_t at_risk_count(TimePoint now) const;
    /// Indices (into the snapshot's incidents) of open incidents by ascending due_at (the longest
    /// overdue first, then the least time left); ties keep feed order.
    std::span<const std::uint32_t> by_due() const { return by_due_; }
    /// Next instant after `now` at which an overdue or at-risk count changes (for redraws).
    std::optional<TimePoint> next_change_after(TimePoint now) const;

private:
    std::vector<std::uint32_t> by_due_;
    // Starts and ends of the overdue and at-risk spans, each sorted: a count at now is
    // #(starts <= now) - #(ends <= now), since every span's end is at or after its start.
    std::vector<TimePoint> overdue_starts_, overdue_ends_;
    std::vector<TimePoint> at_risk_starts_, at_risk_ends_;
};

}  // namespace tsur::model
