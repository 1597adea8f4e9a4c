// Several PCs, one picture: two headless renders of two viewports of a wall at the same instant
// stitch, pixel for pixel, into the render of the whole canvas, and one window spanning both
// monitors shows the same two pictures side by side.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "app/frame_composer.hpp"
#include "config/layout_parser.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/legibility.hpp"
#include "display/widget_registry.hpp"
#include "model/geojson_loader.hpp"
#include "model/sla_rules.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/test_fonts.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

// Two half-size panels side by side (the pitch of a 55" 1080p panel, 3.5 mm between them), with
// cells that cross the seam.
constexpr const char* kLayout = R"({
  "wall": {"panels": [2, 1], "panel_px": [960, 540], "panel_mm": [605, 340],
           "bezel_mm": 1.75, "viewing_distance_m": 2},
  "screens": [{"id": "s", "columns": [1, 1, 1], "rows": [0.12, 0.22, 0.66], "gap_mm": 6,
    "cells": [
      {"col": 0, "row": 0, "span": [3, 1], "widget": {"type": "header"}},
      {"col": 0, "row": 1, "span": [2, 1], "widget": {"type": "kpi_strip"}},
      {"col": 2, "row": 1, "span": [1, 2], "widget": {"type": "sla_board"}},
      {"col": 0, "row": 2, "span": [2, 1], "widget": {"type": "map"}}]}]
})";

Assets assets() {
    Assets a;
    a.region = std::make_shared<const model::Region>(test::udmurtia_region());
    const auto outline = test::asset_path("regions/RU-UD/outline.geojson");
    auto geometry = model::parse_region_geometry(test::read_file(outline), outline.string());
    if (!geometry) throw std::runtime_error(geometry.error());
    a.geometry = std::make_shared<const model::RegionGeometry>(geometry.take());
    return a;
}

model::SnapshotPtr fixture_snapshot(const Assets& a) {
    model::FeedDocument doc;
    doc.schema = "tsur.feed.v1";
    doc.region_code = "RU-UD";
    doc.as_of = kNow;
    const model::Sector sectors[] = {model::Sector::roads, model::Sector::housing,
                                     model::Sector::waste, model::Sector::energy};
    for (int i = 0; i < 40; ++i) {
        model::Incident inc;
        inc.id = "UD-" + std::to_string(1000 + i);
        inc.title = "Обращение номер " + std::to_string(i);
        inc.agency = i % 3 == 0 ? "Минтранс УР" : "Минстрой УР";
        inc.sector = sectors[i % 4];
        inc.channel = static_cast<model::Channel>(i % 8);
        inc.municipality =
            static_cast<model::MunicipalityIndex>(i % a.region->municipalities.size());
        inc.created_at = kNow - std::chrono::hours(2 + i * 3);
        if (i % 5 == 0) inc.status = model::Status::in_progress;
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc), a.region, model::SlaRules::defaults());
}

struct Wall {
    config::Layout layout;
    WallGeometry geometry;
    TypeScale scale;
    Assets assets;
    model::SnapshotPtr snapshot;
    WallStatus status;
};

const Wall& wall() {
    static const Wall w = [] {
        std::vector<std::string_view> types;
        for (const auto& e : widget_table()) types.push_back(e.type);
        auto parsed = config::parse_layout(kLayout, "stitch.json", types);
        if (!parsed) throw std::runtime_error(parsed.error());
        Wall out;
        out.layout = parsed.take();
        out.geometry = wall_geometry(out.layout.wall);
        out.scale = type_scale_for(out.layout.wall);
        out.assets = assets();
        out.snapshot = fixture_snapshot(out.assets);
        out.status.has_data = true;
        return out;
    }();
    return w;
}

/// What one PC renders for `map` at kNow, composed as the wall composes it. Every PC bakes the
/// canvas's type scale.
Image render(const ViewportMap& map) {
    const Wall& w = wall();
    HeadlessTarget target(map.output_width, map.output_height);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), w.scale);
    const app::FramePlan plan{w.geometry, map, w.scale, false};
    const app::ComposedFrame frame =
        test::compose_test_frame(w.layout, plan, w.snapshot, kNow, w.status, w.assets);
    for (int i = 0; i < 2; ++i) app::draw_composed_frame(session, frame, plan, 1.0f / 60.0f);
    return target.capture();
}

Image crop(const Image& src, const Rect& r) {
    Image out;
    out.width = static_cast<int>(r.w);
    out.height = static_cast<int>(r.h);
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y) {
        const auto* from =
            &src.rgba[((static_cast<std::size_t>(y) + static_cast<std::size_t>(r.y)) * src.width +
                       static_cast<std::size_t>(r.x)) *
                      4];
        std::memcpy(&out.rgba[static_cast<std::size_t>(y) * out.width * 4], from,
                    static_cast<std::size_t>(out.width) * 4);
    }
    return out;
}

/// Number of pixels that differ (0 = pixel-exact).
std::size_t differing(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height) return static_cast<std::size_t>(-1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        if (std::memcmp(&a.rgba[i], &b.rgba[i], 4) != 0) ++n;
    }
    return n;
}

TEST(ViewportStitch, TwoPcsStitchIntoTheWholeCanvas) {
    const WallGeometry& g = wall().geometry;
    ASSERT_EQ(g.canvas_width, 2 * 960 + 6) << "6 px hidden behind the 3.5 mm bezels";
    const Image whole = render(viewport_of_canvas(g));
    const Image left = render(viewport_of_panels(g, 0, 0, 1, 1));
    const Image right = render(viewport_of_panels(g, 1, 0, 1, 1));
    ASSERT_FALSE(is_blank(left));
    ASSERT_FALSE(is_blank(right));
    EXPECT_EQ(differing(left, crop(whole, panel_rect(g, 0, 0))), 0u);
    EXPECT_EQ(differing(right, crop(whole, panel_rect(g, 1, 0))), 0u);
    // Control: the two halves are different pictures, so the comparison can fail.
    EXPECT_GT(differing(left, right), 1000u);
}

TEST(ViewportStitch, SpanningWindowShowsEachMonitorsPanel) {
    const WallGeometry& g = wall().geometry;
    const Image span = render(viewport_of_panels(g, 0, 0, 2, 1));
    ASSERT_EQ(span.width, 1920);
    const Image left = render(viewport_of_panels(g, 0, 0, 1, 1));
    const Image right = render(viewport_of_panels(g, 1, 0, 1, 1));
    EXPECT_EQ(differing(crop(span, Rect{0, 0, 960, 540}), left), 0u);
    EXPECT_EQ(differing(crop(span, Rect{960, 0, 960, 540}), right), 0u);
}

TEST(ViewportStitch, CanvasRectViewportMatchesTheWholeCanvas) {
    const WallGeometry& g = wall().geometry;
    const Rect middle{700, 0, 500, 540};  // straddles the bezel
    const Image whole = render(viewport_of_canvas(g));
    const Image part = render(viewport_of_rect(middle));
    EXPECT_EQ(differing(part, crop(whole, middle)), 0u);
}

}  // namespace
}  // namespace tsur::display
