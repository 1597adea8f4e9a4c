// Every shipped layout and the built-in overview drawn at wall sizes from 1080p to 8K and from
// 2 m to 30 m: no crash (the 8K overview and a 15 m situation room used to overwrite the heap),
// a picture on every screen, and font atlases within their bounds. Each frame's scene report is
// checked as a reader would (support/scene_checks.hpp) under five loads: no data yet, the demo at
// ~1k, ~10k and ~50k open incidents, 3,000 in three cities; every other case is in English. The
// whole matrix runs when TSUR_RENDER_MATRIX=full; by default a subset that still holds every
// case that used to crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "config/layout_parser.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/legibility.hpp"
#include "display/map/map_points.hpp"
#include "display/overview_layout.hpp"
#include "display/strings.hpp"
#include "demo/demo_simulator.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/scene_checks.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

struct Size {
    int width, height;
};
constexpr Size kSizes[] = {{1920, 1080}, {3840, 2160}, {5772, 3252}, {7680, 4320}};
constexpr double kDistances[] = {2, 5, 10, 15, 20, 30};

bool full_matrix() {
    const char* v = std::getenv("TSUR_RENDER_MATRIX");
    return v != nullptr && std::string(v) == "full";
}

/// What the wall is showing: no data yet, the demo at ~1k and ~10k incidents, 3,000 open
/// incidents in three cities (2,000 Izhevsk, 600 Glazov, 400 Sarapul), the demo at ~50k.
enum Load { kEmpty, kDemo, kTenK, kCities, kLarge, kLoadCount };
constexpr const char* kLoadNames[] = {"empty", "demo 1k", "demo 10k", "3000 in 3 cities",
                                      "demo 50k"};

/// The demo region's assets and one snapshot per load, shared by every case.
struct Fixture {
    app::WallAssets assets;
    model::SnapshotPtr snapshots[kLoadCount];
};

model::FeedDocument demo_document(const app::WallAssets& a, double scale) {
    net::SimulatorOptions options;
    options.seed = 3;
    options.scale = scale;
    options.boundary = net::outer_rings(*a.assets.geometry);
    return net::DemoSimulator(a.assets.region, options).generate(kNow);
}

/// The demo with its open incidents moved to within a few kilometres of three city centres.
model::FeedDocument city_document(const app::WallAssets& a) {
    model::FeedDocument doc = demo_document(a, 0.3);
    std::vector<model::Incident> source = std::move(doc.incidents);
    std::erase_if(source, [](const model::Incident& i) { return !model::is_open(i.status); });
    const auto& munis = a.assets.region->municipalities;
    std::mt19937 rng(7);
    std::normal_distribution<double> jitter(0.0, 0.02);
    std::vector<model::Incident> out;
    for (const auto& [city, n] : {std::pair{"Ижевск", 2000}, {"Глазов", 600}, {"Сарапул", 400}}) {
        const auto m = std::find_if(munis.begin(), munis.end(), [&](const model::Municipality& x) {
            return x.name_ru == city;
        });
        if (m == munis.end()) throw std::runtime_error(std::string("no ") + city);
        for (int k = 0; k < n; ++k) {
            model::Incident inc = source[out.size() % source.size()];
            inc.id = "city-" + std::to_string(out.size());
            inc.municipality = static_cast<model::MunicipalityIndex>(m - munis.begin());
            inc.location =
                model::GeoPoint{m->centre.lat + jitter(rng), m->centre.lon + 1.7 * jitter(rng)};
            out.push_back(std::move(inc));
        }
    }
    doc.incidents = std::move(out);
    return doc;
}

const Fixture& fixture() {
    static const Fixture f = [] {
        auto loaded = app::load_wall_assets(test::source_dir(), "RU-UD");
        if (!loaded) throw std::runtime_error(loaded.error());
        Fixture out{loaded.take(), {}};
        const auto build = [&](model::FeedDocument doc) {
            return model::build_snapshot(std::move(doc), out.assets.assets.region,
                                         *out.assets.rules);
        };
        out.snapshots[kDemo] = build(demo_document(out.assets, 0.35));
        out.snapshots[kTenK] = build(demo_document(out.assets, 3.45));
        out.snapshots[kCities] = build(city_document(out.assets));
        out.snapshots[kLarge] = build(demo_document(out.assets, 17.6));
        return out;
    }();
    return f;
}

