// Agency league table over a rolling 7 days, minimum sample, and SLA counts by sector.
#include "model/league_table.hpp"

#include <gtest/gtest.h>

#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::hours;
constexpr Seconds kSecond{1};
const TimePoint kNow = test::at("2026-11-23T10:00:00Z");

Incident answered(const std::string& agency, TimePoint due, TimePoint when) {
    Incident inc;
    inc.agency = agency;
    inc.status = Status::answered;
    inc.created_at = due - days{1};
    inc.due_at = due;
    inc.at_risk_at = due;
    inc.answered_at = when;
    return inc;
}

Incident open_incident(const std::string& agency, TimePoint due, Sector sector = Sector::roads) {
    Incident inc;
    inc.agency = agency;
    inc.sector = sector;
    inc.status = Status::in_progress;
    inc.created_at = due - days{1};
    inc.due_at = due;
    inc.at_risk_at = due - hours{2};
    return inc;
}

// `on_time` answered on time, `late` answered late, `overdue` still open past due.
void add_agency(Snapshot& s, const std::string& name, int on_time, int late, int overdue) {
    const TimePoint due = kNow - days{2};
    for (int i = 0; i < on_time; ++i) s.incidents.push_back(answered(name, due, due - hours{1}));
    for (int i = 0; i < late; ++i) s.incidents.push_back(answered(name, due, due + hours{1}));
    for (int i = 0; i < overdue; ++i) s.incidents.push_back(open_incident(name, due));
}

TEST(LeagueTable, WorstOnTimeShareFirst) {
    Snapshot s;
    add_agency(s, "Минтранс УР", 18, 2, 0);  // 90 %
    add_agency(s, "Минстрой УР", 10, 6, 4);  // 50 %
    add_agency(s, "Минздрав УР", 20, 3, 2);  // 80 %
    const auto table = agency_league_table(s, kNow);
    ASSERT_EQ(table.ranked.size(), 3u);
    EXPECT_EQ(table.ranked[0].agency, "Минстрой УР");
    EXPECT_EQ(table.ranked[1].agency, "Минздрав УР");
    EXPECT_EQ(table.ranked[2].agency, "Минтранс УР");
    EXPECT_EQ(table.ranked[0].on_time, 10u);
    EXPECT_EQ(table.ranked[0].late, 6u);
    EXPECT_EQ(table.ranked[0].overdue, 4u);
    EXPECT_DOUBLE_EQ(table.ranked[0].on_time_share(), 0.5);
    EXPECT_DOUBLE_EQ(table.ranked[1].on_time_share(), 0.8);
    EXPECT_TRUE(table.too_few.empty());
}

TEST(LeagueTable, FewerThanMinimumCasesAreListedApartNotRanked) {
    Snapshot s;
    add_agency(s, "Большое", 15, 5, 0);  // 20 cases: ranked
    add_agency(s, "Малое", 0, 19, 0);    // 19 cases, all late: still not ranked
    const auto table = agency_league_table(s, kNow);
    ASSERT_EQ(table.ranked.size(), 1u);
    EXPECT_EQ(table.ranked[0].agency, "Большое");
    ASSERT_EQ(table.too_few.size(), 1u);
    EXPECT_EQ(table.too_few[0].agency, "Малое");
    EXPECT_EQ(table.too_few[0].cases(), 19u);
    const auto strict = agency_league_table(s, kNow, 21);
    EXPECT_TRUE(strict.ranked.empty());
    EXPECT_EQ(strict.too_few.size(), 2u);
}

TEST(LeagueTable, EqualSharesPutMoreOverdueFirst) {
    Snapshot s;
    add_agency(s, "А", 10, 10, 0);
    add_agency(s, "Б", 10, 0, 10);
    const auto table = agency_league_table(s, kNow, 1);
    ASSERT_EQ(table.ranked.size(), 2u);
    EXPECT_EQ(table.ranked[0].agency, "Б");
}

TEST(LeagueTable, WindowIsTheSevenDaysEndingNow) {
    Snapshot s;
    const TimePoint start = kNow - days{7};
    const TimePoint old_due = start - days{3};
    s.incidents = {
        answered("X", old_due, start),            // answered at the open edge: out
        answered("X", old_due, start + kSecond),  // late, in
        answered("X", kNow + days{3}, kNow),      // early answer now: on time, in
        answered("X", kNow, kNow + kSecond),      // answered after now: out
        open_incident("X", start),                // due at the open edge: out
        open_incident("X", start + kSecond),      // overdue, in
        open_incident("X", kNow + kSecond),       // not yet due: out
    };
    const auto table = agency_league_table(s, kNow, 1);
    ASSERT_EQ(table.ranked.size(), 1u);
    EXPECT_EQ(table.window_begin, start);
    EXPECT_EQ(table.window_end, kNow);
    EXPECT_EQ(table.ranked[0].on_time, 1u);
    EXPECT_EQ(table.ranked[0].late, 1u);
    EXPECT_EQ(table.ranked[0].overdue, 1u);
}

TEST(SectorSlaCounts, CountsOverdueAndAtRiskOpenIncidentsBySector) {
    Snapshot s;
    s.incidents = {open_incident("A", kNow - hours{1}, Sector::roads),
                   open_incident("A", kNow, Sector::roads),
                   open_incident("A", kNow + hours{1}, Sector::waste),
                   open_incident("A", kNow + hours{3}, Sector::waste),
                   answered("A", kNow - hours{5}, kNow - hours{1})};
    s.deadlines = DeadlineIndex(s.incidents);
    const auto counts = overdue_and_at_risk_by_sector(s, kNow);
    EXPECT_EQ(counts.overdue[index_of(Sector::roads)], 2u);
    EXPECT_EQ(counts.at_risk[index_of(Sector::roads)], 0u);
    EXPECT_EQ(counts.overdue[index_of(Sector::waste)], 0u);
    EXPECT_EQ(counts.at_risk[index_of(Sector::waste)], 1u);
    const auto later = overdue_and_at_risk_by_sector(s, kNow + hours{1});
    EXPECT_EQ(later.overdue[index_of(Sector::waste)], 1u);
    EXPECT_EQ(later.at_risk[index_of(Sector::waste)], 1u);
}

}  // namespace
}  // namespace tsur::model
