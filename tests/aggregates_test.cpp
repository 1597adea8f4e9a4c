// Aggregates against hand-computed values on small hand-made incident lists (region at UTC+4).
#include "model/aggregates.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using test::at;

using std::chrono::hours;
constexpr Seconds kUdmurtia{4 * 3600};
// 14:15 local on Monday 23 Nov; the local day began at 2026-11-22T20:00:00Z.
const TimePoint kAsOf = at("2026-11-23T10:15:00Z");

// Builds one incident; each setter overrides a default (roads, vk, new, 24 h SLA, unanswered).
class Make {
public:
    explicit Make(const char* created = "2026-11-23T08:00:00Z") {
        inc_.sector = Sector::roads;
        inc_.channel = Channel::vk;
        inc_.created_at = at(created);
        sla(hours{24});
    }
    Make& muni(MunicipalityIndex m) {
        inc_.municipality = m;
        return *this;
    }
    Make& sector(Sector s) {
        inc_.sector = s;
        return *this;
    }
    Make& channel(Channel c) {
        inc_.channel = c;
        return *this;
    }
    Make& status(Status s) {
        inc_.status = s;
        return *this;
    }
    Make& sla(Seconds d) {
        inc_.due_at = inc_.created_at + d;
        inc_.at_risk_at = inc_.due_at;
        return *this;
    }
    Make& answered_after(Seconds d) {
        inc_.answered_at = inc_.created_at + d;
        return *this;
    }
    operator Incident() const { return inc_; }  // NOLINT(google-explicit-constructor)

private:
    Incident inc_;
};

Aggregates compute(const std::vector<Incident>& incidents) {
    return compute_aggregates(incidents, 3, kAsOf, kUdmurtia);
}

TEST(Aggregates, TodayStartsAtLocalMidnight) {
    const auto a = compute({Make("2026-11-22T19:59:59Z"), Make("2026-11-22T20:00:00Z")});
    EXPECT_EQ(a.created_today, 1u);
    EXPECT_EQ(a.today_by_muni_sector[0][index_of(Sector::roads)], 1u);
    EXPECT_EQ(a.today_by_channel[index_of(Channel::vk)], 1u);
    EXPECT_EQ(a.week_by_muni_sector[0][index_of(Sector::roads)], 2u);
}

TEST(Aggregates, WeekIsSevenLocalDaysEndingToday) {
    const auto a =
        compute({Make("2026-11-16T19:59:59Z").muni(1), Make("2026-11-16T20:00:00Z").muni(1),
                 Make("2026-11-23T19:59:59Z").muni(1)});
    EXPECT_EQ(a.week_by_muni_sector[1][index_of(Sector::roads)], 2u);
}

TEST(Aggregates, OpenCountsByMunicipalitySectorChannelAndStatus) {
    const auto a = compute({
        Make().muni(0).sector(Sector::roads).channel(Channel::vk),
        Make().muni(0).sector(Sector::roads).channel(Channel::pos).status(Status::in_progress),
        Make().muni(2).sector(Sector::waste).channel(Channel::pos),
        Make().muni(2).sector(Sector::waste).status(Status::answered).answered_after(hours{1}),
        Make().muni(1).sector(Sector::housing).status(Status::resolved).answered_after(hours{2}),
    });
    EXPECT_EQ(a.total, 5u);
    EXPECT_EQ(a.open, 3u);
    EXPECT_EQ(a.open_by_muni_sector[0][index_of(Sector::roads)], 2u);
    EXPECT_EQ(a.open_by_muni_sector[2][index_of(Sector::waste)], 1u);
    EXPECT_EQ(a.open_by_muni_sector[1][index_of(Sector::housing)], 0u);
    EXPECT_EQ(a.open_by_channel[index_of(Channel::pos)], 2u);
    EXPECT_EQ(a.open_by_channel[index_of(Channel::vk)], 1u);
    EXPECT_EQ(a.by_status[index_of(Status::new_)], 2u);
    EXPECT_EQ(a.by_status[index_of(Status::in_progress)], 1u);
    EXPECT_EQ(a.by_status[index_of(Status::answered)], 1u);
    EXPECT_EQ(a.by_status[index_of(Status::resolved)], 1u);
    EXPECT_EQ(a.by_status[index_of(Status::rejected)], 0u);
}

