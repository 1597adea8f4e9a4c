// Sorted span arrays: "overdue now" and "at risk now" become four binary searches per frame.
#include "model/deadline_index.hpp"

#include <algorithm>
#include <utility>

#include "model/sla.hpp"

namespace tsur::model {
namespace {

std::size_t count_at_or_before(const std::vector<TimePoint>& sorted, TimePoint now) {
    return static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), now) -
                                    sorted.begin());
}

std::optional<TimePoint> first_after(const std::vector<TimePoint>& sorted, TimePoint now) {
    const auto it = std::upper_bound(sorted.begin(), sorted.end(), now);
    if (it == sorted.end() || *it == kNever) return std::nullopt;
    return *it;
}

std::optional<TimePoint> earliest(std::optional<TimePoint> a, std::optional<TimePoint> b) {
    if (a && b) return std::min(*a, *b);
    return a ? a : b;
}

}  // namespace

DeadlineIndex::DeadlineIndex(std::span<const Incident> incidents) {
    // Sorting (due, index) pairs instead of indices keeps the comparisons in cache, and the index
    // as tie-breaker keeps feed order so equal deadlines do not reshuffle between snapshots.
    std::vector<std::pair<TimePoint, std::uint32_t>> keyed;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (!is_open(incidents[i].status)) continue;
        keyed.emplace_back(incidents[i].due_at, static_cast<std::uint32_t>(i));
        const SlaTimeline t = sla_timeline(incidents[i]);
        // Empty spans (answered before the deadline) are left out: they change no count, and
        // next_change_after() should wake the wall only when a count does change.
        if (t.overdue_from < t.overdue_until()) {
            overdue_starts_.push_back(t.overdue_from);
            overdue_ends_.push_back(t.overdue_until());
        }
        if (t.at_risk_from < t.at_risk_until()) {
            at_risk_starts_.push_back(t.at_risk_from);
            at_risk_ends_.push_back(t.at_risk_until());
        }
    }
    std::sort(keyed.begin(), keyed.end());
    for (auto* v : {&overdue_starts_, &overdue_ends_, &at_risk_starts_, &at_risk_ends_}) {
        std::sort(v->begin(), v->end());
    }
    by_due_.reserve(keyed.size());
    for (const auto& [due, index] : keyed) by_due_.push_back(index);
}

std::size_t DeadlineIndex::overdue_count(TimePoint now) const {
    return count_at_or_before(overdue_starts_, now) - count_at_or_before(overdue_ends_, now);
}

std::size_t DeadlineIndex::at_risk_count(TimePoint now) const {
    return count_at_or_before(at_risk_starts_, now) - count_at_or_before(at_risk_ends_, now);
}

std::optional<TimePoint> DeadlineIndex::next_change_after(TimePoint now) const {
    std::optional<TimePoint> next;
    for (const auto* v : {&overdue_starts_, &overdue_ends_, &at_risk_starts_, &at_risk_ends_}) {
        next = earliest(next, first_after(*v, now));
    }
    return next;
}

}  // namespace tsur::model
