// build_snapshot(): SLA rules applied (feed due_at wins), order kept, aggregates and index built.
#include "model/snapshot.hpp"

#include <gtest/gtest.h>

#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using test::at;

std::shared_ptr<const Region> two_towns() {
    auto region = std::make_shared<Region>();
    region->code = "RU-UD";
    region->municipalities.resize(2);
    region->municipalities[0].id = "izhevsk";
    region->municipalities[1].id = "glazov";
    return region;
}

FeedDocument document() {
    FeedDocument doc;
    doc.schema = "tsur.feed.v1";
    doc.as_of = at("2026-11-23T10:15:00Z");
    Incident vk;
    vk.id = "A";
    vk.channel = Channel::vk;
    vk.created_at = at("2026-11-22T09:00:00Z");
    Incident pos = vk;
    pos.id = "B";
    pos.channel = Channel::pos;
    pos.sector = Sector::roads;
    pos.municipality = 1;
    pos.feed_due_at = at("2026-11-23T10:00:00Z");
    Incident letter = vk;
    letter.id = "C";
    letter.channel = Channel::letter;
    doc.incidents = {vk, pos, letter};
    return doc;
}

TEST(Snapshot, AppliesRulesAndFeedDueTimeWins) {
    const auto snap = build_snapshot(document(), two_towns(), SlaRules::defaults());
    ASSERT_EQ(snap->incidents.size(), 3u);
    EXPECT_EQ(snap->incidents[0].id, "A");
    EXPECT_EQ(snap->incidents[1].id, "B");
    EXPECT_EQ(snap->incidents[2].id, "C");
    EXPECT_EQ(snap->incidents[0].due_at, at("2026-11-23T09:00:00Z"));
    EXPECT_EQ(snap->incidents[0].at_risk_at, at("2026-11-23T03:00:00Z"));
    EXPECT_EQ(snap->incidents[1].due_at, at("2026-11-23T10:00:00Z"));  // not the 10-day rule
    EXPECT_EQ(snap->incidents[2].due_at, at("2026-12-22T09:00:00Z"));
}

TEST(Snapshot, VersionIsAsOfInUnixSeconds) {
    const auto snap = build_snapshot(document(), two_towns(), SlaRules::defaults());
    EXPECT_EQ(snap->version, 1795428900u);
    EXPECT_EQ(snap->as_of, at("2026-11-23T10:15:00Z"));
    EXPECT_EQ(snap->schema, "tsur.feed.v1");
}

TEST(Snapshot, DataAgeCountsFromAsOfAndAClockBehindTheFeedReadsAsFresh) {
    const auto snap = build_snapshot(document(), two_towns(), SlaRules::defaults());
    EXPECT_EQ(data_age(*snap, at("2026-11-23T10:35:00Z")), std::chrono::minutes(20));
    EXPECT_EQ(data_age(*snap, at("2026-11-23T10:14:30Z")), Seconds{0});
}

TEST(Snapshot, AggregatesAndDeadlinesMatchTheIncidents) {
    const auto snap = build_snapshot(document(), two_towns(), SlaRules::defaults());
    EXPECT_EQ(snap->aggregates.open, 3u);
    ASSERT_EQ(snap->aggregates.open_by_muni_sector.size(), 2u);
    EXPECT_EQ(snap->aggregates.open_by_muni_sector[1][index_of(Sector::roads)], 1u);
    EXPECT_EQ(snap->deadlines.overdue_count(snap->as_of), 2u);  // A at 09:00, B at 10:00
    EXPECT_EQ(snap->deadlines.by_due().front(), 0u);
}

}  // namespace
}  // namespace tsur::model
