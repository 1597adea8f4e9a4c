// The municipality tile view: where tiles go (one per place, never two in a cell, the region's
// shape kept), what check-layout says of a cell too small for them, and the briefing-tiles
// layout drawn as the wall draws it: counts that add up, a clean scene report, "<5" in public.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "app/wall_assets.hpp"
#include "config/layout_parser.hpp"
#include "demo/demo_simulator.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/legibility.hpp"
#include "display/strings.hpp"
#include "display/tile_grid.hpp"
#include "model/sla_rules.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/scene_checks.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using display::TileCell;

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

/// The index of the municipality whose centre is furthest in a direction (by `key`, largest).
template <typename Key>
std::size_t extreme(const model::Region& r, Key key) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < r.municipalities.size(); ++i) {
        if (key(r.municipalities[i].centre) > key(r.municipalities[best].centre)) best = i;
    }
    return best;
}

const model::Municipality& named(const model::Region& r, const std::string& name) {
    const auto it = std::find_if(r.municipalities.begin(), r.municipalities.end(),
                                 [&](const model::Municipality& m) { return m.name_ru == name; });
    if (it == r.municipalities.end()) throw std::runtime_error("no " + name);
    return *it;
}

model::MunicipalityIndex index_of(const model::Region& r, const std::string& name) {
    return static_cast<model::MunicipalityIndex>(&named(r, name) - r.municipalities.data());
}

TileCell cell_of(const model::Region& r, const std::vector<TileCell>& cells,
                 const std::string& name) {
    return cells[index_of(r, name)];
}

config::Layout briefing_tiles() {
    const auto path = test::source_dir() / "layouts" / "briefing-tiles.json";
    auto parsed =
        config::parse_layout(test::read_file(path), path.string(), app::widget_type_names());
    if (!parsed) throw std::runtime_error(parsed.error());
    return parsed.take();
}

TEST(TileGrid, PlacementIsAPureFunctionOfTheRegionAndTheGrid) {
    const model::Region ud = test::udmurtia_region();
    const model::Region copy = ud;
    const auto first = display::place_tiles(ud, 6, 6);
    EXPECT_EQ(first, display::place_tiles(ud, 6, 6));
    EXPECT_EQ(first, display::place_tiles(copy, 6, 6)) << "the same region elsewhere in memory";
}

TEST(TileGrid, EveryPackGetsOneCellPerTileAndNoCellTwice) {
    const display::TileMetrics m = display::TileMetrics::for_em(54);
    const display::Rect area{0, 0, 2236, 1262};  // briefing-tiles at 4K
    for (const std::string& code : test::shipped_region_codes()) {
        const model::Region region = test::region_pack(code);
        EXPECT_LE(display::tile_count(region), display::kLargestPackTiles)
            << code << ": check-layout plans for the largest pack";
        const auto shape = display::tile_shape(display::tile_count(region), area, m);
        ASSERT_TRUE(shape) << code;
        const auto cells = display::place_tiles(region, shape->cols, shape->rows);
        ASSERT_EQ(cells.size(), region.municipalities.size() + 1) << code;
        std::set<std::pair<int, int>> taken;
        for (const TileCell& c : cells) {
            EXPECT_TRUE(c.col >= 0 && c.col < shape->cols && c.row >= 0 && c.row < shape->rows)
                << code << ": cell " << c.col << "," << c.row;
            EXPECT_TRUE(taken.insert({c.col, c.row}).second)
                << code << ": two tiles in cell " << c.col << "," << c.row;
        }
        // Tiles drawn where their cells are never overlap and stay inside the area.
        for (std::size_t a = 0; a < cells.size(); ++a) {
            const display::Rect ra = display::tile_rect(area, *shape, m, cells[a]);
            EXPECT_TRUE(ra.x >= area.x && ra.right() <= area.right() + 0.01f && ra.y >= area.y &&
                        ra.bottom() <= area.bottom() + 0.01f)
                << code << ": tile " << a << " leaves the area";
            for (std::size_t b = a + 1; b < cells.size(); ++b) {
                EXPECT_FALSE(ra.overlaps(display::tile_rect(area, *shape, m, cells[b])))
                    << code << ": tiles " << a << " and " << b;
            }
        }
    }
}

