// The SLA board's content without pixels: urgency order, just-overdue marking, filters, grouping,
// paging by wall-clock time, and the public table.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "display/board_rows.hpp"
#include "model/sla_rules.hpp"
#include "model/snapshot.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

using model::Seconds;
using model::TimePoint;

const TimePoint kNow = test::at("2026-11-23T10:15:00Z");

std::shared_ptr<const model::Region> three_municipalities() {
    auto r = std::make_shared<model::Region>();
    r->code = "RU-UD";
    for (const char* id : {"izhevsk", "sarapul", "glazov"}) {
        model::Municipality m;
        m.id = id;
        m.name_ru = id;
        r->municipalities.push_back(m);
    }
    return r;
}

struct Spec {
    std::string id;
    Seconds due_from_now;
    model::MunicipalityIndex muni = 0;
    std::string agency = "Минтранс УР";
    model::Sector sector = model::Sector::roads;
    model::Channel channel = model::Channel::vk;
    model::Status status = model::Status::new_;
};

model::SnapshotPtr snapshot_of(const std::vector<Spec>& specs) {
    model::FeedDocument doc;
    doc.as_of = kNow;
    for (const Spec& s : specs) {
        model::Incident inc;
        inc.id = s.id;
        inc.title = "Заголовок " + s.id;
        inc.municipality = s.muni;
        inc.agency = s.agency;
        inc.sector = s.sector;
        inc.channel = s.channel;
        inc.status = s.status;
        inc.created_at = kNow - std::chrono::hours(48);
        inc.feed_due_at = kNow + s.due_from_now;
        if (!model::is_open(s.status)) inc.answered_at = kNow - std::chrono::hours(1);
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc), three_municipalities(),
                                 model::SlaRules::defaults());
}

std::vector<std::string> ids_of(const model::Snapshot& snap, const std::vector<BoardRow>& rows) {
    std::vector<std::string> out;
    for (const BoardRow& r : rows) out.push_back(snap.incidents[r.incident].id);
    return out;
}

TEST(BoardRows, MostOverdueFirstThenLeastTimeLeft) {
    const auto snap = snapshot_of({{"late1h", Seconds{-3600}},
                                   {"in4d", Seconds{100 * 3600}},
                                   {"late5h", Seconds{-5 * 3600}},
                                   {"answered", Seconds{-7200}, 0, "A", model::Sector::roads,
                                    model::Channel::vk, model::Status::answered},
                                   {"in10m", Seconds{600}}});
    const auto rows = build_board_rows(*snap, config::WidgetSpec{}, kNow);
    EXPECT_EQ(ids_of(*snap, rows), (std::vector<std::string>{"late5h", "late1h", "in10m", "in4d"}));
    EXPECT_EQ(rows[0].state, model::SlaState::overdue);
    EXPECT_EQ(rows[0].time_left, Seconds{-5 * 3600});
    EXPECT_EQ(rows[2].state, model::SlaState::at_risk);
    EXPECT_EQ(rows[3].state, model::SlaState::new_);
}

TEST(BoardRows, JustOverdueRowIsMarkedOnlyBriefly) {
    const auto snap = snapshot_of({{"due", Seconds{0}}});
    const TimePoint due = kNow;
    auto at = [&](Seconds offset) { return build_board_rows(*snap, {}, due + offset).at(0); };
    EXPECT_FALSE(at(Seconds{-1}).just_overdue);
    EXPECT_EQ(at(Seconds{-1}).state, model::SlaState::at_risk);
    EXPECT_TRUE(at(Seconds{0}).just_overdue);
    EXPECT_TRUE(at(kJustOverdueWindow - Seconds{1}).just_overdue);
    EXPECT_FALSE(at(kJustOverdueWindow).just_overdue);
    EXPECT_FALSE(at(Seconds{3600}).just_overdue);
    EXPECT_EQ(at(Seconds{3600}).state, model::SlaState::overdue);
}

