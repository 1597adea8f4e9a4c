// The single place that decides new / in progress / at risk / overdue / answered in time or late.
#include "model/sla.hpp"

#include <algorithm>

namespace tsur::model {

SlaTimeline sla_timeline(const Incident& incident) {
    SlaTimeline t;
    t.overdue_from = incident.due_at;
    t.at_risk_from = std::min(incident.at_risk_at, incident.due_at);
    if (!is_open(incident.status)) {
        t.answered_from = TimePoint::min();
    } else {
        t.answered_from = incident.answered_at.value_or(kNever);
    }
    t.answered_late = incident.answered_at && *incident.answered_at > incident.due_at;
    t.status_new = incident.status == Status::new_;
    return t;
}

SlaState SlaTimeline::state_at(TimePoint now) const {
    if (now >= answered_from) {
        return answered_late ? SlaState::answered_late : SlaState::answered_on_time;
    }
    if (now >= overdue_from) return SlaState::overdue;
    if (now >= at_risk_from) return SlaState::at_risk;
    return status_new ? SlaState::new_ : SlaState::in_progress;
}

}  // namespace tsur::model
