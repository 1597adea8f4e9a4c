// One rule, one number: on random snapshots and instants the KPI strip's overdue count, the SLA
// board's total, the map's overdue marks, the heatmap's overdue sum and the SLA summary agree with
// each other and with classify() on every incident (and the at-risk counts likewise), with answered_at unset, before and after
// now, and deadlines that land on holidays.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

#include "display/board_plan.hpp"
#include "display/heatmap_data.hpp"
#include "display/map/map_points.hpp"
#include "model/league_table.hpp"
#include "model/sla.hpp"
#include "model/sla_rules.hpp"
#include "model/snapshot.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using model::Seconds;
using model::TimePoint;

const TimePoint kBase = test::at("2026-12-28T09:00:00Z");
constexpr int kMunicipalities = 5;

/// New Year holidays and one Saturday made a working day, so working-day deadlines jump them.
model::WorkCalendar holiday_calendar() {
    using namespace std::chrono;
    std::set<sys_days> holidays;
    for (int d = 1; d <= 8; ++d) holidays.insert(sys_days{year{2027} / January / d});
    holidays.insert(sys_days{year{2026} / December / 31});
    return model::WorkCalendar(holidays, {sys_days{year{2026} / December / 26}}, Seconds{4 * 3600});
}

model::SnapshotPtr random_snapshot(std::mt19937& rng, const model::SlaRules& rules) {
    auto region = std::make_shared<model::Region>();
    region->municipalities.resize(kMunicipalities);
    std::uniform_int_distribution<int> hours(-24 * 12, 24 * 2);
    std::uniform_int_distribution<int> pick(0, 99);
    std::uniform_int_distribution<int> status(0, model::kStatusCount - 1);
    std::uniform_int_distribution<int> channel(0, model::kChannelCount - 1);
    std::uniform_int_distribution<int> sector(0, model::kSectorCount - 1);
    std::uniform_int_distribution<int> muni(0, kMunicipalities - 1);
    std::uniform_int_distribution<int> answer_shift(-3 * 24 * 3600, 3 * 24 * 3600);
    model::FeedDocument doc;
    doc.as_of = kBase;
    const int n = 200 + pick(rng) * 4;
    for (int i = 0; i < n; ++i) {
        model::Incident inc;
        inc.id = "I" + std::to_string(i);
        inc.agency = "agency " + std::to_string(pick(rng) % 7);
        inc.status = static_cast<model::Status>(status(rng));
        inc.channel = static_cast<model::Channel>(channel(rng));
        inc.sector = static_cast<model::Sector>(sector(rng));
        inc.municipality = static_cast<model::MunicipalityIndex>(muni(rng));
        // Every tenth belongs to the region as a whole: its own heatmap row counts the same way.
        if (i % 10 == 9) inc.municipality = model::kRegionWide;
        inc.location = model::GeoPoint{57.0 + pick(rng) * 0.01, 53.0 + pick(rng) * 0.01};
        inc.created_at = kBase + std::chrono::hours(hours(rng));
        const int roll = pick(rng);
        // A third carry the feed's deadline, some of them on 1-8 January or 31 December.
        if (roll < 15) {
            inc.feed_due_at = test::at("2027-01-0" + std::to_string(1 + roll % 8) + "T06:00:00Z");
        } else if (roll < 33) {
            inc.feed_due_at = inc.created_at + std::chrono::hours(1 + roll);
        }
        const int answer = pick(rng);
        if (answer < 40) inc.answered_at = inc.created_at + Seconds{std::abs(answer_shift(rng))};
        if (answer >= 40 && answer < 50) inc.answered_at = kBase + Seconds{answer_shift(rng)};
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc), region, rules);
}

struct Counts {
    std::size_t classify = 0, kpi = 0, board = 0, map = 0, heatmap = 0, summary = 0;
    std::size_t at_risk = 0, kpi_at_risk = 0, board_at_risk = 0, summary_at_risk = 0;
    bool agree() const {
        return kpi == classify && board == classify && map == classify && heatmap == classify &&
               summary == classify && kpi_at_risk == at_risk && board_at_risk == at_risk &&
               summary_at_risk == at_risk;
    }
};

