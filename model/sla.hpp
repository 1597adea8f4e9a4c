// SLA states and the per-instant classification of an incident against its deadline.
#pragma once

#include <cstdint>

#include "model/incident.hpp"

namespace tsur::model {

enum class SlaState : std::uint8_t { on_time, at_risk, overdue, answered_on_time, answered_late };

/// State of an incident at `now`. Pure; changes exactly at at_risk_at and due_at:
/// now <  at_risk_at -> on_time; at_risk_at <= now < due_at -> at_risk; now >= due_at -> overdue.
/// Answered (answered_at set and <= now, or status answered/resolved/rejected) -> answered_*
/// by comparing answered_at with due_at (answered exactly at due_at is on time).
SlaState classify(const Incident& incident, TimePoint now);

/// Signed time to the deadline: positive = time left, negative = overdue by.
inline Seconds time_to_due(const Incident& incident, TimePoint now) {
    return incident.due_at - now;
}

}  // namespace tsur::model
