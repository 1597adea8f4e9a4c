// The SLA board's page cycle: what can still be saved comes first, the newest breaches next, the
// long-overdue tail is summarised, a layout may ask for the oldest first, and no class is starved.
#include <gtest/gtest.h>

#include <string>

#include "display/board_plan.hpp"
#include "model/sla_rules.hpp"
#include "model/snapshot.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

using model::Seconds;
using model::TimePoint;

const TimePoint kNow = test::at("2026-11-23T10:15:00Z");

/// One open incident per entry, due `due_from_now` seconds from kNow, at risk 2 h before that.
model::SnapshotPtr snapshot_of(const std::vector<std::pair<std::string, Seconds>>& specs,
                               const std::string& agency = "Минтранс УР") {
    auto region = std::make_shared<model::Region>();
    region->municipalities.push_back(model::Municipality{});
    model::FeedDocument doc;
    doc.as_of = kNow;
    for (const auto& [id, due] : specs) {
        model::Incident inc;
        inc.id = id;
        inc.agency = id.rfind("b", 0) == 0 ? "Минстрой УР" : agency;
        inc.created_at = kNow - std::chrono::hours(1);
        inc.feed_due_at = kNow + due;
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc), region, model::SlaRules::defaults());
}

std::vector<std::string> ids_on(const model::Snapshot& snap, const BoardSection& section,
                                std::size_t page) {
    std::vector<std::string> out;
    for (std::size_t i = section.pages[page].first; i < section.pages[page].last; ++i) {
        out.push_back(snap.incidents[section.lines[i].row.incident].id);
    }
    return out;
}

/// `n` overdue incidents, the i-th due (i + 1) hours ago, named a0, a1, ...
std::vector<std::pair<std::string, Seconds>> overdue(int n, const char* prefix = "a") {
    std::vector<std::pair<std::string, Seconds>> out;
    for (int i = 0; i < n; ++i)
        out.emplace_back(prefix + std::to_string(i), Seconds{-(i + 1) * 3600});
    return out;
}

TEST(BoardPlan, AtRiskSoonestFirstThenNewestBreachFirst) {
    auto specs = overdue(3);
    specs.emplace_back("risk90m", Seconds{90 * 60});
    specs.emplace_back("risk10m", Seconds{10 * 60});
    specs.emplace_back("fine", Seconds{48 * 3600});
    const auto snap = snapshot_of(specs);
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 10);
    ASSERT_EQ(plan.sections.size(), 2u);
    EXPECT_EQ(plan.sections[0].cls, BoardClass::at_risk);
    EXPECT_EQ(ids_on(*snap, plan.sections[0], 0), (std::vector<std::string>{"risk10m", "risk90m"}));
    EXPECT_EQ(plan.sections[1].cls, BoardClass::overdue);
    EXPECT_EQ(ids_on(*snap, plan.sections[1], 0), (std::vector<std::string>{"a0", "a1", "a2"}));
    EXPECT_EQ(plan.overdue_total, 3u);
    EXPECT_EQ(plan.at_risk_total, 2u);
    EXPECT_TRUE(plan.tail.empty());
}

TEST(BoardPlan, ABreachFromTenMinutesAgoIsShownAmongHundredsOfOldOnes) {
    auto specs = overdue(600);
    specs.emplace_back("fresh", Seconds{-600});
    const auto snap = snapshot_of(specs);
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 8);
    ASSERT_EQ(plan.sections.size(), 1u);
    EXPECT_EQ(ids_on(*snap, plan.sections[0], 0).front(), "fresh");
    EXPECT_EQ(plan.sections[0].pages.size(), kMaxPagesPerClass);
    EXPECT_EQ(plan.overdue_total, 601u);
    EXPECT_EQ(plan.tail.overdue, 601u - kMaxPagesPerClass * 8);
}

