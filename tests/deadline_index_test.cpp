// Deadline index: binary-search counts agree with classifying every incident, at every boundary,
// with answered_at unset, before the deadline, after it, and after now.
#include "model/deadline_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "model/sla.hpp"
#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

constexpr Seconds kSecond{1};
const TimePoint kBase = test::at("2026-11-23T10:00:00Z");

Incident make(Status status, Seconds at_risk, Seconds due) {
    Incident inc;
    inc.status = status;
    inc.created_at = kBase - std::chrono::days{1};
    inc.at_risk_at = kBase + at_risk;
    inc.due_at = kBase + due;
    return inc;
}

std::vector<Incident> random_incidents(std::mt19937& rng, std::size_t n) {
    std::uniform_int_distribution<int> offset(-5000, 5000);
    std::uniform_int_distribution<int> lead(0, 3000);
    std::uniform_int_distribution<int> status(0, kStatusCount - 1);
    std::uniform_int_distribution<int> answered(0, 2);  // 0: unset; else a random instant
    std::vector<Incident> out;
    for (std::size_t i = 0; i < n; ++i) {
        const Seconds due{offset(rng)};
        out.push_back(make(static_cast<Status>(status(rng)), due - Seconds{lead(rng)}, due));
        if (answered(rng) != 0) out.back().answered_at = kBase + Seconds{offset(rng)};
    }
    return out;
}

bool overdue_or_at_risk(SlaState s) { return s == SlaState::overdue || s == SlaState::at_risk; }

TEST(DeadlineIndex, CountsChangeExactlyAtBoundaries) {
    const std::vector<Incident> incidents{make(Status::new_, Seconds{100}, Seconds{200})};
    const DeadlineIndex index(incidents);
    EXPECT_EQ(index.at_risk_count(kBase + Seconds{99}), 0u);
    EXPECT_EQ(index.at_risk_count(kBase + Seconds{100}), 1u);
    EXPECT_EQ(index.at_risk_count(kBase + Seconds{199}), 1u);
    EXPECT_EQ(index.overdue_count(kBase + Seconds{199}), 0u);
    EXPECT_EQ(index.at_risk_count(kBase + Seconds{200}), 0u);
    EXPECT_EQ(index.overdue_count(kBase + Seconds{200}), 1u);
    EXPECT_EQ(index.overdue_count(kBase + Seconds{201}), 1u);
}

TEST(DeadlineIndex, ClosedIncidentsAreNotIndexed) {
    const std::vector<Incident> incidents{make(Status::answered, Seconds{-20}, Seconds{-10}),
                                          make(Status::in_progress, Seconds{-20}, Seconds{-10}),
                                          make(Status::resolved, Seconds{-20}, Seconds{-10}),
                                          make(Status::rejected, Seconds{-20}, Seconds{-10})};
    const DeadlineIndex index(incidents);
    EXPECT_EQ(index.overdue_count(kBase), 1u);
    ASSERT_EQ(index.by_due().size(), 1u);
    EXPECT_EQ(index.by_due()[0], 1u);
}

TEST(DeadlineIndex, AnOpenIncidentAnsweredByNowIsNeitherOverdueNorAtRisk) {
    std::vector<Incident> incidents{make(Status::in_progress, Seconds{-200}, Seconds{-100}),
                                    make(Status::new_, Seconds{-200}, Seconds{100})};
    incidents[0].answered_at = kBase - Seconds{10};  // answered late, 10 s ago
    incidents[1].answered_at = kBase + Seconds{50};  // will be answered before its deadline
    const DeadlineIndex index(incidents);
    EXPECT_EQ(index.overdue_count(kBase - Seconds{11}), 1u);
    EXPECT_EQ(index.overdue_count(kBase - Seconds{10}), 0u);
    EXPECT_EQ(index.at_risk_count(kBase), 1u);
    EXPECT_EQ(index.at_risk_count(kBase + Seconds{50}), 0u);
    EXPECT_EQ(index.overdue_count(kBase + Seconds{100}), 0u);
    EXPECT_EQ(index.next_change_after(kBase), kBase + Seconds{50});
    EXPECT_FALSE(index.next_change_after(kBase + Seconds{50}));
}

TEST(DeadlineIndex, EmptyIndexIsQuiet) {
    const DeadlineIndex index;
    EXPECT_EQ(index.overdue_count(kBase), 0u);
    EXPECT_EQ(index.at_risk_count(kBase), 0u);
    EXPECT_TRUE(index.by_due().empty());
    EXPECT_FALSE(index.next_change_after(kBase));
}

