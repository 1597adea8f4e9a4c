// Widgets rendered to pixels through the headless software renderer: an overdue countdown is in
// the overdue colour, public mode draws no titles, the heatmap's largest cell has the scale's top
// colour.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "display/headless_target.hpp"
#include "display/heatmap_widget.hpp"
#include "display/imgui_session.hpp"
#include "display/rising_widget.hpp"
#include "display/risk_calendar_widget.hpp"
#include "display/sla_board_widget.hpp"
#include "display/ticker_widget.hpp"
#include "display/trends_widget.hpp"
#include "display/widget_registry.hpp"
#include "model/sla_rules.hpp"
#include "support/paths.hpp"
#include "support/test_fonts.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

std::shared_ptr<const model::Region> small_region() {
    auto r = std::make_shared<model::Region>();
    for (const char* name : {"Ижевск", "Глазов"}) {
        model::Municipality m;
        m.id = name;
        m.name_ru = name;
        m.population = 100000;
        r->municipalities.push_back(m);
    }
    return r;
}

model::SnapshotPtr one_incident(model::Seconds due_from_now, const std::string& title) {
    model::FeedDocument doc;
    doc.as_of = kNow;
    model::Incident inc;
    inc.id = "UD-1";
    inc.title = title;
    inc.agency = "Минтранс УР";
    inc.sector = model::Sector::roads;
    inc.created_at = kNow - std::chrono::hours(30);
    inc.feed_due_at = kNow + due_from_now;
    doc.incidents.push_back(inc);
    return model::build_snapshot(std::move(doc), small_region(), model::SlaRules::defaults());
}

/// Renders one widget filling a 1920x1080 frame.
Image render(WidgetFn draw, const model::Snapshot* snap, const config::WidgetSpec& spec) {
    HeadlessTarget target(kWidth, kHeight);
    ImGuiSession session(target.raster(), test::dejavu_fonts(), TypeScale::for_height(kHeight));
    for (int frame = 0; frame < 2; ++frame) {
        session.begin_frame(kWidth, kHeight, 1.0f / 60.0f);
        FrameContext ctx;
        ctx.draw = ImGui::GetBackgroundDrawList();
        ctx.rect = Rect{20, 20, kWidth - 40.0f, kHeight - 40.0f};
        ctx.theme = &dark_theme();
        ctx.fonts = &session.fonts();
        ctx.strings = &strings_for(Language::ru);
        ctx.now = kNow;
        draw(snap, spec, ctx);
        session.end_frame(dark_theme().background);
    }
    return target.capture();
}

std::size_t pixels_near(const Image& img, ImU32 colour, int tolerance) {
    const int r = static_cast<int>(colour & 0xFF);
    const int g = static_cast<int>((colour >> 8) & 0xFF);
    const int b = static_cast<int>((colour >> 16) & 0xFF);
    std::size_t n = 0;
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            const Image::Pixel p = img.at(x, y);
            if (std::abs(p.r - r) <= tolerance && std::abs(p.g - g) <= tolerance &&
                std::abs(p.b - b) <= tolerance) {
                ++n;
            }
        }
    }
    return n;
}

TEST(BoardRender, OverdueCountdownIsDrawnInTheOverdueColour) {
    const ImU32 overdue = dark_theme().overdue;
    const auto late = one_incident(model::Seconds{-(3 * 3600 + 12 * 60)}, "Яма на дороге");
    const auto fine = one_incident(model::Seconds{20 * 3600}, "Яма на дороге");
    const std::size_t late_px = pixels_near(render(draw_sla_board, late.get(), {}), overdue, 8);
    const std::size_t fine_px = pixels_near(render(draw_sla_board, fine.get(), {}), overdue, 8);
    EXPECT_GT(late_px, 200u) << "the countdown of an overdue row should be in the overdue colour";
    EXPECT_EQ(fine_px, 0u) << "nothing on an on-time board should use the overdue colour";
}

TEST(BoardRender, PublicModeDrawsNoTitles) {
    const auto a = one_incident(model::Seconds{-3600}, "Прорыв трубы у дома Иванова");
    const auto b = one_incident(model::Seconds{-3600}, "Жалоба на соседа Петрова, кв. 14");
    config::WidgetSpec staff;
    config::WidgetSpec lobby;
    lobby.public_mode = true;
    // Control: the staff board shows the titles, so the two snapshots render differently.
    EXPECT_NE(fingerprint(render(draw_sla_board, a.get(), staff)),
              fingerprint(render(draw_sla_board, b.get(), staff)));
    // The lobby board and ticker look the same whatever the titles say.
    EXPECT_EQ(fingerprint(render(draw_sla_board, a.get(), lobby)),
              fingerprint(render(draw_sla_board, b.get(), lobby)));
    EXPECT_EQ(fingerprint(render(draw_ticker, a.get(), lobby)),
              fingerprint(render(draw_ticker, b.get(), lobby)));
    EXPECT_NE(fingerprint(render(draw_ticker, a.get(), staff)),
              fingerprint(render(draw_ticker, b.get(), staff)));
}

TEST(BoardRender, HeatmapLargestCellHasTheTopColourOfTheScale) {
    model::Snapshot snap;
    snap.region = small_region();
    snap.as_of = kNow;
    snap.aggregates.open_by_muni_sector.assign(2, model::SectorCounts{});
    snap.aggregates.open_by_muni_sector[0][model::index_of(model::Sector::roads)] = 40;
    snap.aggregates.open_by_muni_sector[1][model::index_of(model::Sector::housing)] = 10;
    const Image img = render(draw_heatmap, &snap, {});
    // Cells are flat fills: the 40 cell is exactly heat(1); the 10 cell is heat(0.5) on the
    // square-root scale; no other cell may take the top colour.
    const std::size_t top = pixels_near(img, Theme::heat(1.0f), 0);
    const std::size_t half = pixels_near(img, Theme::heat(0.5f), 0);
    EXPECT_GT(top, 1000u);
    EXPECT_GT(half, 1000u);
    EXPECT_LT(top, half * 3 / 2) << "only one cell should be drawn in the scale's top colour";
}

}  // namespace
}  // namespace tsur::display