TEST(BoardPlan, TheTailNamesTheAgenciesWithTheMostOfIt) {
    auto specs = overdue(10);
    for (auto& s : overdue(30, "b")) specs.push_back(s);  // older: due 1..30 h ago, "Минстрой УР"
    const auto snap = snapshot_of(specs);
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 4);
    EXPECT_EQ(plan.tail.overdue, 40u - 12u);
    ASSERT_FALSE(plan.tail.worst_agencies.empty());
    EXPECT_EQ(plan.tail.worst_agencies[0].first, "Минстрой УР");
    const std::string ru = board_tail_text(plan.tail, strings_for(Language::ru));
    EXPECT_EQ(ru.rfind("не в списке: 28 просрочено", 0), 0u) << ru;
    EXPECT_NE(ru.find("Минстрой УР"), std::string::npos) << ru;
    const std::string en = board_tail_text(plan.tail, strings_for(Language::en));
    EXPECT_EQ(en.rfind("not listed: 28 overdue", 0), 0u) << en;
}

TEST(BoardPlan, OldestFirstPutsTheLongestOverdueFirstAndStillShowsAtRisk) {
    auto specs = overdue(30);
    specs.emplace_back("risk", Seconds{600});
    const auto snap = snapshot_of(specs);
    config::WidgetSpec spec;
    spec.board_order = config::BoardOrder::oldest_first;
    const BoardPlan plan = plan_board(*snap, spec, kNow, 5);
    ASSERT_EQ(plan.sections.size(), 2u);
    EXPECT_EQ(plan.sections[0].cls, BoardClass::overdue);
    EXPECT_EQ(ids_on(*snap, plan.sections[0], 0).front(), "a29");
    EXPECT_EQ(plan.sections[1].cls, BoardClass::at_risk);
    EXPECT_EQ(ids_on(*snap, plan.sections[1], 0), (std::vector<std::string>{"risk"}));
}

TEST(BoardPlan, EveryClassIsShownWithinOneCycle) {
    auto specs = overdue(500);
    for (int i = 0; i < 100; ++i) specs.emplace_back("r" + std::to_string(i), Seconds{60 + i * 60});
    const auto snap = snapshot_of(specs);
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 6);
    ASSERT_EQ(plan.cycle.size(), 2 * kMaxPagesPerClass);
    bool seen[2] = {false, false};
    for (int k = 0; k < static_cast<int>(plan.cycle.size()); ++k) {
        const BoardPageRef& ref = page_of_cycle(plan, kNow + Seconds{12 * k}, 12);
        seen[static_cast<int>(plan.sections[ref.section].cls)] = true;
    }
    EXPECT_TRUE(seen[0]);
    EXPECT_TRUE(seen[1]);
    EXPECT_EQ(plan.tail.at_risk, 100u - 18u);
    EXPECT_EQ(plan.tail.overdue, 500u - 18u);
}

TEST(BoardPlan, EachPageSaysWhatItHoldsAndWhereItStands) {
    auto specs = overdue(3);
    for (int i = 0; i < 7; ++i) specs.emplace_back("r" + std::to_string(i), Seconds{60 + i * 60});
    const auto snap = snapshot_of(specs);
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 4);
    const Strings& ru = strings_for(Language::ru);
    const Strings& en = strings_for(Language::en);
    const config::WidgetSpec spec;
    EXPECT_EQ(board_page_label(plan, {0, 0}, ru, spec), "под угрозой 7 \u00B7 1/2");
    EXPECT_EQ(board_page_label(plan, {0, 1}, en, spec), "at risk 7 \u00B7 2/2");
    EXPECT_EQ(board_page_label(plan, {1, 0}, ru, spec), "просрочено 3 \u00B7 сначала новые");
    EXPECT_EQ(board_page_label(plan, {1, 0}, en, spec, false), "overdue 3");
    EXPECT_EQ(board_page_label(plan, {0, 1}, ru, spec, false, false), "под угрозой \u00B7 2/2");
}

TEST(BoardPlan, NothingToShowGivesAnEmptyCycle) {
    const auto snap = snapshot_of({{"fine", Seconds{48 * 3600}}});
    const BoardPlan plan = plan_board(*snap, config::WidgetSpec{}, kNow, 5);
    EXPECT_TRUE(plan.cycle.empty());
    EXPECT_TRUE(plan.tail.empty());
    EXPECT_EQ(board_tail_text(plan.tail, strings_for(Language::ru)), "");
}

}  // namespace
}  // namespace tsur::display
