// Everything on screen is a function of (layout, snapshot, server time): the loop only decides
// when to draw. It never waits on the network or disk: the io thread publishes snapshots through
// an atomic pointer and wakes the loop with an SDL user event.
#include "app/render_loop.hpp"

#include <systemd/sd-daemon.h>

#include <memory>

#include "app/frame_plan.hpp"
#include "app/frame_proof.hpp"
#include "app/layout_file.hpp"
#include "app/redraw_schedule.hpp"
#include "app/wall_status.hpp"
#include "app/watchdog.hpp"
#include "config/playlist.hpp"
#include "display/frame_builder.hpp"
#include "display/imgui_session.hpp"
#include "display/map_memo.hpp"
#include "display/overview_layout.hpp"
#include "display/viewport_render.hpp"

namespace tsur::app {
namespace {

using SteadyClock = std::chrono::steady_clock;

// A read-back costs milliseconds to tens of them; proof of rendering needs one a minute, not one a
// frame, since the clock changes the picture every minute anyway.
constexpr auto kProofInterval = std::chrono::seconds{60};
constexpr auto kMaxUnchanged = std::chrono::seconds{150};
// Rows read back for that proof: one every ~34 px at 2160, so the clock's digits (a few hundred
// pixels tall at 4K) always cross several of them and a new minute changes the fingerprint.
constexpr int kProofRows = 64;

std::optional<std::chrono::microseconds> watchdog_interval() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) return std::chrono::microseconds{usec};
    return std::nullopt;
}

}  // namespace