TEST(DeadlineIndex, ByDuePutsLongestOverdueFirstThenLeastTimeLeft) {
    const std::vector<Incident> incidents{make(Status::new_, Seconds{0}, Seconds{500}),
                                          make(Status::new_, Seconds{-900}, Seconds{-100}),
                                          make(Status::answered, Seconds{-9000}, Seconds{-9000}),
                                          make(Status::new_, Seconds{-9000}, Seconds{-3000}),
                                          make(Status::new_, Seconds{0}, Seconds{50})};
    const DeadlineIndex index(incidents);
    const auto top = index.by_due();
    ASSERT_EQ(top.size(), 4u);
    EXPECT_EQ(top[0], 3u);
    EXPECT_EQ(top[1], 1u);
    EXPECT_EQ(top[2], 4u);
}

TEST(DeadlineIndex, MatchesBruteForceOnRandomData) {
    std::mt19937 rng(20261123);
    const auto incidents = random_incidents(rng, 3000);
    const DeadlineIndex index(incidents);
    std::uniform_int_distribution<int> probe(-6000, 6000);
    std::vector<TimePoint> nows;
    for (int i = 0; i < 300; ++i) nows.push_back(kBase + Seconds{probe(rng)});
    // Exact boundary instants of some incidents, and one second either side.
    for (std::size_t i = 0; i < 100; ++i) {
        for (const auto t : {incidents[i].due_at, incidents[i].at_risk_at}) {
            nows.insert(nows.end(), {t - kSecond, t, t + kSecond});
        }
        if (const auto t = incidents[i].answered_at)
            nows.insert(nows.end(), {*t - kSecond, *t, *t + kSecond});
    }
    for (const auto now : nows) {
        std::size_t overdue = 0, at_risk = 0;
        std::optional<TimePoint> next;
        for (const auto& inc : incidents) {
            if (!is_open(inc.status)) continue;
            const auto state = classify(inc, now);
            overdue += state == SlaState::overdue;
            at_risk += state == SlaState::at_risk;
            // The next instant at which this incident enters or leaves overdue / at risk.
            for (const auto t : {inc.at_risk_at, inc.due_at, inc.answered_at.value_or(kBase)}) {
                if (t <= now || (next && t >= *next)) continue;
                const SlaState before = classify(inc, t - kSecond), after = classify(inc, t);
                if (before != after && (overdue_or_at_risk(before) || overdue_or_at_risk(after))) {
                    next = t;
                }
            }
        }
        ASSERT_EQ(index.overdue_count(now), overdue) << format_rfc3339(now);
        ASSERT_EQ(index.at_risk_count(now), at_risk) << format_rfc3339(now);
        ASSERT_EQ(index.next_change_after(now), next) << format_rfc3339(now);
    }
}

TEST(DeadlineIndex, ByDueIsSortedAndHoldsEveryOpenIncidentOnce) {
    std::mt19937 rng(7);
    const auto incidents = random_incidents(rng, 1000);
    const DeadlineIndex index(incidents);
    const auto by_due = index.by_due();
    const auto open = std::count_if(incidents.begin(), incidents.end(),
                                    [](const Incident& inc) { return is_open(inc.status); });
    ASSERT_EQ(by_due.size(), static_cast<std::size_t>(open));
    std::vector<std::uint32_t> seen(by_due.begin(), by_due.end());
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
    for (std::size_t i = 0; i < by_due.size(); ++i) {
        EXPECT_TRUE(is_open(incidents[by_due[i]].status));
        if (i > 0) {
            EXPECT_LE(incidents[by_due[i - 1]].due_at, incidents[by_due[i]].due_at);
        }
    }
}

TEST(DeadlineIndex, NextChangeWalksEveryBoundary) {
    const std::vector<Incident> incidents{make(Status::new_, Seconds{10}, Seconds{30}),
                                          make(Status::new_, Seconds{20}, Seconds{20})};
    const DeadlineIndex index(incidents);
    EXPECT_EQ(index.next_change_after(kBase), kBase + Seconds{10});
    EXPECT_EQ(index.next_change_after(kBase + Seconds{10}), kBase + Seconds{20});
    EXPECT_EQ(index.next_change_after(kBase + Seconds{20}), kBase + Seconds{30});
    EXPECT_FALSE(index.next_change_after(kBase + Seconds{30}));
}

}  // namespace
}  // namespace tsur::model
