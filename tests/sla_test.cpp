// SLA classification exactly at, one second before and one second after each boundary.
#include "model/sla.hpp"

#include <gtest/gtest.h>

#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using test::at;

Incident open_incident() {
    Incident inc;
    inc.id = "UD-1";
    inc.status = Status::in_progress;
    inc.created_at = at("2026-11-23T08:00:00Z");
    inc.at_risk_at = at("2026-11-24T02:00:00Z");
    inc.due_at = at("2026-11-24T08:00:00Z");
    return inc;
}

constexpr Seconds kSecond{1};

TEST(Sla, OnTimeUntilOneSecondBeforeAtRisk) {
    const auto inc = open_incident();
    EXPECT_EQ(classify(inc, inc.created_at), SlaState::in_progress);
    EXPECT_EQ(classify(inc, inc.at_risk_at - kSecond), SlaState::in_progress);
}

TEST(Sla, AtRiskExactlyAtThresholdAndOneSecondAfter) {
    const auto inc = open_incident();
    EXPECT_EQ(classify(inc, inc.at_risk_at), SlaState::at_risk);
    EXPECT_EQ(classify(inc, inc.at_risk_at + kSecond), SlaState::at_risk);
}

TEST(Sla, AtRiskUntilOneSecondBeforeDue) {
    const auto inc = open_incident();
    EXPECT_EQ(classify(inc, inc.due_at - kSecond), SlaState::at_risk);
}

TEST(Sla, OverdueExactlyAtDueAndAfter) {
    const auto inc = open_incident();
    EXPECT_EQ(classify(inc, inc.due_at), SlaState::overdue);
    EXPECT_EQ(classify(inc, inc.due_at + kSecond), SlaState::overdue);
    EXPECT_EQ(classify(inc, inc.due_at + std::chrono::days{30}), SlaState::overdue);
}

TEST(Sla, AnsweredExactlyAtDueIsOnTime) {
    auto inc = open_incident();
    inc.status = Status::answered;
    inc.answered_at = inc.due_at;
    EXPECT_EQ(classify(inc, inc.due_at + std::chrono::hours{5}), SlaState::answered_on_time);
}

TEST(Sla, AnsweredOneSecondAfterDueIsLate) {
    auto inc = open_incident();
    inc.status = Status::resolved;
    inc.answered_at = inc.due_at + kSecond;
    EXPECT_EQ(classify(inc, inc.due_at + std::chrono::hours{5}), SlaState::answered_late);
}

TEST(Sla, AnswerTimeInTheFutureDoesNotCloseAnOpenIncident) {
    auto inc = open_incident();
    inc.answered_at = inc.due_at + std::chrono::hours{1};
    EXPECT_EQ(classify(inc, inc.due_at), SlaState::overdue);
    EXPECT_EQ(classify(inc, *inc.answered_at), SlaState::answered_late);
}

TEST(Sla, AnswerTimeAloneClosesAnIncidentStillMarkedOpen) {
    auto inc = open_incident();
    inc.answered_at = inc.at_risk_at - kSecond;
    EXPECT_EQ(classify(inc, inc.due_at + kSecond), SlaState::answered_on_time);
}

TEST(Sla, RejectedWithoutAnswerTimeCountsAsAnsweredOnTime) {
    auto inc = open_incident();
    inc.status = Status::rejected;
    EXPECT_EQ(classify(inc, inc.due_at + std::chrono::days{2}), SlaState::answered_on_time);
}

TEST(Sla, TimeToDueIsSignedSeconds) {
    const auto inc = open_incident();
    EXPECT_EQ(time_to_due(inc, inc.due_at - std::chrono::minutes{45}), std::chrono::minutes{45});
    EXPECT_EQ(time_to_due(inc, inc.due_at), Seconds{0});
    EXPECT_EQ(time_to_due(inc, inc.due_at + std::chrono::hours{3}), -std::chrono::hours{3});
}

}  // namespace
}  // namespace tsur::model
