// Per-instant SLA classification: the single place that decides on time / at risk / overdue.
#include "model/sla.hpp"

namespace tsur::model {

SlaState classify(const Incident& incident, TimePoint now) {
    const bool answered_by_now = incident.answered_at && *incident.answered_at <= now;
    if (answered_by_now || !is_open(incident.status)) {
        // A closed status without an answer time gives no evidence of lateness; calling it late
        // would blame an agency for a gap in the feed.
        if (!incident.answered_at) return SlaState::answered_on_time;
        return *incident.answered_at <= incident.due_at ? SlaState::answered_on_time
                                                        : SlaState::answered_late;
    }
    if (now >= incident.due_at) return SlaState::overdue;
    if (now >= incident.at_risk_at) return SlaState::at_risk;
    return SlaState::on_time;
}

}  // namespace tsur::model
