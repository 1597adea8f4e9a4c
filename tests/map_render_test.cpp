// The map widget rendered to pixels: incidents appear at their projected places in their sector
// colour, the sea around the region stays panel-coloured, and counted bins sit inside the outline.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <random>

#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/map/incident_layer.hpp"
#include "display/map/map_overlays.hpp"
#include "display/map/map_points.hpp"
#include "display/map/map_public.hpp"
#include "display/map/map_widget.hpp"
#include "display/text.hpp"
#include "model/geojson_loader.hpp"
#include "model/sla_rules.hpp"
#include "model/polygon_measure.hpp"
#include "support/paths.hpp"
#include "support/test_fonts.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

Assets udmurtia_assets() {
    Assets a;
    a.region = std::make_shared<const model::Region>(test::udmurtia_region());
    const std::string text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
    auto geo = model::parse_region_geometry(text, "outline.geojson");
    EXPECT_TRUE(geo.ok()) << geo.error();
    a.geometry = std::make_shared<const model::RegionGeometry>(geo.take());
    return a;
}

model::Incident incident(int n, model::Sector sector, model::GeoPoint at) {
    model::Incident inc;
    inc.id = "UD-" + std::to_string(n);
    inc.sector = sector;
    inc.location = at;
    inc.status = model::Status::in_progress;
    inc.created_at = kNow - std::chrono::hours(2);
    inc.feed_due_at = kNow + std::chrono::hours(20);
    return inc;
}

/// A snapshot whose region has one municipality far off the map: no names are drawn, so the
/// incident layer is seen unobstructed (the map draws the geometry from the assets).
model::SnapshotPtr snapshot_of(std::vector<model::Incident> incidents) {
    auto region = std::make_shared<model::Region>();
    model::Municipality far;
    far.id = "far";
    far.name_ru = "Далеко";
    far.centre = model::GeoPoint{0, 0};
    region->municipalities.push_back(far);
    model::FeedDocument doc;
    doc.as_of = kNow;
    doc.incidents = std::move(incidents);
    return model::build_snapshot(std::move(doc), region, model::SlaRules::defaults());
}

bool on_land(const model::RegionGeometry& g, model::GeoPoint p) {
    return model::contains(g.outline.at(0).polygons.at(0), p);
}

struct Rendered {
    Image image;
    MapLayout layout;
    std::vector<Rect> bin_boxes;
};

/// Renders the map widget alone, filling the frame; also returns its layout and the boxes of
/// the bins it drew (computed on a scratch draw list with the same inputs).
Rendered render(const model::Snapshot* snap, const config::WidgetSpec& spec, const Assets& assets) {
    HeadlessTarget target(kWidth, kHeight);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(kHeight));
    Rendered out;
    for (int frame = 0; frame < 2; ++frame) {
        session.begin_frame(kWidth, kHeight, 1.0f / 60.0f);
        FrameContext ctx;
        ctx.draw = ImGui::GetBackgroundDrawList();
        ctx.rect = Rect{0, 0, static_cast<float>(kWidth), static_cast<float>(kHeight)};
        ctx.theme = &dark_theme();
        ctx.fonts = &session.fonts();
        ctx.strings = &strings_for(Language::ru);
        ctx.assets = &assets;
        ctx.now = kNow;
        draw_map(snap, spec, ctx);
        ImDrawList scratch(ImGui::GetDrawListSharedData());
        scratch._ResetForNewFrame();
        scratch.PushClipRectFullScreen();
        scratch.PushTextureID(ImGui::GetIO().Fonts->TexID);
        FrameContext probe = ctx;
        probe.draw = &scratch;
        const Rect content = draw_panel(probe, strings_for(Language::ru).title_map);
        out.layout = map_layout(snap, spec, probe, content);
        out.bin_boxes.clear();
        const auto points = collect_points(snap->incidents, spec, out.layout.projection, kNow);
        draw_incidents(probe, points.points, out.layout.map, map_style(probe), &out.bin_boxes);
        session.end_frame(dark_theme().background);
    }
    out.image = target.capture();
    return out;
}

bool near(const Image& img, ImVec2 at, ImU32 colour, int tolerance) {
    const Image::Pixel p = img.at(static_cast<int>(at.x), static_cast<int>(at.y));
    return std::abs(p.r - static_cast<int>(colour & 0xFF)) <= tolerance &&
           std::abs(p.g - static_cast<int>((colour >> 8) & 0xFF)) <= tolerance &&
           std::abs(p.b - static_cast<int>((colour >> 16) & 0xFF)) <= tolerance;
}