// Four answers in the window (2 h, 4 h late, 1 h, 8 h) and one just before it (10 h).
std::vector<Incident> answered_week() {
    return {
        Make("2026-11-20T00:00:00Z").status(Status::answered).answered_after(hours{2}),
        Make("2026-11-21T00:00:00Z")
            .status(Status::resolved)
            .sla(hours{3})
            .answered_after(hours{4}),
        Make("2026-11-22T00:00:00Z").status(Status::resolved).answered_after(hours{1}),
        Make("2026-11-22T21:00:00Z").status(Status::rejected).answered_after(hours{8}),
        // Answered at 19:59:59Z on 16 Nov: one second before the 7-day window opens.
        Make("2026-11-16T09:59:59Z").status(Status::resolved).answered_after(hours{10}),
    };
}

TEST(Aggregates, MedianOfEvenCountIsMeanOfTheMiddleTwo) {
    const auto a = compute(answered_week());
    ASSERT_TRUE(a.median_answer_time);
    EXPECT_EQ(*a.median_answer_time, hours{3});
}

TEST(Aggregates, MedianOfOddCountIsTheMiddleOne) {
    auto incidents = answered_week();
    incidents.push_back(
        Make("2026-11-19T00:00:00Z").status(Status::answered).answered_after(hours{30}));
    const auto a = compute(incidents);
    ASSERT_TRUE(a.median_answer_time);
    EXPECT_EQ(*a.median_answer_time, hours{4});
}

TEST(Aggregates, OnTimeAndSolvedSharesOverSevenDays) {
    const auto a = compute(answered_week());
    ASSERT_TRUE(a.on_time_share_7d);
    EXPECT_DOUBLE_EQ(*a.on_time_share_7d, 3.0 / 4.0);
    ASSERT_TRUE(a.solved_share_7d);
    EXPECT_DOUBLE_EQ(*a.solved_share_7d, 2.0 / 4.0);
    EXPECT_EQ(a.answered_today, 1u);
}

TEST(Aggregates, AnswerExactlyAtDueIsOnTime) {
    const auto a = compute({Make("2026-11-22T00:00:00Z")
                                .status(Status::answered)
                                .sla(hours{5})
                                .answered_after(hours{5})});
    EXPECT_DOUBLE_EQ(a.on_time_share_7d.value_or(-1), 1.0);
}

TEST(Aggregates, NoAnswersMeansNoMedianAndNoShares) {
    const auto a = compute({Make(), Make().status(Status::in_progress)});
    EXPECT_FALSE(a.median_answer_time);
    EXPECT_FALSE(a.on_time_share_7d);
    EXPECT_FALSE(a.solved_share_7d);
    EXPECT_EQ(a.answered_today, 0u);
}

TEST(Aggregates, MatricesHaveOneRowPerMunicipalityEvenWhenEmpty) {
    const auto a = compute_aggregates({}, 30, kAsOf, kUdmurtia);
    EXPECT_EQ(a.open_by_muni_sector.size(), 30u);
    EXPECT_EQ(a.today_by_muni_sector.size(), 30u);
    EXPECT_EQ(a.week_by_muni_sector.size(), 30u);
    EXPECT_EQ(a.total, 0u);
}

TEST(Aggregates, UnknownMunicipalityIsCountedInTotalsButNotInMatrices) {
    const auto a = compute({Make().muni(9)});
    EXPECT_EQ(a.total, 1u);
    EXPECT_EQ(a.open, 1u);
    for (const auto& row : a.open_by_muni_sector) EXPECT_EQ(row[index_of(Sector::roads)], 0u);
}

}  // namespace
}  // namespace tsur::model