TEST(TileGrid, UdmurtiaKeepsItsShape) {
    const model::Region ud = test::udmurtia_region();
    for (const auto& [cols, rows] : {std::pair{6, 6}, {7, 6}, {6, 7}, {8, 5}}) {
        const auto cells = display::place_tiles(ud, cols, rows);
        const auto at = [&](std::size_t i) { return cells[i]; };
        const std::string grid = std::to_string(cols) + "x" + std::to_string(rows);
        EXPECT_EQ(at(extreme(ud, [](model::GeoPoint p) { return p.lat; })).row, 0) << grid;
        EXPECT_EQ(at(extreme(ud, [](model::GeoPoint p) { return -p.lat; })).row, rows - 1) << grid;
        EXPECT_EQ(at(extreme(ud, [](model::GeoPoint p) { return -p.lon; })).col, 0) << grid;
        EXPECT_EQ(at(extreme(ud, [](model::GeoPoint p) { return p.lon; })).col, cols - 1) << grid;
        // Glazov and Kez in the north, Sarapul and Kambarka in the south-east quarter, no higher
        // than Izhevsk; Kez east of Glazov.
        const TileCell izhevsk = cell_of(ud, cells, "Ижевск");
        for (const char* north : {"Глазов", "Кезский район"}) {
            EXPECT_LE(cell_of(ud, cells, north).row, 1) << grid << " " << north;
        }
        for (const char* south : {"Сарапул", "Камбарский район"}) {
            EXPECT_GE(cell_of(ud, cells, south).row, std::max(rows / 2, izhevsk.row))
                << grid << " " << south;
            EXPECT_GE(cell_of(ud, cells, south).col, cols / 2) << grid << " " << south;
        }
        EXPECT_GT(cell_of(ud, cells, "Кезский район").col, cell_of(ud, cells, "Глазов").col)
            << grid;
    }
}

