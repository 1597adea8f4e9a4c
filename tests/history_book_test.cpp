// The wall's own daily history: created-per-day counts over the feed's 7-day window, local days,
// frozen older days, retention, no future, and spikes on a feed that sends no history.
#include "model/history_book.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/spike_detector.hpp"
#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::sys_days;

constexpr Seconds kUtcPlus4{4 * 3600};
constexpr std::size_t kMunicipalities = 3;  // 0 izhevsk, 1 sarapul, 2 votkinsk
const sys_days kNov23 = sys_days{std::chrono::year{2026} / 11 / 23};

using test::at;

Incident incident(TimePoint created, MunicipalityIndex m = 0, Sector s = Sector::roads,
                  Status status = Status::new_) {
    Incident inc;
    inc.id = "UD-" + std::to_string(created.time_since_epoch().count());
    inc.municipality = m;
    inc.sector = s;
    inc.status = status;
    inc.created_at = created;
    return inc;
}

std::vector<sys_days> stored_days(const HistoryBook& book) {
    std::vector<sys_days> out;
    for (const auto& [day, counts] : book.days()) out.push_back(day);
    return out;
}

TEST(HistoryBook, CountsIncidentsCreatedOnEachOfTheLastSevenLocalDays) {
    HistoryBook book(kMunicipalities);
    const std::vector<Incident> incidents{
        incident(at("2026-11-23T09:00:00Z"), 0, Sector::roads),
        incident(at("2026-11-23T08:00:00Z"), 0, Sector::roads, Status::resolved),
        incident(at("2026-11-21T12:00:00Z"), 1, Sector::housing, Status::answered),
        incident(at("2026-11-17T00:00:00Z"), 2, Sector::waste),  // local 04:00, 6 days back
        incident(at("2026-11-16T19:00:00Z"), 2, Sector::waste),  // local 23:00, 7 days back
    };
    EXPECT_TRUE(book.record(incidents, kUtcPlus4, at("2026-11-23T10:00:00Z")));

    std::vector<sys_days> window;
    for (int i = 6; i >= 0; --i) window.push_back(kNov23 - days{i});
    EXPECT_EQ(stored_days(book), window);
    // Closed or open, an incident counts for the day it was created.
    EXPECT_EQ(book.count(kNov23, 0, Sector::roads), 2u);
    EXPECT_EQ(book.count(kNov23 - days{2}, 1, Sector::housing), 1u);
    EXPECT_EQ(book.count(kNov23 - days{6}, 2, Sector::waste), 1u);
    // The 8th day back may have lost incidents closed since: it is not recounted at all.
    EXPECT_EQ(book.count(kNov23 - days{7}, 2, Sector::waste), 0u);
}

TEST(HistoryBook, DaysBeginAtLocalMidnightNotUtcMidnight) {
    HistoryBook book(kMunicipalities);
    const std::vector<Incident> incidents{
        incident(at("2026-11-22T20:30:00Z")),  // 00:30 on the 23rd in Izhevsk
        incident(at("2026-11-22T19:59:00Z")),  // 23:59 on the 22nd
    };
    book.record(incidents, kUtcPlus4, at("2026-11-23T10:00:00Z"));
    EXPECT_EQ(book.count(kNov23, 0, Sector::roads), 1u);
    EXPECT_EQ(book.count(kNov23 - days{1}, 0, Sector::roads), 1u);
}