TEST(BoardRows, FiltersBySectorChannelAndStatus) {
    const auto snap = snapshot_of({{"roads_vk", Seconds{-60}, 0, "A", model::Sector::roads,
                                    model::Channel::vk, model::Status::new_},
                                   {"housing_vk", Seconds{-120}, 0, "A", model::Sector::housing,
                                    model::Channel::vk, model::Status::in_progress},
                                   {"roads_pos", Seconds{-180}, 0, "A", model::Sector::roads,
                                    model::Channel::pos, model::Status::in_progress}});
    config::WidgetSpec spec;
    spec.sectors = {model::Sector::roads};
    EXPECT_EQ(ids_of(*snap, build_board_rows(*snap, spec, kNow)),
              (std::vector<std::string>{"roads_pos", "roads_vk"}));
    spec.channels = {model::Channel::vk};
    EXPECT_EQ(ids_of(*snap, build_board_rows(*snap, spec, kNow)),
              (std::vector<std::string>{"roads_vk"}));
    config::WidgetSpec by_status;
    by_status.statuses = {model::Status::in_progress};
    EXPECT_EQ(ids_of(*snap, build_board_rows(*snap, by_status, kNow)),
              (std::vector<std::string>{"roads_pos", "housing_vk"}));
}

TEST(BoardRows, GroupByAgencyPutsTheWorstGroupFirst) {
    const auto snap = snapshot_of({{"a1", Seconds{-600}, 0, "Минздрав УР"},
                                   {"b1", Seconds{-7200}, 0, "Минтранс УР"},
                                   {"a2", Seconds{600}, 0, "Минздрав УР"},
                                   {"b2", Seconds{-60}, 0, "Минтранс УР"}});
    const auto rows = build_board_rows(*snap, {}, kNow);
    const auto lines = group_board_rows(*snap, rows, config::GroupBy::agency);
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0].kind, BoardLine::Kind::group_header);
    EXPECT_EQ(lines[0].group, "Минтранс УР");
    EXPECT_EQ(lines[0].group_size, 2u);
    EXPECT_EQ(snap->incidents[lines[1].row.incident].id, "b1");
    EXPECT_EQ(snap->incidents[lines[2].row.incident].id, "b2");
    EXPECT_EQ(lines[3].group, "Минздрав УР");
    EXPECT_EQ(snap->incidents[lines[4].row.incident].id, "a1");
    EXPECT_EQ(snap->incidents[lines[5].row.incident].id, "a2");
}

TEST(BoardRows, GroupByMunicipalityUsesMunicipalityHeaders) {
    const auto snap =
        snapshot_of({{"g", Seconds{-60}, 2}, {"i", Seconds{-30}, 0}, {"g2", Seconds{60}, 2}});
    const auto lines =
        group_board_rows(*snap, build_board_rows(*snap, {}, kNow), config::GroupBy::municipality);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].group_municipality, 2);
    EXPECT_EQ(lines[0].group_size, 2u);
    EXPECT_EQ(lines[3].group_municipality, 0);
}

TEST(BoardRows, PagesRepeatTheGroupHeaderAndNeverEndOnAHeader) {
    // Group A: 4 rows, group B: 2 rows -> lines H A A A A H B B.
    std::vector<Spec> specs;
    for (int i = 0; i < 4; ++i)
        specs.push_back({"a" + std::to_string(i), Seconds{-1000 + i}, 0, "A"});
    for (int i = 0; i < 2; ++i)
        specs.push_back({"b" + std::to_string(i), Seconds{100 + i}, 0, "B"});
    const auto snap = snapshot_of(specs);
    const auto lines =
        group_board_rows(*snap, build_board_rows(*snap, {}, kNow), config::GroupBy::agency);
    ASSERT_EQ(lines.size(), 8u);
    const auto pages = paginate(lines, 3);
    // [H A A] [(H) A A] [H B B]: the second page repeats A's header; B's header does not dangle
    // at the bottom of page 2.
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].first, 0u);
    EXPECT_EQ(pages[0].last, 3u);
    EXPECT_TRUE(pages[1].repeats_header);
    EXPECT_EQ(pages[1].header_line, 0u);
    EXPECT_EQ(pages[1].first, 3u);
    EXPECT_EQ(pages[1].last, 5u);
    EXPECT_FALSE(pages[2].repeats_header);
    EXPECT_EQ(pages[2].first, 5u);
    EXPECT_EQ(pages[2].last, 8u);
    for (const BoardPage& p : pages) {
        EXPECT_LE(p.last - p.first + (p.repeats_header ? 1 : 0), 3u);
        EXPECT_NE(lines[p.last - 1].kind, BoardLine::Kind::group_header);
    }
}

