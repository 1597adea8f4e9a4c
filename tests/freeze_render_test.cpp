// The frozen watermark and the display states as pixels: the watermark is in the PNG while
// frozen and gone after unfreezing, and live/stale/offline/frozen/off each look different. Frames
// go through app::compose_frame(), as on the wall.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/frame_composer.hpp"
#include "app/freeze_state.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "model/sla_rules.hpp"
#include "support/headless_wall.hpp"
#include "support/paths.hpp"
#include "support/test_fonts.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 720;
const model::TimePoint kAsOf = test::at("2026-11-23T06:15:00Z");  // 10:15 local

Assets small_assets() {
    auto r = std::make_shared<model::Region>();
    r->name_ru = "Удмуртская Республика";
    for (const char* name : {"Ижевск", "Глазов"}) {
        model::Municipality m;
        m.id = name;
        m.name_ru = name;
        m.population = 100000;
        r->municipalities.push_back(m);
    }
    return Assets{r, nullptr};
}

model::SnapshotPtr snapshot_at(model::TimePoint as_of, const Assets& assets) {
    model::FeedDocument doc;
    doc.as_of = as_of;
    model::Incident inc;
    inc.id = "UD-1";
    inc.title = "Яма на ул. Пушкинской";
    inc.agency = "Минтранс УР";
    inc.sector = model::Sector::roads;
    inc.created_at = as_of - std::chrono::hours(30);
    inc.feed_due_at = as_of + std::chrono::hours(2);
    doc.incidents.push_back(inc);
    return model::build_snapshot(std::move(doc), assets.region, model::SlaRules::defaults());
}

config::Screen header_and_board() {
    config::Screen s;
    s.id = "main";
    s.rows = {0.15f, 0.85f};
    config::Cell header;
    header.widget.type = "header";
    config::Cell board;
    board.row = 1;
    board.widget.type = "sla_board";
    s.cells = {header, board};
    return s;
}

/// One screen on one 1280x720 panel.
config::Layout one_screen_layout() {
    config::Layout layout;
    layout.wall.panel_width_px = kWidth;
    layout.wall.panel_height_px = kHeight;
    layout.screens = {header_and_board()};
    return layout;
}

/// Renders one frame the way the wall loop does: app::compose_frame() applies the freeze and
/// the status, app::draw_composed_frame() draws it.
class Renderer {
public:
    Renderer()
        : plan_(app::plan_frame(layout_, false, kWidth, kHeight, std::nullopt).take()),
          target_(kWidth, kHeight),
          session_(target_.raster(), test::dejavu_fonts(), plan_.type) {}

    Image render(const app::FreezeView& freeze, model::SnapshotPtr live, model::TimePoint now,
                 const WallStatus& live_status) {
        const app::ComposedFrame frame = test::compose_test_frame(
            layout_, plan_, std::move(live), now, live_status, assets_, freeze);
        for (int i = 0; i < 2; ++i) app::draw_composed_frame(session_, frame, plan_, 1.0f / 60);
        return target_.capture();
    }
    const Assets& assets() const { return assets_; }

private:
    config::Layout layout_ = one_screen_layout();
    app::FramePlan plan_;
    HeadlessTarget target_;
    ImGuiSession session_;
    Assets assets_ = small_assets();
};

/// Pixels that differ between two images inside [x0,x1) x [y0,y1) (fractions of the size).
std::size_t differing(const Image& a, const Image& b, float x0, float y0, float x1, float y1) {
    std::size_t n = 0;
    for (int y = static_cast<int>(y0 * a.height); y < static_cast<int>(y1 * a.height); ++y) {
        for (int x = static_cast<int>(x0 * a.width); x < static_cast<int>(x1 * a.width); ++x) {
            const Image::Pixel p = a.at(x, y);
            const Image::Pixel q = b.at(x, y);
            if (p.r != q.r || p.g != q.g || p.b != q.b) ++n;
        }
    }
    return n;
}

void save_png(const Image& img, const char* name) {
    // Kept for a person to look at when a test fails; the assertions do not read them back.
    if (const char* dir = std::getenv("TSUR_TEST_PNG_DIR")) {
        const auto png = encode_png(img);
        std::FILE* f = std::fopen((std::filesystem::path(dir) / name).c_str(), "wb");
        if (f) {
            std::fwrite(png.data(), 1, png.size(), f);
            std::fclose(f);
        }
    }
}