/// Scene checks summed over the run, printed at the end for the before/after numbers.
struct SceneTotals {
    std::size_t cases = 0, items = 0, problems = 0, refused = 0;
    ~SceneTotals() {
        std::printf(
            "scene checks: %zu layout x size x load cases, %zu items, %zu problems; %zu "
            "layout x size cases refused by check-layout, not judged\n",
            cases, items, problems, refused);
    }
};
SceneTotals& totals() {
    static SceneTotals t;
    return t;
}

std::size_t open_incidents(const model::Snapshot* snap) {
    if (snap == nullptr) return 0;
    return static_cast<std::size_t>(
        std::count_if(snap->incidents.begin(), snap->incidents.end(),
                      [](const model::Incident& i) { return model::is_open(i.status); }));
}

/// Incidents a non-public map cell must account for: what its filters let through.
std::uint64_t map_should_show(const model::Snapshot* snap, const config::WidgetSpec& spec) {
    if (snap == nullptr) return 0;
    std::uint64_t n = 0;
    for (const model::Incident& i : snap->incidents) n += display::map_shows(i, spec) ? 1 : 0;
    return n;
}

/// Checks one frame's scene: (a)+(b) overlaps, (c) each map's numbers add up, (d) no '?'.
void check_frame(const display::SceneReport& scene, const display::GlyphTally& glyphs,
                 const config::Screen& screen, const model::Snapshot* snap,
                 const std::string& label) {
    const test::SceneFindings found = test::check_scene(scene);
    totals().cases += 1;
    totals().items += found.items;
    totals().problems += found.problems.size();
    if (std::getenv("TSUR_SCENE_PROBLEMS") != nullptr) {
        for (const std::string& problem : found.problems)
            std::printf("%s: %s\n", label.c_str(), problem.c_str());
    }
    EXPECT_TRUE(found.problems.empty())
        << label << ": " << found.problems.size() << " problems, first: " << found.problems[0];
    std::size_t tiles_index = 0;
    for (const config::Cell& cell : screen.cells) {
        if (cell.widget.type != "tiles") continue;
        const std::size_t index = tiles_index++;
        if (cell.widget.public_mode || snap == nullptr) continue;
        std::uint64_t open = 0;
        for (const model::Incident& i : snap->incidents) {
            open += model::is_open(i.status) && cell.widget.shows_sector(i.sector) ? 1 : 0;
        }
        EXPECT_EQ(test::incidents_drawn(scene, "tiles", index), open)
            << label << ": tiles " << index << " counts vs the open incidents";
    }
    std::size_t map_index = 0;
    for (const config::Cell& cell : screen.cells) {
        if (cell.widget.type != "map") continue;
        const std::size_t index = map_index++;
        if (cell.widget.public_mode) continue;  // below k per municipality is hidden on purpose
        EXPECT_EQ(test::map_incidents_drawn(scene, index), map_should_show(snap, cell.widget))
            << label << ": map " << index << " counts + dots + \"+N\" vs the incidents it shows";
    }
    EXPECT_EQ(glyphs.missing, 0u) << label << ": '?' for U+" << std::hex
                                  << static_cast<std::uint32_t>(glyphs.first);
}

config::Layout shipped_layout(const std::string& name) {
    const auto path = test::source_dir() / "layouts" / (name + ".json");
    auto parsed =
        config::parse_layout(test::read_file(path), path.string(), app::widget_type_names());
    if (!parsed) throw std::runtime_error(parsed.error());
    return parsed.take();
}

/// The same physical panels with as many pixels as make the canvas about `size`.
config::Layout resized(config::Layout layout, Size size, double distance_m) {
    config::Wall& w = layout.wall;
    w.panel_width_px = size.width / w.columns;
    w.panel_height_px = size.height / w.rows;
    w.viewing_distance_m = static_cast<float>(distance_m);
    return layout;
}