TEST(MapRender, IncidentsAppearAtTheirPlacesInTheirSectorColour) {
    const Assets assets = udmurtia_assets();
    // Spread out across the region, away from municipality centres and their labels.
    const std::vector<std::pair<model::Sector, model::GeoPoint>> places = {
        {model::Sector::roads, {57.45, 52.60}},     {model::Sector::housing, {56.60, 52.80}},
        {model::Sector::waste, {57.75, 53.35}},     {model::Sector::healthcare, {56.25, 53.10}},
        {model::Sector::education, {57.10, 52.70}}, {model::Sector::energy, {56.75, 51.80}},
    };
    std::vector<model::Incident> incidents;
    for (std::size_t i = 0; i < places.size(); ++i) {
        ASSERT_TRUE(on_land(*assets.geometry, places[i].second));
        incidents.push_back(incident(static_cast<int>(i), places[i].first, places[i].second));
    }
    const auto snap = snapshot_of(incidents);
    config::WidgetSpec spec;
    spec.inset = false;
    const Rendered r = render(snap.get(), spec, assets);
    EXPECT_TRUE(r.bin_boxes.empty()) << "six incidents are dots, not bins";
    for (const auto& [sector, at] : places) {
        const ImVec2 s = r.layout.projection.forward(at);
        ASSERT_TRUE(r.layout.map.contains(s.x, s.y));
        EXPECT_TRUE(near(r.image, s, dark_theme().sector[model::index_of(sector)], 6))
            << model::id_of(sector) << " at " << s.x << "," << s.y;
    }
}

TEST(MapRender, OutsideTheOutlineIsPanelNotLand) {
    const Assets assets = udmurtia_assets();
    const auto snap = snapshot_of({});
    config::WidgetSpec spec;
    spec.inset = false;
    const Rendered r = render(snap.get(), spec, assets);
    // Kazan (Tatarstan) projects into the map's rectangle but is not in Udmurtia. Its position
    // is clear of the legend; the inside check uses Izhevsk's surroundings, without labels.
    int checked = 0;
    for (const model::GeoPoint p : {model::GeoPoint{58.40, 54.20}, model::GeoPoint{55.95, 51.30},
                                    model::GeoPoint{58.45, 51.30}}) {
        const ImVec2 s = r.layout.projection.forward(p);
        if (!r.layout.map.contains(s.x, s.y) || r.layout.legend.contains(s.x, s.y)) continue;
        ASSERT_FALSE(on_land(*assets.geometry, p));
        EXPECT_TRUE(near(r.image, s, dark_theme().panel, 3)) << p.lat << "," << p.lon;
        EXPECT_FALSE(near(r.image, s, dark_theme().land, 3));
        ++checked;
    }
    EXPECT_GE(checked, 2);
    const ImVec2 land = r.layout.projection.forward({57.60, 52.00});
    EXPECT_TRUE(near(r.image, land, dark_theme().land, 3)) << "a plain spot on land";
}

TEST(MapRender, DenseIncidentsBecomeBinsInsideTheOutline) {
    const Assets assets = udmurtia_assets();
    const model::RegionGeometry& g = *assets.geometry;
    std::mt19937 rng(5);
    std::normal_distribution<double> jitter(0.0, 0.08);
    std::vector<model::Incident> incidents;
    const auto& munis = assets.region->municipalities;
    for (int i = 0; incidents.size() < 20000; ++i) {
        const model::GeoPoint c = munis[static_cast<std::size_t>(i) % munis.size()].centre;
        const model::GeoPoint p{c.lat + jitter(rng), c.lon + jitter(rng) * 1.8};
        if (!on_land(g, p)) continue;
        incidents.push_back(incident(i, static_cast<model::Sector>(i % 9), p));
    }
    const auto snap = snapshot_of(std::move(incidents));
    config::WidgetSpec spec;
    spec.inset = false;
    const Rendered r = render(snap.get(), spec, assets);
    ASSERT_FALSE(r.bin_boxes.empty()) << "20,000 incidents must be aggregated";
    for (const Rect& box : r.bin_boxes) {
        const ImVec2 c(box.x + box.w * 0.5f, box.y + box.h * 0.5f);
        EXPECT_TRUE(on_land(g, r.layout.projection.inverse(c))) << "bin at " << c.x << "," << c.y;
        // The bin covers its centre: neither bare land nor the panel shows there.
        EXPECT_FALSE(near(r.image, c, dark_theme().land, 2)) << c.x << "," << c.y;
        EXPECT_FALSE(near(r.image, c, dark_theme().panel, 2)) << c.x << "," << c.y;
    }
    // Counts never cover each other: bins that would touch on screen are merged.
    for (std::size_t i = 0; i < r.bin_boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < r.bin_boxes.size(); ++j) {
            const Rect& a = r.bin_boxes[i];
            const Rect& b = r.bin_boxes[j];
            const float dx = (a.x + a.w * 0.5f) - (b.x + b.w * 0.5f);
            const float dy = (a.y + a.h * 0.5f) - (b.y + b.h * 0.5f);
            EXPECT_GE(std::sqrt(dx * dx + dy * dy), (a.w + b.w) * 0.5f)
                << "discs " << i << " and " << j << " overlap";
        }
    }
}