int run_render_loop(WallRuntime& rt, const WallAssets& assets, Logger& log,
                    const RenderLoopOptions& options) {
    std::unique_ptr<LayoutFile> layout_file;
    if (options.layout_file) layout_file = std::make_unique<LayoutFile>(*options.layout_file);
    const auto builtin = std::make_shared<const config::Layout>(display::overview_layout());

    display::WindowTarget target(options.window);
    int out_w = 0, out_h = 0;
    target.output_size(out_w, out_h);

    std::shared_ptr<const config::Layout> layout = builtin;
    if (layout_file) {
        layout_file->refresh();
        if (layout_file->layout()) layout = layout_file->layout();
    }
    auto plan_for = [&](const std::shared_ptr<const config::Layout>& l) {
        auto p = plan_frame(*l, l == builtin, out_w, out_h, options.viewport, options.display);
        if (!p) {
            log.error(p.error() + "; showing the whole canvas");
            p = plan_frame(*l, l == builtin, out_w, out_h, std::nullopt, options.display);
        }
        return p.take();
    };
    FramePlan plan = plan_for(layout);
    auto session = std::make_unique<display::ImGuiSession>(target.renderer(), assets.fonts, plan.type);
    auto apply_logical_size = [&] {
        // A canvas of another size than the output (a 4K layout in a test window) is scaled by
        // SDL rather than cropped.
        if (plan.viewport.output_width != out_w || plan.viewport.output_height != out_h) {
            SDL_RenderSetLogicalSize(target.renderer(), plan.viewport.output_width,
                                     plan.viewport.output_height);
        } else {
            SDL_RenderSetLogicalSize(target.renderer(), 0, 0);
        }
    };
    apply_logical_size();

    Watchdog watchdog(watchdog_interval());
    display::MapMemo map_memo;
    const display::Strings& strings = display::strings_for(options.language);
    const model::Seconds utc_offset = assets.assets.region->utc_offset;
    bool running = true, first_frame = true, dirty = true, want_png = false;
    std::uint64_t shown_generation = 0, shown_freeze = 0;
    model::TimePoint next_due{};
    auto last_frame = SteadyClock::now();
    auto last_proof = SteadyClock::time_point{};
    auto last_layout_check = SteadyClock::time_point{};

    while (running) {
        const auto steady_now = SteadyClock::now();
        const model::TimePoint now = rt.clock.now();
        if (layout_file && steady_now - last_layout_check >= std::chrono::seconds{1}) {
            last_layout_check = steady_now;
            if (layout_file->refresh()) {
                if (layout_file->layout() && layout_file->layout() != layout) {
                    layout = layout_file->layout();
                    FramePlan next = plan_for(layout);
                    if (next.type.px != plan.type.px) {
                        session.reset();
                        session = std::make_unique<display::ImGuiSession>(target.renderer(),
                                                                          assets.fonts, next.type);
                    }
                    plan = std::move(next);
                    apply_logical_size();
                    log.info("layout " + layout_file->path().string() + " loaded");
                }
                dirty = true;
            }
        }
        if (rt.health.take_screenshot_request()) dirty = want_png = true;
        if (!options.freeze_schedule.empty()) {
            rt.freeze.apply_schedule(
                config::frozen_by_schedule(options.freeze_schedule, now, utc_offset),
                rt.store.current(), now);
        }
        // The wake event can be lost if it raced SDL's start-up; the generations cannot.
        if (rt.store.generation() != shown_generation || rt.freeze.generation() != shown_freeze) {
            dirty = true;
        }
        // The playlist follows the NTP-kept system clock, not the per-PC server-clock estimate:
        // that is what keeps several PCs of one wall on the same screen at the same second.
        const auto wall_now = std::chrono::floor<model::Seconds>(std::chrono::system_clock::now());
        const config::LayoutFrame lf = config::layout_frame(*layout, wall_now, utc_offset);
        if (dirty || now >= next_due) {
            shown_generation = rt.store.generation();
            shown_freeze = rt.freeze.generation();
            const auto published = rt.store.current_published();
            const auto fs = rt.stats.snapshot();
            display::WallStatus live_status =
                wall_status(published.get(), fs.consecutive_failures, fs.last_error, now,
                            rt.poll_interval);
            live_status.layout_invalid = layout_file && layout_file->rejected();
            if (!lf.on) live_status.mode = display::WallStatus::Mode::off;
            const FrameSource src = frame_source(rt.freeze.view(),
                                                 published ? published->snapshot : nullptr, now,
                                                 live_status);
            std::size_t screen_index = lf.screen < layout->screens.size() ? lf.screen : 0;
            // A briefing freeze may hold the playlist on one screen.
            if (const auto view = rt.freeze.view(); view.frozen && !view.screen_id.empty()) {
                for (std::size_t i = 0; i < layout->screens.size(); ++i) {
                    if (layout->screens[i].id == view.screen_id) screen_index = i;
                }
            }
            const config::Screen* screen =
                layout->screens.empty() ? nullptr : &layout->screens[screen_index];
            display::FrameInputs in;
            in.snapshot = src.status.mode == display::WallStatus::Mode::off ? nullptr
                                                                             : src.snapshot.get();
            in.screen = src.status.mode == display::WallStatus::Mode::off ? nullptr : screen;
            in.canvas = display::canvas_rect(plan.geometry);
            in.gap_px = screen ? display::cell_gap_px(plan.geometry, *screen,
                                                      plan.type.px[0] * 0.4f)
                               : 0.0f;
            in.now = src.now;
            in.anim_seconds = static_cast<double>(src.now.time_since_epoch().count());
            in.status = &src.status;
            in.theme = &display::dark_theme();
            in.strings = &strings;
            in.assets = &assets.assets;
            in.map_memo = &map_memo;
            const auto t0 = SteadyClock::now();
            display::render_viewport(*session, in, plan.viewport,
                                     std::chrono::duration<float>(t0 - last_frame).count(),
                                     lf.shift);
            const auto build = SteadyClock::now() - t0;
            const bool prove = want_png || steady_now - last_proof >= kProofInterval;
            if (prove) {
                // A full 4K read-back costs two 32 MB buffers; only /screenshot.png needs one.
                const display::Image image =
                    want_png ? target.capture() : target.capture_rows(kProofRows);
                last_proof = steady_now;
                const bool frozen = src.status.mode == display::WallStatus::Mode::frozen;
                rt.health.frame_presented(describe_frame(
                    image, want_png, src.status, src.snapshot.get(), build,
                    frozen ? std::nullopt : std::optional(kMaxUnchanged)));
            } else {
                rt.health.frame_presented(net::FrameReport{
                    rt.health.snapshot().fingerprint, false, build,
                    display_state(src.status.mode), src.snapshot ? src.snapshot->version : 0,
                    src.snapshot ? src.snapshot->as_of : model::TimePoint{}, kMaxUnchanged, {}});
            }
            SDL_RenderPresent(target.renderer());
            want_png = false;
            last_frame = t0;
            next_due = next_redraw(src.now, src.snapshot.get(), screen);
            if (lf.next_change) next_due = std::min(next_due, now + (*lf.next_change - wall_now));
            if (src.status.mode == display::WallStatus::Mode::frozen) {
                next_due = now + std::chrono::minutes{1};
            }
            if (auto change = config::next_change_after(options.freeze_schedule, now, utc_offset)) {
                next_due = std::min(next_due, *change);
            }
            dirty = false;
            if (first_frame) {
                sd_notify(0, "READY=1");
                first_frame = false;
            }
        }
        feed_watchdog(watchdog, rt.stats, rt.health, log);
        long long wait_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(next_due - rt.clock.now()).count();
        wait_ms = std::clamp<long long>(wait_ms, 10, watchdog.max_sleep().count());
        wait_ms = std::min<long long>(wait_ms, layout_file ? 1000 : 60000);
        SDL_Event ev;
        if (SDL_WaitEventTimeout(&ev, static_cast<int>(wait_ms))) {
            do {
                if (ev.type == SDL_QUIT) running = false;
                if (ev.type == options.wake_event) dirty = true;
                if (ev.type == SDL_WINDOWEVENT) {
                    target.output_size(out_w, out_h);
                    if (plan.builtin) {
                        plan = plan_for(layout);
                        apply_logical_size();
                    }
                    dirty = true;
                }
                if (ev.type == SDL_KEYDOWN && !options.window.fullscreen &&
                    (ev.key.keysym.sym == SDLK_ESCAPE || ev.key.keysym.sym == SDLK_q)) {
                    running = false;
                }
            } while (SDL_PollEvent(&ev));
        }
    }
    sd_notify(0, "STOPPING=1");
    return 0;
}

}  // namespace tsur::app