/// Draws every screen of `layout` (two frames each, as the wall does) and checks each picture.
/// The two frames show `loads[0]` and `loads[1]`, each checked by its scene: the draw lists are
/// complete on the first frame too, so two loads cost no extra render.
void render_all_screens(const config::Layout& layout, bool builtin, Size size,
                        const std::string& label, const Load (&loads)[2],
                        display::Language language) {
    const Fixture& f = fixture();
    auto plan = app::plan_frame(layout, builtin, size.width, size.height, std::nullopt);
    ASSERT_TRUE(plan.ok()) << label << ": " << plan.error();
    const app::FramePlan& p = plan.value();
    display::HeadlessTarget target(p.viewport.output_width, p.viewport.output_height);
    display::ImGuiSession session(target.raster(), f.assets.fonts, p.type);
    for (std::size_t i = 0; i < display::kTextRoleCount; ++i) {
        const auto role = static_cast<display::TextRole>(i);
        const float baked = session.fonts().baked.px[i];
        EXPECT_LE(baked, p.type.px[i]) << label;
        EXPECT_LE(display::largest_glyph_pixels(f.assets.fonts.bold, baked, role),
                  display::kMaxGlyphPixels)
            << label << ": role " << i << " baked at " << baked << " px";
    }
    // What check-layout refuses must not crash, but its picture is not judged: the wall's
    // operator was told it cannot be drawn legibly.
    const bool judged = builtin || display::undrawable_problems(layout).empty();
    if (!judged) totals().refused += 1;
    display::WallStatus live;
    live.has_data = true;
    display::WallStatus waiting;
    waiting.mode = display::WallStatus::Mode::waiting;
    app::FrameState state;
    state.layout = &layout;
    state.plan = &p;
    state.now = kNow;
    state.playlist_now = kNow;
    state.strings = &display::strings_for(language);
    state.assets = &f.assets.assets;
    for (const config::Screen& screen : layout.screens) {
        state.screen = screen.id;
        for (int frame = 0; frame < 2; ++frame) {
            const Load load = loads[frame];
            state.snapshot = f.snapshots[load];
            state.live_status = load == kEmpty ? waiting : live;
            auto composed = app::compose_frame(state);
            ASSERT_TRUE(composed.ok()) << label << ": " << composed.error();
            display::SceneReport scene;
            display::GlyphTally glyphs;
            app::draw_composed_frame(session, composed.value(), p, 1.0f / 60.0f, nullptr, &glyphs,
                                     &scene);
            if (judged) {
                check_frame(scene, glyphs, screen, f.snapshots[load].get(),
                            label + (language == display::Language::en ? " (en)" : "") +
                                " screen " + screen.id + " " + kLoadNames[load] + " (" +
                                std::to_string(open_incidents(f.snapshots[load].get())) + " open)");
            }
        }
        EXPECT_GT(test::non_background_pixels(target.capture()), 10000u)
            << label << " screen " << screen.id << ": blank";
    }
}

std::string name_of(const std::string& layout, Size s, double d) {
    return layout + " " + std::to_string(s.width) + "x" + std::to_string(s.height) + " at " +
           std::to_string(static_cast<int>(d)) + " m";
}

TEST(RenderMatrix, BuiltInOverviewAtEverySize) {
    const config::Layout overview = display::overview_layout();
    // Every load at two sizes; the 4K overview (the sample config's) with the demo at ~1k and ~50k.
    const Load loads[4][2] = {
        {kEmpty, kCities}, {kDemo, kLarge}, {kTenK, kCities}, {kLarge, kTenK}};
    for (std::size_t i = 0; i < std::size(kSizes); ++i) {
        const auto language = i % 2 == 0 ? display::Language::ru : display::Language::en;
        render_all_screens(overview, true, kSizes[i], name_of("overview", kSizes[i], 0), loads[i],
                           language);
    }
}

TEST(RenderMatrix, ShippedLayoutsAtEverySizeAndDistance) {
    const bool full = full_matrix();
    // Consecutive cases take the loads in turn, so every size sees all five, and alternate
    // between Russian and English.
    int run = 0;
    for (const std::string& name : test::shipped_layout_names()) {
        const config::Layout layout = shipped_layout(name);
        for (const Size s : kSizes) {
            for (const double d : kDistances) {
                // The default run keeps the shipped distance's neighbour (5 m) and the farthest
                // (30 m) at 4K, and the case that used to crash (15 m on a 5772x3252 canvas).
                const bool in_subset =
                    (s.width == 3840 && (d == 5 || d == 30)) || (s.width == 5772 && d == 15);
                if (!full && !in_subset) continue;
                const Load loads[2] = {static_cast<Load>(2 * run % kLoadCount),
                                       static_cast<Load>((2 * run + 1) % kLoadCount)};
                const auto language = run % 2 == 0 ? display::Language::ru : display::Language::en;
                ++run;
                render_all_screens(resized(layout, s, d), false, s, name_of(name, s, d), loads,
                                   language);
            }
        }
    }
}

}  // namespace
}  // namespace tsur