TEST(TileGrid, CheckLayoutRefusesATilesCellThatCannotHoldLegibleTiles) {
    config::Layout layout = briefing_tiles();
    EXPECT_TRUE(display::undrawable_problems(layout).empty()) << "as shipped, 4.5 m";
    layout.wall.viewing_distance_m = 6;
    const auto problems = display::undrawable_problems(layout);
    ASSERT_EQ(problems.size(), 1u) << "only the tiles cell: the others still hold a line";
    EXPECT_NE(problems[0].find("(tiles)"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("41 tiles"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("6.0 m"), std::string::npos) << problems[0];
}

/// The briefing-tiles layout drawn at `width` x `height` through compose_frame, as the wall does.
struct Drawn {
    display::SceneReport scene;
    display::GlyphTally glyphs;
};

Drawn draw(config::Layout layout, const app::WallAssets& assets, model::SnapshotPtr snap, int width,
           int height, display::Language language) {
    layout.wall.panel_width_px = width;
    layout.wall.panel_height_px = height;
    auto plan = app::plan_frame(layout, false, width, height, std::nullopt);
    if (!plan) throw std::runtime_error(plan.error());
    display::HeadlessTarget target(width, height);
    display::ImGuiSession session(target.raster(), assets.fonts, plan.value().type);
    app::FrameState state;
    state.layout = &layout;
    state.plan = &plan.value();
    state.now = state.playlist_now = kNow;
    state.strings = &display::strings_for(language);
    state.assets = &assets.assets;
    state.snapshot = std::move(snap);
    state.live_status.has_data = true;
    Drawn out;
    auto composed = app::compose_frame(state);
    if (!composed) throw std::runtime_error(composed.error());
    app::draw_composed_frame(session, composed.value(), plan.value(), 1.0f / 60.0f, nullptr,
                             &out.glyphs, &out.scene);
    return out;
}

std::size_t open_of(const model::Snapshot& snap) {
    return static_cast<std::size_t>(
        std::count_if(snap.incidents.begin(), snap.incidents.end(),
                      [](const model::Incident& i) { return model::is_open(i.status); }));
}

std::vector<const display::SceneItem*> tile_counts(const display::SceneReport& scene) {
    std::vector<const display::SceneItem*> out;
    for (const display::SceneItem& it : scene.items()) {
        if (scene.widgets()[it.widget].name == "tiles" && it.kind == display::SceneKind::count) {
            out.push_back(&it);
        }
    }
    return out;
}

TEST(TilesWidget, CountsAddUpAndNothingOverlapsInUdmurtiaAndTatarstan) {
    for (const char* code : {"RU-UD", "RU-TA"}) {
        auto loaded = app::load_wall_assets(test::source_dir(), code);
        ASSERT_TRUE(loaded) << loaded.error();
        const app::WallAssets assets = loaded.take();
        net::SimulatorOptions options;
        options.seed = 3;
        options.boundary = net::outer_rings(*assets.assets.geometry);
        auto snap =
            model::build_snapshot(net::DemoSimulator(assets.assets.region, options).generate(kNow),
                                  assets.assets.region, *assets.rules);
        const std::size_t places = assets.assets.region->municipalities.size();
        for (const auto& [w, h, lang] :
             {std::tuple{3840, 2160, display::Language::ru}, {1920, 1080, display::Language::en}}) {
            const std::string label = std::string(code) + " " + std::to_string(w);
            const Drawn d = draw(briefing_tiles(), assets, snap, w, h, lang);
            const test::SceneFindings found = test::check_scene(d.scene);
            EXPECT_TRUE(found.problems.empty()) << label << ": " << found.problems.front();
            EXPECT_EQ(test::incidents_drawn(d.scene, "tiles", 0), open_of(*snap)) << label;
            EXPECT_GE(tile_counts(d.scene).size(), places) << label << ": one count per place";
            EXPECT_EQ(d.glyphs.missing, 0u) << label;
        }
    }
}

model::Incident open_incident(int n, model::MunicipalityIndex m) {
    model::Incident inc;
    inc.id = "T-" + std::to_string(n);
    inc.municipality = m;
    inc.sector = model::Sector::roads;
    inc.status = model::Status::in_progress;
    inc.created_at = kNow - std::chrono::hours(2);
    inc.feed_due_at = kNow + std::chrono::hours(20);
    return inc;
}

TEST(TilesWidget, PublicTilesWriteLessThanFiveAndTheRegionWideTileAppears) {
    auto loaded = app::load_wall_assets(test::source_dir(), "RU-UD");
    ASSERT_TRUE(loaded) << loaded.error();
    const app::WallAssets assets = loaded.take();
    const model::Region& ud = *assets.assets.region;
    const model::MunicipalityIndex glazov = index_of(ud, "Глазов");
    const model::MunicipalityIndex kez = index_of(ud, "Кезский район");
    model::FeedDocument doc;
    doc.as_of = kNow;
    int n = 0;
    for (int i = 0; i < 3; ++i) doc.incidents.push_back(open_incident(n++, glazov));
    for (int i = 0; i < 7; ++i) doc.incidents.push_back(open_incident(n++, kez));
    for (int i = 0; i < 2; ++i) doc.incidents.push_back(open_incident(n++, model::kRegionWide));
    const auto snap = model::build_snapshot(std::move(doc), assets.assets.region, *assets.rules);

    config::Layout layout = briefing_tiles();
    const auto tiles_value = [](const Drawn& d, const std::string& text) {
        std::vector<std::uint64_t> values;
        for (const display::SceneItem* c : tile_counts(d.scene)) {
            if (c->text == text) values.push_back(c->value);
        }
        return values;
    };
    const Drawn plain = draw(layout, assets, snap, 3840, 2160, display::Language::ru);
    EXPECT_EQ(test::incidents_drawn(plain.scene, "tiles", 0), 12u);
    EXPECT_EQ(tiles_value(plain, "3").size(), 1u) << "Glazov's 3";
    EXPECT_EQ(tiles_value(plain, "2").size(), 1u) << "the whole region's 2, a tile of its own";
    const display::Strings& ru = display::strings_for(display::Language::ru);
    const bool labelled = std::any_of(
        plain.scene.items().begin(), plain.scene.items().end(), [&](const display::SceneItem& it) {
            return it.text == ru.region_wide || it.text == ru.region_wide_badge;
        });
    EXPECT_TRUE(labelled) << "the whole-region tile is named as the board names it";

    for (config::Screen& s : layout.screens) {
        for (config::Cell& c : s.cells) c.widget.public_mode = c.widget.type == "tiles";
    }
    const Drawn pub = draw(layout, assets, snap, 3840, 2160, display::Language::ru);
    EXPECT_TRUE(tiles_value(pub, "3").empty()) << "a public tile never shows a count below 5";
    EXPECT_TRUE(tiles_value(pub, "2").empty());
    EXPECT_EQ(tiles_value(pub, "<5").size(), 2u) << "Glazov and the whole region";
    EXPECT_EQ(tiles_value(pub, "7").size(), 1u) << "Kez's 7 is shown";
    EXPECT_TRUE(test::check_scene(pub.scene).problems.empty());
}

}  // namespace
}  // namespace tsur
