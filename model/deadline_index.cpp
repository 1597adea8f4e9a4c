// Sorted deadline arrays: "overdue now" and "at risk now" become two binary searches per frame.
#include "model/deadline_index.hpp"

#include <algorithm>
#include <utility>

namespace tsur::model {
namespace {

std::size_t count_at_or_before(const std::vector<TimePoint>& sorted, TimePoint now) {
    return static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), now) -
                                    sorted.begin());
}

std::optional<TimePoint> first_after(const std::vector<TimePoint>& sorted, TimePoint now) {
    const auto it = std::upper_bound(sorted.begin(), sorted.end(), now);
    if (it == sorted.end()) return std::nullopt;
    return *it;
}

}  // namespace

DeadlineIndex::DeadlineIndex(std::span<const Incident> incidents) {
    // Sorting (due, index) pairs instead of indices keeps the comparisons in cache, and the index
    // as tie-breaker keeps feed order so equal deadlines do not reshuffle between snapshots.
    std::vector<std::pair<TimePoint, std::uint32_t>> keyed;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (!is_open(incidents[i].status)) continue;
        keyed.emplace_back(incidents[i].due_at, static_cast<std::uint32_t>(i));
        // Clamping keeps at_risk_count() = #(at_risk <= now) - #(due <= now) exact even when a
        // caller built incidents with at_risk_at after due_at.
        at_risk_sorted_.push_back(std::min(incidents[i].at_risk_at, incidents[i].due_at));
    }
    std::sort(keyed.begin(), keyed.end());
    std::sort(at_risk_sorted_.begin(), at_risk_sorted_.end());
    by_due_.reserve(keyed.size());
    due_sorted_.reserve(keyed.size());
    for (const auto& [due, index] : keyed) {
        due_sorted_.push_back(due);
        by_due_.push_back(index);
    }
}

std::size_t DeadlineIndex::overdue_count(TimePoint now) const {
    return count_at_or_before(due_sorted_, now);
}

std::size_t DeadlineIndex::at_risk_count(TimePoint now) const {
    return count_at_or_before(at_risk_sorted_, now) - count_at_or_before(due_sorted_, now);
}

std::span<const std::uint32_t> DeadlineIndex::most_urgent(std::size_t n) const {
    return std::span<const std::uint32_t>(by_due_).first(std::min(n, by_due_.size()));
}

std::optional<TimePoint> DeadlineIndex::next_change_after(TimePoint now) const {
    const auto due = first_after(due_sorted_, now);
    const auto risk = first_after(at_risk_sorted_, now);
    if (due && risk) return std::min(*due, *risk);
    return due ? due : risk;
}

}  // namespace tsur::model