TEST(FreezeRender, WatermarkIsPresentWhileFrozenAndGoneAfter) {
    Renderer r;
    app::FreezeState state;
    const auto held = snapshot_at(kAsOf, r.assets());
    const model::TimePoint now = kAsOf + std::chrono::seconds(30);
    const WallStatus live;

    const Image before = r.render(state.view(), held, now, live);
    ASSERT_TRUE(state.freeze(held, now, ""));
    const Image frozen = r.render(state.view(), held, now, live);
    state.unfreeze();
    const Image after = r.render(state.view(), held, now, live);
    save_png(before, "freeze_before.png");
    save_png(frozen, "freeze_frozen.png");
    save_png(after, "freeze_after.png");
    ASSERT_FALSE(encode_png(frozen).empty());

    // The watermark band sits in the lower middle of every output.
    const std::size_t band = differing(before, frozen, 0.25f, 0.78f, 0.75f, 0.94f);
    EXPECT_GT(band, 10000u) << "the frozen frame should carry the watermark";
    EXPECT_EQ(differing(before, after, 0, 0, 1, 1), 0u) << "unfreezing removes every trace";
}

TEST(FreezeRender, WatermarkShowsTheHeldSnapshotsTime) {
    Renderer r;
    const model::TimePoint now = kAsOf + std::chrono::minutes(5);
    app::FreezeView v1{true, false, snapshot_at(kAsOf, r.assets()), now, ""};
    app::FreezeView v2{true, false, snapshot_at(kAsOf + std::chrono::minutes(1), r.assets()), now,
                       ""};
    const Image a = r.render(v1, nullptr, now, WallStatus{});
    const Image b = r.render(v2, nullptr, now, WallStatus{});
    // 10:15 vs 10:16 in the watermark (the header's "данные на" differs too, higher up).
    EXPECT_GT(differing(a, b, 0.25f, 0.78f, 0.75f, 0.94f), 20u);
}

TEST(FreezeRender, EachDisplayStateLooksDifferent) {
    Renderer r;
    const auto snap = snapshot_at(kAsOf, r.assets());
    const model::TimePoint now = kAsOf + std::chrono::seconds(20);
    using Mode = WallStatus::Mode;
    std::vector<std::pair<const char*, Image>> shots;
    for (Mode mode : {Mode::live, Mode::stale, Mode::offline, Mode::frozen, Mode::off}) {
        WallStatus st;
        st.has_data = true;
        st.mode = mode;
        app::FreezeView view;
        model::TimePoint at = now;
        if (mode == Mode::stale) {
            at = kAsOf + std::chrono::minutes(20);
            st.data_age = std::chrono::minutes(20);
        }
        if (mode == Mode::frozen) {
            st.mode = Mode::live;
            view = app::FreezeView{true, false, snap, now, ""};
        }
        const Image img = r.render(view, snap, at, st);
        const char* names[] = {"live", "stale", "offline", "frozen", "off"};
        const char* name = names[static_cast<int>(mode)];
        save_png(img, (std::string("state_") + name + ".png").c_str());
        shots.emplace_back(name, img);
    }
    for (std::size_t i = 0; i < shots.size(); ++i) {
        for (std::size_t j = i + 1; j < shots.size(); ++j) {
            EXPECT_NE(fingerprint(shots[i].second), fingerprint(shots[j].second))
                << shots[i].first << " and " << shots[j].first << " look the same";
        }
    }
    const Image& off = shots.back().second;
    EXPECT_TRUE(is_blank(off)) << "scheduled off draws nothing";
    EXPECT_EQ(off.at(kWidth / 2, kHeight / 2).r, 0);
    EXPECT_FALSE(is_blank(shots.front().second));
    // Offline with fresh data still says so on screen (top band), unlike live.
    EXPECT_GT(differing(shots[0].second, shots[2].second, 0.2f, 0.0f, 0.8f, 0.12f), 2000u);
}

TEST(FreezeRender, RefusedAnswerAndWaitingAreShown) {
    Renderer r;
    const auto snap = snapshot_at(kAsOf, r.assets());
    const model::TimePoint now = kAsOf + std::chrono::seconds(20);
    WallStatus live;
    live.has_data = true;
    WallStatus refused = live;
    refused.refusal = WallStatus::Refusal::all_records;
    const Image a = r.render(app::FreezeView{}, snap, now, live);
    const Image b = r.render(app::FreezeView{}, snap, now, refused);
    save_png(b, "state_all_records_rejected.png");
    // The banner names the refusal at once, in the top band, while the last good data stays.
    EXPECT_GT(differing(a, b, 0.2f, 0.0f, 0.8f, 0.12f), 2000u);

    WallStatus waiting;
    waiting.mode = WallStatus::Mode::waiting;
    WallStatus live_without_data;
    const Image w = r.render(app::FreezeView{}, nullptr, now, waiting);
    const Image l = r.render(app::FreezeView{}, nullptr, now, live_without_data);
    save_png(w, "state_waiting.png");
    EXPECT_NE(fingerprint(w), fingerprint(l)) << "no data must not wear the live (green) dot";
}

}  // namespace
}  // namespace tsur::display
