// Sorted deadlines of open incidents, so "how many are overdue / at risk now" is O(log n).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/incident.hpp"

namespace tsur::model {

/// Built once per snapshot on the io thread; immutable afterwards, read by the render thread.
class DeadlineIndex {
public:
    DeadlineIndex() = default;
    explicit DeadlineIndex(std::span<const Incident> incidents);

    /// Open incidents with due_at <= now.
    std::size_t overdue_count(TimePoint now) const;
    /// Open incidents with at_risk_at <= now < due_at.
    std::size_t at_risk_count(TimePoint now) const;
    /// Indices (into the snapshot's incidents) of open incidents by ascending due_at.
    std::span<const std::uint32_t> by_due() const { return by_due_; }
    /// The first `n` most urgent open incidents: overdue ones (longest overdue first), then the
    /// rest by time left. Same order as by_due().
    std::span<const std::uint32_t> most_urgent(std::size_t n) const;
    /// Next instant after `now` at which any open incident changes SLA state (for redraws).
    std::optional<TimePoint> next_change_after(TimePoint now) const;

private:
    std::vector<std::uint32_t> by_due_;
    std::vector<TimePoint> due_sorted_;
    std::vector<TimePoint> at_risk_sorted_;
};

}  // namespace tsur::model