TEST(HistoryBook, OlderDaysStayFrozenWhenTheSnapshotNoLongerHasThem) {
    HistoryBook book(kMunicipalities);
    book.record(std::vector<Incident>{incident(at("2026-11-17T08:00:00Z")),
                                      incident(at("2026-11-17T09:00:00Z")),
                                      incident(at("2026-11-17T10:00:00Z")),
                                      incident(at("2026-11-23T08:00:00Z")),
                                      incident(at("2026-11-23T09:00:00Z"))},
                kUtcPlus4, at("2026-11-23T10:00:00Z"));

    // Two days later the closed incidents of the 17th have left the snapshot, and one of the
    // 23rd was withdrawn by the source: the 23rd is recounted, the 17th is not.
    book.record(std::vector<Incident>{incident(at("2026-11-23T08:00:00Z")),
                                      incident(at("2026-11-25T07:00:00Z"))},
                kUtcPlus4, at("2026-11-25T10:00:00Z"));

    EXPECT_EQ(book.count(kNov23 - days{6}, 0, Sector::roads), 3u);
    EXPECT_EQ(book.count(kNov23, 0, Sector::roads), 1u);
    EXPECT_EQ(book.count(kNov23 + days{2}, 0, Sector::roads), 1u);
    EXPECT_EQ(book.days().size(), 9u);
}

TEST(HistoryBook, ForgetsDaysPastTheRetention) {
    HistoryBook book(kMunicipalities);
    EXPECT_EQ(book.retention_days(), kHistoryRetentionDays);
    book.record(std::vector<Incident>{incident(at("2026-11-23T08:00:00Z"))}, kUtcPlus4,
                at("2026-11-23T10:00:00Z"));
    const TimePoint later = at("2026-11-23T10:00:00Z") + days{kHistoryRetentionDays - 1};
    book.record(std::vector<Incident>{}, kUtcPlus4, later);
    // The 23rd is exactly the oldest day kept; the days before it are gone.
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.days().begin()->first, kNov23);
    EXPECT_EQ(book.count(kNov23, 0, Sector::roads), 1u);

    book.record(std::vector<Incident>{}, kUtcPlus4, later + days{1});
    EXPECT_EQ(book.count(kNov23, 0, Sector::roads), 0u);
    EXPECT_GT(book.days().begin()->first, kNov23);
}

TEST(HistoryBook, ShortRetentionStillKeepsTheRecountWindow) {
    HistoryBook book(kMunicipalities, 10);
    book.record(std::vector<Incident>{}, kUtcPlus4, at("2026-11-23T10:00:00Z"));
    book.record(std::vector<Incident>{}, kUtcPlus4, at("2026-11-28T10:00:00Z"));
    ASSERT_EQ(book.days().size(), 10u);
    EXPECT_EQ(book.days().begin()->first, kNov23 + days{5} - days{9});
    EXPECT_EQ(HistoryBook(kMunicipalities, 2).retention_days(), kRecountableDays);
}

TEST(HistoryBook, NeverRecordsTheFuture) {
    HistoryBook book(kMunicipalities);
    book.record(std::vector<Incident>{incident(at("2026-11-23T21:00:00Z")),  // local 24th
                                      incident(at("2026-11-30T08:00:00Z"))},
                kUtcPlus4, at("2026-11-23T10:00:00Z"));
    EXPECT_EQ(stored_days(book).back(), kNov23);
    EXPECT_EQ(book.count(kNov23 + days{1}, 0, Sector::roads), 0u);

    // A document dated earlier than the book's newest day (an old cache) takes those days back
    // out: the next live snapshot recounts them.
    HistoryBook ahead(kMunicipalities);
    ahead.record(std::vector<Incident>{incident(at("2026-11-25T08:00:00Z"))}, kUtcPlus4,
                 at("2026-11-25T10:00:00Z"));
    ahead.record(std::vector<Incident>{}, kUtcPlus4, at("2026-11-23T10:00:00Z"));
    EXPECT_EQ(stored_days(ahead).back(), kNov23);
}

TEST(HistoryBook, RecordReportsWhetherACountChanged) {
    HistoryBook book(kMunicipalities);
    std::vector<Incident> incidents{incident(at("2026-11-23T08:00:00Z"))};
    const TimePoint as_of = at("2026-11-23T10:00:00Z");
    EXPECT_TRUE(book.record(incidents, kUtcPlus4, as_of));
    EXPECT_FALSE(book.record(incidents, kUtcPlus4, as_of + hours(1)));
    incidents.push_back(incident(at("2026-11-23T10:30:00Z"), 1, Sector::energy));
    EXPECT_TRUE(book.record(incidents, kUtcPlus4, as_of + hours(1)));
}

