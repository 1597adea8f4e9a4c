// Default SLA rules from docs/domain.md, rule matching by specificity, and the at-risk instant.
#include "model/sla_rules.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace tsur::model {
namespace {

// Used only when a rule file has no catch-all: 59-FZ's 30 days is the longest ordinary limit,
// so an unmatched incident is never shown as overdue earlier than any law would make it.
constexpr Seconds kFallbackDuration{30 * 24 * 3600};

SlaDuration hours(int n) { return {SlaDuration::Unit::calendar, Seconds{n * 3600}, 0}; }
SlaDuration days(int n) { return {SlaDuration::Unit::calendar, Seconds{n * 24 * 3600}, 0}; }
SlaDuration working_days(int n) { return {SlaDuration::Unit::working_days, Seconds{0}, n}; }

SlaRule rule(std::optional<Channel> channel, std::optional<Sector> sector, std::string category,
             SlaDuration duration) {
    return SlaRule{channel, sector, std::move(category), duration};
}

bool matches(const SlaRule& r, const Incident& incident) {
    return (!r.channel || *r.channel == incident.channel) &&
           (!r.sector || *r.sector == incident.sector) &&
           (r.category.empty() || r.category == incident.category);
}

// Weights make category beat sector beat channel whatever the combination of the others.
int specificity(const SlaRule& r) {
    return (r.category.empty() ? 0 : 4) + (r.sector ? 2 : 0) + (r.channel ? 1 : 0);
}

}  // namespace

SlaRules SlaRules::defaults() { return defaults(WorkCalendar{}); }

SlaRules SlaRules::defaults(WorkCalendar calendar) {
    std::vector<SlaRule> rules{
        // «Инцидент Менеджмент»: a public post gets an answer within 24 hours of detection.
        rule(Channel::vk, std::nullopt, "", hours(24)),
        rule(Channel::ok, std::nullopt, "", hours(24)),
        rule(Channel::telegram, std::nullopt, "", hours(24)),
        // «Госуслуги. Решаем вместе»: 1 to 30 days by category; 30 unless a narrower rule applies.
        rule(Channel::pos, std::nullopt, "", days(30)),
        rule(Channel::pos, Sector::housing, "", days(10)),
        rule(Channel::pos, Sector::roads, "", days(10)),
        rule(Channel::pos, std::nullopt, "landscaping", days(10)),
        rule(Channel::pos, std::nullopt, "vaccination", hours(24)),
        // 59-FZ written appeal: 30 days.
        rule(Channel::letter, std::nullopt, "", days(30)),
        // Not fixed by docs/domain.md; chosen values, overridable in the rules file.
        rule(Channel::hotline, std::nullopt, "", working_days(3)),
        rule(Channel::app, std::nullopt, "", working_days(5)),
        rule(Channel::media, std::nullopt, "", hours(24)),
    };
    return SlaRules(std::move(rules), AtRiskPolicy{}, std::move(calendar));
}

SlaRules::SlaRules(std::vector<SlaRule> rules, AtRiskPolicy policy, WorkCalendar calendar)
    : rules_(std::move(rules)), policy_(policy), calendar_(std::move(calendar)) {}

TimePoint SlaRules::due_at(const Incident& incident) const {
    if (incident.feed_due_at) return *incident.feed_due_at;
    const SlaRule* best = nullptr;
    for (const auto& r : rules_) {
        if (matches(r, incident) && (!best || specificity(r) > specificity(*best))) best = &r;
    }
    if (!best) return incident.created_at + kFallbackDuration;
    if (best->duration.unit == SlaDuration::Unit::working_days) {
        return calendar_.add_working_days(incident.created_at, best->duration.working_days);
    }
    return incident.created_at + best->duration.calendar;
}

TimePoint SlaRules::at_risk_at(const Incident& incident, TimePoint due) const {
    const Seconds span = due - incident.created_at;
    if (span <= Seconds{0}) return due;
    const double used = std::clamp(policy_.share, 0.0, 1.0) * static_cast<double>(span.count());
    const TimePoint by_share = incident.created_at + Seconds{static_cast<Seconds::rep>(used)};
    const TimePoint by_time_left = due - policy_.time_left;
    // Never before creation: an SLA shorter than time_left is at risk from its first second.
    return std::clamp(std::min(by_share, by_time_left), incident.created_at, due);
}

}  // namespace tsur::model
