// Incidents of the region as a whole (model::kRegionWide, an unknown municipality): they count in
// every total, and each per-municipality view shows them once, so its rows still add up.
#include <gtest/gtest.h>

#include <memory>
#include <numeric>
#include <vector>

#include "display/board_rows.hpp"
#include "display/heatmap_data.hpp"
#include "display/map/map_points.hpp"
#include "display/map/map_public.hpp"
#include "display/strings.hpp"
#include "display/widget_common.hpp"
#include "model/aggregates.hpp"
#include "model/sla_rules.hpp"
#include "model/snapshot.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

std::shared_ptr<const model::Region> two_towns() {
    auto r = std::make_shared<model::Region>();
    r->code = "RU-UD";
    r->name_ru = "Удмуртская Республика";
    for (const char* id : {"izhevsk", "sarapul"}) {
        model::Municipality m;
        m.id = id;
        m.name_ru = id;
        m.centre = model::GeoPoint{56.85, 53.2};
        r->municipalities.push_back(m);
    }
    return r;
}

/// Six open roads incidents in Izhevsk with points, and `wide` of the whole region, no point.
model::SnapshotPtr snapshot_with(int wide) {
    model::FeedDocument doc;
    doc.as_of = kNow;
    for (int i = 0; i < 6 + wide; ++i) {
        model::Incident inc;
        inc.id = "I-" + std::to_string(i);
        inc.sector = model::Sector::roads;
        inc.created_at = kNow - std::chrono::hours(1);
        if (i < 6) {
            inc.municipality = 0;
            inc.location = model::GeoPoint{56.85, 53.2};
        } else {
            inc.municipality = model::kRegionWide;
        }
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc), two_towns(), model::SlaRules::defaults());
}

TEST(RegionWide, CountsInTheKpiTotalsAndTheSectorTotals) {
    const auto snap = snapshot_with(5);
    const model::Aggregates& a = snap->aggregates;
    EXPECT_EQ(a.total, 11u);
    EXPECT_EQ(a.open, 11u);
    EXPECT_EQ(a.created_today, 11u);
    EXPECT_EQ(a.region_wide_open[model::index_of(model::Sector::roads)], 5u);
    const model::SectorCounts totals =
        model::region_totals(a.week_by_muni_sector, a.region_wide_week);
    EXPECT_EQ(totals[model::index_of(model::Sector::roads)], 11u);
}

TEST(RegionWide, MunicipalityColumnNamesTheWholeRegion) {
    const auto snap = snapshot_with(1);
    FrameContext ctx;
    ctx.strings = &strings_for(Language::ru);
    EXPECT_EQ(municipality_name(ctx, *snap, model::kRegionWide), "весь регион, МО не указано");
    EXPECT_EQ(municipality_name(ctx, *snap, 0), "izhevsk");
}

TEST(RegionWide, PublicBoardHasOneRowForTheWholeRegion) {
    const auto snap = snapshot_with(3);
    const auto rows = build_public_rows(*snap, config::WidgetSpec{}, kNow);
    ASSERT_EQ(rows.size(), 2u);
    std::uint32_t open = 0;
    for (const PublicRow& r : rows) open += r.open;
    EXPECT_EQ(open, 9u);
    EXPECT_TRUE(model::is_region_wide(rows[1].municipality));
    EXPECT_EQ(rows[1].open, 3u);
}

TEST(RegionWide, HeatmapEndsWithARowForTheWholeRegion) {
    const auto snap = snapshot_with(2);
    const HeatmapData data = build_heatmap(*snap, config::WidgetSpec{}, kNow);
    ASSERT_EQ(data.rows.size(), 3u);
    EXPECT_EQ(data.municipalities, 2u);
    EXPECT_TRUE(model::is_region_wide(data.rows.back().municipality));
    EXPECT_EQ(data.rows.back().raw_total, 2u);
    std::uint32_t total = 0;
    for (const HeatmapRow& r : data.rows) total += r.raw_total;
    EXPECT_EQ(total, snap->aggregates.open);
}

TEST(RegionWide, HeatmapHasNoSuchRowWhenEveryIncidentHasAMunicipality) {
    const auto snap = snapshot_with(0);
    const HeatmapData data = build_heatmap(*snap, config::WidgetSpec{}, kNow);
    EXPECT_EQ(data.rows.size(), 2u);
}

TEST(RegionWide, MapPointsAndBadgeAddUpToTheShownIncidents) {
    const auto snap = snapshot_with(4);
    const Projection projection =
        Projection::fit(GeoBounds{56.0, 58.0, 52.0, 54.0}, Rect{0, 0, 800, 600}, 10.0f);
    const MapPointSet set = project_points(snap->incidents, config::WidgetSpec{}, projection);
    EXPECT_EQ(set.points.size(), 6u);
    EXPECT_EQ(set.region_wide_unplaced, 4u);
    EXPECT_EQ(set.points.size() + set.region_wide_unplaced, snap->aggregates.open);
}

TEST(RegionWide, PublicMapCountsAndBadgeAddUpToTheOpenTotal) {
    const auto snap = snapshot_with(5);
    config::WidgetSpec spec;
    spec.public_mode = true;
    const auto counts = public_counts(*snap, spec);
    const std::uint32_t discs = std::accumulate(counts.begin(), counts.end(), 0u);
    EXPECT_EQ(discs, 6u);
    EXPECT_EQ(public_region_wide_count(*snap, spec), 5u);
    EXPECT_EQ(discs + public_region_wide_count(*snap, spec), snap->aggregates.open);
}

TEST(RegionWide, PublicMapBadgeHidesCountsTooSmallToPublish) {
    const auto snap = snapshot_with(kPublicMinCount - 1);
    config::WidgetSpec spec;
    spec.public_mode = true;
    EXPECT_EQ(public_region_wide_count(*snap, spec), 0u);
}

}  // namespace
}  // namespace tsur::display