TEST(MapRender, SectorFilterHidesOtherSectors) {
    const Assets assets = udmurtia_assets();
    const model::GeoPoint at{57.45, 52.60};
    const auto snap = snapshot_of({incident(1, model::Sector::roads, at)});
    config::WidgetSpec spec;
    spec.inset = false;
    spec.sectors = {model::Sector::housing};
    const Rendered r = render(snap.get(), spec, assets);
    const ImVec2 s = r.layout.projection.forward(at);
    EXPECT_TRUE(near(r.image, s, dark_theme().land, 3)) << "a roads incident on a housing map";
}

TEST(MapRender, PublicMapShowsNoIncidentPositions) {
    const Assets assets = udmurtia_assets();
    std::vector<model::Incident> many;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(56.6, 57.6), lon(52.4, 53.8);
    for (int i = 0; i < 40; ++i) {
        many.push_back(incident(i, model::Sector::roads, model::GeoPoint{lat(rng), lon(rng)}));
    }
    const auto with = snapshot_of(many);
    const auto without = snapshot_of({});
    config::WidgetSpec spec;
    spec.public_mode = true;
    // Every incident sits in the one municipality, whose centre is off the map: a public map
    // that drew anything from the incidents' own coordinates would differ from the empty one.
    EXPECT_EQ(render(with.get(), spec, assets).image.rgba,
              render(without.get(), spec, assets).image.rgba);
    spec.public_mode = false;
    EXPECT_NE(render(with.get(), spec, assets).image.rgba,
              render(without.get(), spec, assets).image.rgba)
        << "control: the staff map does draw them";
}

TEST(MapRender, PublicCountsHideSmallNumbers) {
    std::vector<model::Incident> four, five;
    for (int i = 0; i < 5; ++i) {
        const auto inc = incident(i, model::Sector::roads, model::GeoPoint{57, 53});
        if (i < 4) four.push_back(inc);
        five.push_back(inc);
    }
    const config::WidgetSpec spec;
    EXPECT_EQ(public_counts(*snapshot_of(four), spec).at(0), 0u) << "4 could point at a household";
    EXPECT_EQ(public_counts(*snapshot_of(five), spec).at(0), kPublicMinCount);
}

TEST(MapRender, LegendLeavesTheCreditFree) {
    const Assets assets = udmurtia_assets();
    HeadlessTarget target(kWidth, kHeight);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(kHeight));
    session.begin_frame(kWidth, kHeight, 1.0f / 60.0f);
    // Narrow and wide map cells: the bottom strip and the side column.
    for (const float w : {600.0f, 900.0f, 1900.0f}) {
        FrameContext ctx;
        ctx.draw = ImGui::GetBackgroundDrawList();
        ctx.rect = Rect{0, 0, w, 1000};
        ctx.theme = &dark_theme();
        ctx.fonts = &session.fonts();
        ctx.strings = &strings_for(Language::ru);
        ctx.assets = &assets;
        ctx.now = kNow;
        const Rect content = draw_panel(ctx, ctx.strings->title_map);
        const MapLayout layout = map_layout(nullptr, config::WidgetSpec{}, ctx, content);
        EXPECT_FALSE(layout.legend.overlaps(attribution_box(ctx, content, layout.legend)))
            << "legend over the credit at width " << w;
    }
    session.end_frame(dark_theme().background);
}

}  // namespace
}  // namespace tsur::display