TEST(BoardRows, PageFollowsWallClockSoEveryPcShowsTheSamePage) {
    const TimePoint epoch_slot = TimePoint{Seconds{12 * 1000}};  // 1000 % 5 == 0
    EXPECT_EQ(page_at(epoch_slot, 12, 5), 0u);
    EXPECT_EQ(page_at(epoch_slot + Seconds{11}, 12, 5), 0u);
    EXPECT_EQ(page_at(epoch_slot + Seconds{12}, 12, 5), 1u);
    EXPECT_EQ(page_at(epoch_slot + Seconds{4 * 12}, 12, 5), 4u);
    EXPECT_EQ(page_at(epoch_slot + Seconds{5 * 12}, 12, 5), 0u);
    EXPECT_EQ(page_at(epoch_slot + Seconds{30}, 12, 1), 0u);
}

TEST(BoardRows, PagingOrderAtGivenInstants) {
    std::vector<Spec> specs;
    for (int i = 0; i < 25; ++i)
        specs.push_back({"r" + std::to_string(i), Seconds{-10000 + 60 * i}});
    const auto snap = snapshot_of(specs);
    const auto rows = build_board_rows(*snap, {}, kNow);
    const auto lines = group_board_rows(*snap, rows, config::GroupBy::none);
    const auto pages = paginate(lines, 10);
    ASSERT_EQ(pages.size(), 3u);
    // kNow is 2026-11-23T10:15:00Z; find the instants that show pages 0, 1, 2 with 12 s pages.
    const long long base = kNow.time_since_epoch().count() / 12 * 12;
    std::set<std::string> seen;
    for (int k = 0; k < 3; ++k) {
        const TimePoint t{Seconds{base + 12 * k}};
        const BoardPage& p = pages[page_at(t, 12, pages.size())];
        const std::size_t expected_first = ((base / 12 + k) % 3) * 10;
        EXPECT_EQ(p.first, expected_first);
        for (std::size_t i = p.first; i < p.last; ++i)
            seen.insert(snap->incidents[lines[i].row.incident].id);
    }
    EXPECT_EQ(seen.size(), 25u);  // three consecutive periods show every row exactly once
    EXPECT_EQ(snap->incidents[lines[pages[1].first].row.incident].id, "r10");
}

TEST(BoardRows, EmptyBoardStillHasOnePage) {
    EXPECT_EQ(paginate({}, 10).size(), 1u);
    EXPECT_EQ(lines_that_fit(100.0f, 30.0f), 3u);
    EXPECT_EQ(lines_that_fit(20.0f, 30.0f), 0u);
}

TEST(BoardRows, PublicRowsCountByMunicipalityWorstFirst) {
    const auto snap = snapshot_of({{"i1", Seconds{-60}, 0, "A", model::Sector::roads},
                                   {"i2", Seconds{600}, 0, "A", model::Sector::roads},
                                   {"g1", Seconds{-60}, 2, "A", model::Sector::housing},
                                   {"g2", Seconds{-120}, 2, "A", model::Sector::housing},
                                   {"g3", Seconds{86400}, 2, "A", model::Sector::waste},
                                   {"done", Seconds{-60}, 1, "A", model::Sector::roads,
                                    model::Channel::vk, model::Status::resolved}});
    const auto rows = build_public_rows(*snap, {}, kNow);
    ASSERT_EQ(rows.size(), 2u);  // Sarapul has nothing open
    EXPECT_EQ(rows[0].municipality, 2);
    EXPECT_EQ(rows[0].open, 3u);
    EXPECT_EQ(rows[0].overdue, 2u);
    EXPECT_EQ(rows[0].open_by_sector[model::index_of(model::Sector::housing)], 2u);
    EXPECT_EQ(rows[1].municipality, 0);
    EXPECT_EQ(rows[1].overdue, 1u);
    EXPECT_EQ(rows[1].at_risk, 1u);
}

TEST(BoardRows, PublicRowsHonourFilters) {
    const auto snap = snapshot_of({{"i1", Seconds{-60}, 0, "A", model::Sector::roads},
                                   {"g1", Seconds{-60}, 2, "A", model::Sector::housing}});
    config::WidgetSpec spec;
    spec.public_mode = true;
    spec.sectors = {model::Sector::housing};
    const auto rows = build_public_rows(*snap, spec, kNow);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].municipality, 2);
}

}  // namespace
}  // namespace tsur::display
