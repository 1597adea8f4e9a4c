// Heatmap numbers: window choice, per-10,000 rates with missing populations, row order, trimming,
// and the colour-scale position.
#include <gtest/gtest.h>

#include "display/heatmap_data.hpp"

namespace tsur::display {
namespace {

model::Snapshot snapshot_with(std::vector<std::optional<std::int64_t>> populations,
                              std::vector<model::SectorCounts> open) {
    auto region = std::make_shared<model::Region>();
    const char* names[] = {"Ижевск", "Алнашский район", "Глазов", "Воткинск"};
    for (std::size_t i = 0; i < populations.size(); ++i) {
        model::Municipality m;
        m.id = "m" + std::to_string(i);
        m.name_ru = names[i];
        m.population = populations[i];
        region->municipalities.push_back(m);
    }
    model::Snapshot snap;
    snap.region = region;
    snap.aggregates.open_by_muni_sector = open;
    snap.aggregates.today_by_muni_sector.assign(open.size(), model::SectorCounts{});
    snap.aggregates.today_by_muni_sector[0][0] = 7;
    return snap;
}

constexpr std::size_t kRoads = model::index_of(model::Sector::roads);

TEST(HeatmapData, RawCountsOrderedByTotal) {
    model::SectorCounts a{}, b{}, c{};
    a[kRoads] = 2;
    b[kRoads] = 9;
    b[0] = 1;
    c[0] = 5;
    const auto snap = snapshot_with({100000, 20000, 90000}, {a, b, c});
    const HeatmapData d = build_heatmap(snap, config::WidgetSpec{}, snap.as_of);
    ASSERT_EQ(d.rows.size(), 3u);
    EXPECT_EQ(d.rows[0].municipality, 1);
    EXPECT_EQ(*d.rows[0].total, 10.0);
    EXPECT_EQ(d.rows[1].municipality, 2);
    EXPECT_EQ(d.max_value, 9.0);
    EXPECT_EQ(d.population_missing, 0u);
}

TEST(HeatmapData, WindowSelectsTheMatrix) {
    model::SectorCounts a{};
    a[kRoads] = 3;
    const auto snap = snapshot_with({1000, 1000}, {a, a});
    config::WidgetSpec spec;
    spec.window = config::Window::today;
    const HeatmapData d = build_heatmap(snap, spec, snap.as_of);
    EXPECT_EQ(d.max_value, 7.0);
    EXPECT_EQ(*d.rows[0].values[0], 7.0);
}

TEST(HeatmapData, PerCapitaPer10000AndNeverGuessesMissingPopulation) {
    model::SectorCounts a{}, b{};
    a[kRoads] = 50;  // 50 per 200,000 -> 2.5 per 10,000
    b[kRoads] = 4;   // population unknown
    const auto snap = snapshot_with({200000, std::nullopt}, {a, b});
    config::WidgetSpec spec;
    spec.per_capita = true;
    const HeatmapData d = build_heatmap(snap, spec, snap.as_of);
    EXPECT_EQ(d.population_missing, 1u) << "one of two municipalities has no figure";
    EXPECT_EQ(d.municipalities, 2u);
    ASSERT_EQ(d.rows.size(), 2u);
    EXPECT_EQ(d.rows[0].municipality, 0);
    EXPECT_DOUBLE_EQ(*d.rows[0].values[kRoads], 2.5);
    EXPECT_FALSE(d.rows[1].values[kRoads].has_value());
    EXPECT_FALSE(d.rows[1].total.has_value());
    EXPECT_DOUBLE_EQ(d.max_value, 2.5);
}

TEST(HeatmapData, SectorFilterHidesColumnsAndTheirCounts) {
    model::SectorCounts a{};
    a[kRoads] = 3;
    a[0] = 10;
    const auto snap = snapshot_with({1000}, {a});
    config::WidgetSpec spec;
    spec.sectors = {model::Sector::roads};
    const HeatmapData d = build_heatmap(snap, spec, snap.as_of);
    EXPECT_FALSE(d.sector_shown[0]);
    EXPECT_TRUE(d.sector_shown[kRoads]);
    EXPECT_EQ(d.rows[0].raw_total, 3u);
    EXPECT_EQ(d.max_value, 3.0);
}

TEST(HeatmapData, ByNameOrdersAlphabetically) {
    model::SectorCounts a{}, b{}, c{}, e{};
    a[0] = 9;
    const auto snap = snapshot_with({1, 1, 1, 1}, {a, b, c, e});
    config::WidgetSpec spec;
    spec.row_order = config::RowOrder::by_name;
    const HeatmapData d = build_heatmap(snap, spec, snap.as_of);
    EXPECT_EQ(d.rows[0].municipality, 1);  // Алнашский
    EXPECT_EQ(d.rows[1].municipality, 3);  // Воткинск
    EXPECT_EQ(d.rows[2].municipality, 2);  // Глазов
    EXPECT_EQ(d.rows[3].municipality, 0);  // Ижевск
}

TEST(HeatmapData, PagesShowEveryRowInTurn) {
    model::SectorCounts a{}, b{}, c{}, e{};
    a[0] = 1;
    b[0] = 8;
    c[0] = 5;
    e[0] = 3;
    const auto snap = snapshot_with({1, 1, 1, 1}, {a, b, c, e});
    config::WidgetSpec spec;
    spec.row_order = config::RowOrder::by_name;
    const HeatmapData all = build_heatmap(snap, spec, snap.as_of);
    ASSERT_EQ(heatmap_pages(all, 3), 2u);
    EXPECT_EQ(heatmap_pages(all, 4), 1u);
    EXPECT_EQ(heatmap_pages(all, 0), 0u) << "no room: no page";
    std::vector<model::MunicipalityIndex> seen;
    for (std::size_t page = 0; page < 2; ++page) {
        HeatmapData d = all;
        keep_heatmap_page(d, 3, page);
        for (const HeatmapRow& r : d.rows) seen.push_back(r.municipality);
    }
    ASSERT_EQ(seen.size(), all.rows.size()) << "every row on some page, none twice";
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], all.rows[i].municipality);
}

TEST(HeatmapData, ScalePositionIsOneAtTheMaximum) {
    EXPECT_FLOAT_EQ(heat_position(40.0, 40.0), 1.0f);
    EXPECT_FLOAT_EQ(heat_position(0.0, 40.0), 0.0f);
    EXPECT_FLOAT_EQ(heat_position(10.0, 40.0), 0.5f);
    EXPECT_DOUBLE_EQ(heat_value_at(0.5f, 40.0), 10.0);
    EXPECT_LT(heat_position(5.0, 40.0), heat_position(6.0, 40.0));
}

}  // namespace
}  // namespace tsur::display