Counts count_overdue(const model::Snapshot& snap, TimePoint now) {
    Counts c;
    for (const auto& inc : snap.incidents) {
        const model::SlaState state = model::classify(inc, now);
        c.classify += state == model::SlaState::overdue;
        c.at_risk += state == model::SlaState::at_risk;
    }
    c.kpi = snap.deadlines.overdue_count(now);  // what the KPI strip draws
    c.kpi_at_risk = snap.deadlines.at_risk_count(now);
    const config::WidgetSpec all;
    const display::BoardPlan board = display::plan_board(snap, all, now, 7);
    c.board = board.overdue_total;
    c.board_at_risk = board.at_risk_total;
    const display::Projection projection({57.5, 53.5}, 57.5, 100.0, 500.0, 500.0);
    const display::CollectedPoints map =
        display::collect_points(snap.incidents, all, projection, now);
    for (const auto& p : map.points) c.map += (p.flags & display::kPointOverdue) != 0;
    config::WidgetSpec overdue_heatmap;
    overdue_heatmap.window = config::Window::overdue;
    const display::HeatmapData heat = display::build_heatmap(snap, overdue_heatmap, now);
    for (const auto& row : heat.rows) c.heatmap += row.raw_total;
    const model::SectorSlaCounts summary = model::overdue_and_at_risk_by_sector(snap, now);
    for (const auto n : summary.overdue) c.summary += n;
    for (const auto n : summary.at_risk) c.summary_at_risk += n;
    return c;
}

TEST(SlaConsistency, EveryConsumerCountsTheSameOverdueIncidents) {
    const model::SlaRules rules = model::SlaRules::defaults(holiday_calendar());
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> offset(-5 * 24 * 3600, 14 * 24 * 3600);
    std::size_t checked = 0, agreeing = 0, overdue_seen = 0;
    for (int s = 0; s < 30; ++s) {
        const auto snap = random_snapshot(rng, rules);
        std::vector<TimePoint> nows;
        for (int i = 0; i < 40; ++i) nows.push_back(kBase + Seconds{offset(rng)});
        // Exact boundaries of a few incidents, where a copied rule would be off by one.
        for (std::size_t i = 0; i < 10; ++i) {
            const auto& inc = snap->incidents[i];
            nows.insert(nows.end(), {inc.due_at - Seconds{1}, inc.due_at});
            if (inc.answered_at)
                nows.insert(nows.end(), {*inc.answered_at - Seconds{1}, *inc.answered_at});
        }
        for (const TimePoint now : nows) {
            const Counts c = count_overdue(*snap, now);
            ++checked;
            agreeing += c.agree();
            overdue_seen += c.classify;
            EXPECT_TRUE(c.agree())
                << model::format_rfc3339(now) << ": classify " << c.classify << ", KPI " << c.kpi
                << ", board " << c.board << ", map " << c.map << ", heatmap " << c.heatmap
                << ", summary " << c.summary << "; at risk: classify " << c.at_risk << ", KPI "
                << c.kpi_at_risk << ", board " << c.board_at_risk << ", summary "
                << c.summary_at_risk;
        }
    }
    std::printf("[ agreement ] %zu of %zu (snapshot, instant) pairs agree; %zu overdue counted\n",
                agreeing, checked, overdue_seen);
    RecordProperty("agreeing", static_cast<int>(agreeing));
    RecordProperty("checked", static_cast<int>(checked));
    EXPECT_GT(overdue_seen, 0u);
}

TEST(SlaConsistency, AnOpenIncidentAnsweredLateIsOverdueOnlyUntilItsAnswer) {
    model::Incident inc;
    inc.status = model::Status::in_progress;
    inc.created_at = kBase - std::chrono::days(3);
    inc.due_at = kBase;
    inc.at_risk_at = kBase - std::chrono::hours(2);
    inc.answered_at = kBase + std::chrono::hours(5);
    const model::SlaTimeline t = model::sla_timeline(inc);
    EXPECT_EQ(t.overdue_from, kBase);
    EXPECT_EQ(t.overdue_until(), kBase + std::chrono::hours(5));
    EXPECT_EQ(model::classify(inc, kBase + std::chrono::hours(4)), model::SlaState::overdue);
    EXPECT_EQ(model::classify(inc, kBase + std::chrono::hours(5)), model::SlaState::answered_late);
}

}  // namespace
}  // namespace tsur
