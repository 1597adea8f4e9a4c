// Deadline index: binary-search counts agree with classifying every incident, at every boundary.
#include "model/deadline_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "model/sla.hpp"

namespace tsur::model {
namespace {

constexpr Seconds kSecond{1};
const TimePoint kBase = *parse_rfc3339("2026-11-23T10:00:00Z");

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
    std::vector<Incident> out;
    for (std::size_t i = 0; i < n; ++i) {
        const Seconds due{offset(rng)};
        out.push_back(make(static_cast<Status>(status(rng)), due - Seconds{lead(rng)}, due));
    }
    return out;
}

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

TEST(DeadlineIndex, EmptyIndexIsQuiet) {
    const DeadlineIndex index;
    EXPECT_EQ(index.overdue_count(kBase), 0u);
    EXPECT_EQ(index.at_risk_count(kBase), 0u);
    EXPECT_TRUE(index.most_urgent(5).empty());
    EXPECT_FALSE(index.next_change_after(kBase));
}

TEST(DeadlineIndex, MostUrgentPutsLongestOverdueFirstThenLeastTimeLeft) {
    const std::vector<Incident> incidents{make(Status::new_, Seconds{0}, Seconds{500}),
                                          make(Status::new_, Seconds{-900}, Seconds{-100}),
                                          make(Status::answered, Seconds{-9000}, Seconds{-9000}),
                                          make(Status::new_, Seconds{-9000}, Seconds{-3000}),
                                          make(Status::new_, Seconds{0}, Seconds{50})};
    const DeadlineIndex index(incidents);
    const auto top = index.most_urgent(3);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0], 3u);
    EXPECT_EQ(top[1], 1u);
    EXPECT_EQ(top[2], 4u);
    EXPECT_EQ(index.most_urgent(100).size(), 4u);
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
    }
    for (const auto now : nows) {
        std::size_t overdue = 0, at_risk = 0;
        std::optional<TimePoint> next;
        for (const auto& inc : incidents) {
            if (!is_open(inc.status)) continue;
            const auto state = classify(inc, now);
            overdue += state == SlaState::overdue;
            at_risk += state == SlaState::at_risk;
            for (const auto t : {inc.at_risk_at, inc.due_at}) {
                if (t > now && (!next || t < *next)) next = t;
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
