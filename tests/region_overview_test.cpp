// The built-in overview of every shipped region at 1920x1080 with that region's demo feed, drawn
// headless through compose_frame (as the wall draws it): no crash, a picture, the outline filling
// the map, the capital labelled, and its scene report clean (no count covered, no texts over each
// other or out of their widget, the map's counts adding up, no '?'). Each
// check is one entry of kChecks, so a further per-region check is one more function there.
// Under AddressSanitizer (the lead's sanitizer stage) a representative set of regions is drawn
// unless TSUR_RENDER_MATRIX=full; the normal build draws all of them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/wall_assets.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/map/label_placement.hpp"
#include "display/map/map_widget.hpp"
#include "display/name_abbreviations.hpp"
#include "display/overview_layout.hpp"
#include "display/screen_grid.hpp"
#include "display/strings.hpp"
#include "display/text.hpp"
#include "display/theme.hpp"
#include "support/demo_snapshot.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/scene_checks.hpp"
#include "support/time_literal.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define TSUR_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TSUR_TEST_ASAN 1
#endif
#endif

namespace tsur {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");
constexpr int kWidth = 1920, kHeight = 1080;

/// The regions the issue names as hard cases: the sanitizer build draws these.
const std::vector<std::string> kRepresentative = {"RU-CHU", "RU-KGD", "RU-SA", "RU-MOW", "RU-SPE",
                                                  "RU-ARK", "RU-TA",  "RU-UD", "RU-KHA", "RU-KAM"};

std::vector<std::string> regions_to_draw() {
    const char* v = std::getenv("TSUR_RENDER_MATRIX");
    const bool full = v != nullptr && std::string(v) == "full";
#ifdef TSUR_TEST_ASAN
    if (!full) return kRepresentative;
#else
    (void)full;
#endif
    return test::shipped_region_codes();
}

/// What one region's drawing left for the checks to look at.
struct RegionCase {
    std::string code;
    const app::WallAssets* assets = nullptr;
    const model::Snapshot* snapshot = nullptr;
    const display::Image* picture = nullptr;
    display::FrameContext ctx;  ///< as the frame builder set it for the map cell
    config::WidgetSpec map_spec;
    display::Rect content;  ///< the map panel's content (below its title)
    const display::SceneReport* scene = nullptr;
    const display::GlyphTally* glyphs = nullptr;
};

void draws_a_picture(const RegionCase& c) {
    EXPECT_GT(test::non_background_pixels(*c.picture), 10000u) << "blank";
}

void outline_fills_the_map(const RegionCase& c) {
    const display::MapLayout layout = display::map_layout(c.snapshot, c.map_spec, c.ctx, c.content);
    float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
    for (const auto& f : c.assets->assets.geometry->outline) {
        for (const auto& poly : f.polygons) {
            for (const auto& q : poly.points) {
                const ImVec2 s = layout.projection.forward(q);
                x0 = std::min(x0, s.x), x1 = std::max(x1, s.x);
                y0 = std::min(y0, s.y), y1 = std::max(y1, s.y);
            }
        }
    }
    constexpr float kSlack = 0.5f;  // float rounding at the fitted edges
    const display::Rect& m = layout.map;
    EXPECT_GE(x0, m.x - kSlack);
    EXPECT_LE(x1, m.right() + kSlack);
    EXPECT_GE(y0, m.y - kSlack);
    EXPECT_LE(y1, m.bottom() + kSlack);
    EXPECT_TRUE(x1 - x0 >= 0.8f * m.w || y1 - y0 >= 0.8f * m.h)
        << "outline " << x1 - x0 << "x" << y1 - y0 << " in a map of " << m.w << "x" << m.h;
}

void capital_is_labelled(const RegionCase& c) {
    const model::Region& region = *c.assets->assets.region;
    const display::MapLayout layout = display::map_layout(c.snapshot, c.map_spec, c.ctx, c.content);
    const auto order = display::label_order(region);
    ASSERT_FALSE(order.empty());
    EXPECT_EQ(order.front(), region.capital) << "the capital is labelled first";
    // draw_municipality_labels labels every place whose centre lies in the map; the capital's
    // request is required, so place_labels always finds it a spot.
    const ImVec2 at = layout.projection.forward(region.municipalities[region.capital].centre);
    EXPECT_TRUE(layout.map.contains(at.x, at.y)) << "capital at " << at.x << "," << at.y;
    const display::LabelRequest capital{at, ImVec2(120, 30), 6, true};
    const auto placed = display::place_labels(std::span(&capital, 1), {}, layout.map);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_TRUE(placed[0].rect.x >= layout.map.x && placed[0].rect.right() <= layout.map.right());
}

void scene_is_clean(const RegionCase& c) {
    const test::SceneFindings found = test::check_scene(*c.scene);
    EXPECT_TRUE(found.problems.empty())
        << found.problems.size() << " problems, first: " << found.problems[0];
    std::uint64_t open = 0;
    for (const model::Incident& i : c.snapshot->incidents) open += model::is_open(i.status) ? 1 : 0;
    EXPECT_EQ(test::map_incidents_drawn(*c.scene, 0), open)
        << "the map's counts, dots and \"+N\" vs the open incidents";
    EXPECT_EQ(c.glyphs->missing, 0u)
        << "'?' for U+" << std::hex << static_cast<std::uint32_t>(c.glyphs->first);
    const std::string& capital =
        c.assets->assets.region->municipalities[c.assets->assets.region->capital].name_ru;
    // Named in full or in one of the forms the display's abbreviation rule makes of it
    // ("Велик. Новгород").
    std::vector<std::string> forms = display::name_abbreviations(
        capital, c.ctx.strings->district_word, c.ctx.strings->district_abbrev);
    forms.push_back(capital);
    const bool named = std::any_of(
        c.scene->items().begin(), c.scene->items().end(), [&](const display::SceneItem& item) {
            return std::any_of(forms.begin(), forms.end(), [&](const std::string& form) {
                return item.text.find(form) != std::string::npos;
            });
        });
    EXPECT_TRUE(named) << "no text on the picture names the capital " << capital;
}

const std::vector<std::function<void(const RegionCase&)>> kChecks = {
    draws_a_picture, outline_fills_the_map, capital_is_labelled, scene_is_clean};

TEST(RegionOverview, EveryShippedRegionDrawsItsOverview) {
    const config::Layout overview = display::overview_layout();
    auto plan = app::plan_frame(overview, true, kWidth, kHeight, std::nullopt);
    ASSERT_TRUE(plan.ok()) << plan.error();
    const app::FramePlan& p = plan.value();
    const config::Screen& screen = overview.screens.front();
    const auto map_cell =
        std::find_if(screen.cells.begin(), screen.cells.end(),
                     [](const config::Cell& c) { return c.widget.type == "map"; });
    ASSERT_NE(map_cell, screen.cells.end());
    display::HeadlessTarget target(p.viewport.output_width, p.viewport.output_height);
    for (const std::string& code : regions_to_draw()) {
        SCOPED_TRACE(code);
        auto loaded = app::load_wall_assets(test::source_dir(), code);
        ASSERT_TRUE(loaded.ok()) << loaded.error();
        const app::WallAssets assets = loaded.take();
        const model::SnapshotPtr snap = test::demo_snapshot(assets, kNow);

        display::ImGuiSession session(target.raster(), assets.fonts, p.type);
        display::WallStatus live;
        live.has_data = true;
        const app::ComposedFrame composed =
            test::compose_test_frame(overview, p, snap, kNow, live, assets.assets);
        display::SceneReport scene;
        display::GlyphTally glyphs;
        for (int frame = 0; frame < 2; ++frame) {
            app::draw_composed_frame(session, composed, p, 1.0f / 60.0f, nullptr,
                                     frame == 1 ? &glyphs : nullptr, frame == 1 ? &scene : nullptr);
        }
        const display::Image picture = target.capture();

        RegionCase c{code, &assets, snap.get(), &picture, {}, map_cell->widget,
                     {},   &scene,  &glyphs};
        c.ctx.theme = &display::dark_theme();
        c.ctx.fonts = &session.fonts();
        c.ctx.strings = composed.strings;
        c.ctx.assets = &assets.assets;
        c.ctx.now = kNow;
        const auto rects =
            display::cell_rects(screen, display::canvas_rect(p.geometry),
                                display::cell_gap_px(p.geometry, screen, p.type.px[0] * 0.4f));
        c.ctx.rect = rects[static_cast<std::size_t>(map_cell - screen.cells.begin())];
        // The content rectangle draw_panel returns for a titled panel (display/text.cpp).
        const float pad = display::pad(c.ctx);
        const float title_h = c.ctx.fonts->px(display::TextRole::heading) * 1.25f;
        const float top = c.ctx.rect.y + 2 * pad + title_h;
        c.content = display::Rect{c.ctx.rect.x + 2 * pad, top, c.ctx.rect.w - 4 * pad,
                                  c.ctx.rect.bottom() - pad - top};
        for (const auto& check : kChecks) check(c);
    }
}

}  // namespace
}  // namespace tsur
