// SLA states and the one rule that decides an incident's state at an instant. Everything that
// counts or colours by SLA state (KPIs, board, summary, map, heatmap, league table) derives from
// sla_timeline(): classify() reads it at one instant, per-snapshot indexes store its instants.
#pragma once

#include <algorithm>
#include <cstdint>

#include "model/incident.hpp"

namespace tsur::model {

/// new_ / in_progress: open and not yet at risk (named after the status the feed gave).
enum class SlaState : std::uint8_t {
    new_,
    in_progress,
    at_risk,
    overdue,
    answered_on_time,
    answered_late
};

/// True for the two states of an open incident that still has time (new, in progress).
constexpr bool is_on_time(SlaState s) { return s == SlaState::new_ || s == SlaState::in_progress; }

/// An instant later than any real one: "never".
inline constexpr TimePoint kNever = TimePoint::max();

/// The instants at which one incident changes SLA state. An incident is answered from
/// answered_from on (the start of time for a closed status, answered_at for an open one that
/// carries it, kNever otherwise); before that it is at risk in [at_risk_from, overdue_from) and
/// overdue from overdue_from. Pure value; any thread.
struct SlaTimeline {
    TimePoint at_risk_from{};    ///< min(at_risk_at, due_at)
    TimePoint overdue_from{};    ///< due_at
    TimePoint answered_from{};   ///< see above
    bool answered_late = false;  ///< once answered: answered_at after due_at (equal is on time)
    bool status_new = false;     ///< feed status "new" (state new_ rather than in_progress)

    /// End of the overdue span [overdue_from, overdue_until); empty when answered before due.
    TimePoint overdue_until() const { return std::max(overdue_from, answered_from); }
    /// End of the at-risk span [at_risk_from, at_risk_until).
    TimePoint at_risk_until() const {
        return std::max(at_risk_from, std::min(overdue_from, answered_from));
    }
    SlaState state_at(TimePoint now) const;
};

/// The one rule. A closed status (answered/resolved/rejected) is answered whatever the instant; an
/// open one is answered once answered_at <= now. A closed status without answered_at gives no
/// evidence of lateness and counts as answered on time.
SlaTimeline sla_timeline(const Incident& incident);

/// State of an incident at `now`: sla_timeline(incident).state_at(now). Changes exactly at
/// at_risk_at, due_at and answered_at.
inline SlaState classify(const Incident& incident, TimePoint now) {
    return sla_timeline(incident).state_at(now);
}

/// Signed time to the deadline: positive = time left, negative = overdue by.
inline Seconds time_to_due(const Incident& incident, TimePoint now) {
    return incident.due_at - now;
}

}  // namespace tsur::model
