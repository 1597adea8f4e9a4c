// SLA rules: channel x sector x category -> duration (calendar or working days), and at-risk policy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/incident.hpp"
#include "model/work_calendar.hpp"

namespace tsur::model {

struct SlaDuration {
    enum class Unit : std::uint8_t { calendar, working_days };
    Unit unit = Unit::calendar;
    Seconds calendar{0};   ///< used when unit == calendar
    int working_days = 0;  ///< used when unit == working_days
};

/// One rule; an empty optional matches anything. The most specific matching rule wins
/// (category > sector > channel), ties go to the earlier rule.
struct SlaRule {
    std::optional<Channel> channel;
    std::optional<Sector> sector;
    std::string category;  ///< empty = any
    SlaDuration duration;
};

/// When an open incident counts as "at risk": once `share` of its SLA is used, or once no
/// more than `time_left` remains, whichever comes first.
struct AtRiskPolicy {
    double share = 0.75;
    Seconds time_left{2 * 3600};
};

/// Immutable rule set; built on the io thread, read from any thread.
class SlaRules {
public:
    /// Defaults from docs/domain.md: 24 h social posts, 10 days housing/roads/landscaping on the
    /// platform, 24 h vaccination, 30 days letters, and sensible values for the rest.
    static SlaRules defaults();
    /// The same rules over a given calendar (holidays loaded from a file).
    static SlaRules defaults(WorkCalendar calendar);

    SlaRules(std::vector<SlaRule> rules, AtRiskPolicy policy, WorkCalendar calendar);

    /// The feed's due time when present, else created_at + the best matching rule's duration.
    TimePoint due_at(const Incident& incident) const;
    /// Instant the incident becomes at risk under the policy (never after due_at).
    TimePoint at_risk_at(const Incident& incident, TimePoint due) const;

    const std::vector<SlaRule>& rules() const { return rules_; }
    const AtRiskPolicy& policy() const { return policy_; }
    const WorkCalendar& calendar() const { return calendar_; }

private:
    std::vector<SlaRule> rules_;
    AtRiskPolicy policy_;
    WorkCalendar calendar_;
};

}  // namespace tsur::model