TEST(HistoryBook, IgnoresIncidentsOfUnknownMunicipalities) {
    HistoryBook book(kMunicipalities);
    book.record(std::vector<Incident>{incident(at("2026-11-23T08:00:00Z"), 7)}, kUtcPlus4,
                at("2026-11-23T10:00:00Z"));
    for (const auto& d : book.to_daily_counts()) EXPECT_EQ(d.count, 0u);
}

TEST(HistoryBook, QuietDaysStillCountAsCoveredHistory) {
    HistoryBook book(kMunicipalities);
    book.record(std::vector<Incident>{incident(at("2026-11-20T08:00:00Z"), 1, Sector::social)},
                kUtcPlus4, at("2026-11-23T10:00:00Z"));
    const auto history = book.to_daily_counts();
    std::vector<sys_days> listed;
    for (const auto& d : history) {
        if (listed.empty() || listed.back() != d.day) listed.push_back(d.day);
    }
    EXPECT_EQ(listed, stored_days(book));
    std::uint32_t total = 0;
    for (const auto& d : history) total += d.count;
    EXPECT_EQ(total, 1u);
}

// A feed without history: after a week of snapshots the wall's own history is a baseline, and a
// burst today stands out against it.
TEST(HistoryBook, GivesTheSpikeDetectorABaselineAfterAWeek) {
    HistoryBook book(kMunicipalities);
    // One incident a day, every day; each day's snapshot sees those not yet in the future.
    std::vector<Incident> incidents;
    for (int d = 30; d >= 1; --d) {
        incidents.push_back(incident(at("2026-11-23T08:00:00Z") - days{d}, 0, Sector::roads));
    }
    for (int d = 8; d >= 1; --d) {
        book.record(incidents, kUtcPlus4, at("2026-11-23T10:00:00Z") - days{d});
    }
    std::vector<SectorCounts> today(kMunicipalities, SectorCounts{});
    today[0][index_of(Sector::roads)] = 12;
    const auto spikes = detect_spikes(book.to_daily_counts(), today, kNov23);
    ASSERT_EQ(spikes.size(), 1u);
    EXPECT_EQ(spikes[0].municipality, 0);
    EXPECT_EQ(spikes[0].sector, Sector::roads);
    EXPECT_NEAR(spikes[0].baseline_mean, 1.0, 1e-9);

    // Only six past days: too short a baseline for a verdict, as with a feed's own history.
    HistoryBook young(kMunicipalities);
    young.record(std::vector<Incident>{}, kUtcPlus4, at("2026-11-23T10:00:00Z"));
    EXPECT_TRUE(detect_spikes(young.to_daily_counts(), today, kNov23).empty());
}

TEST(HistoryBook, FeedHistoryIsKeptAndAMissingOneIsFilledIn) {
    HistoryBook book(kMunicipalities);
    FeedDocument with;
    with.as_of = at("2026-11-23T10:00:00Z");
    with.incidents.push_back(incident(at("2026-11-22T08:00:00Z")));
    with.history.push_back(DailyCount{kNov23 - days{1}, 0, Sector::roads, 40});
    EXPECT_FALSE(fill_history(with, book, kUtcPlus4));
    ASSERT_EQ(with.history.size(), 1u);
    EXPECT_EQ(with.history[0].count, 40u);

    FeedDocument without;
    without.as_of = with.as_of;
    without.incidents = with.incidents;
    EXPECT_TRUE(fill_history(without, book, kUtcPlus4));
    std::uint32_t yesterday = 0;
    for (const auto& d : without.history) {
        if (d.day == kNov23 - days{1} && d.municipality == 0 && d.sector == Sector::roads) {
            yesterday += d.count;
        }
    }
    // Counted from the document itself, while the book waits for it to be published.
    EXPECT_EQ(yesterday, 1u);
    EXPECT_TRUE(book.empty());
}

}  // namespace
}  // namespace tsur::model
