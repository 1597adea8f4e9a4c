// Everything on screen is a function of (layout, snapshot, server time): the loop only decides
// when to draw. It never waits on the network or disk: the io thread publishes snapshots through
// an atomic pointer and wakes the loop with an SDL user event.
#include "app/render_loop.hpp"

#include <systemd/sd-daemon.h>

#include <cstdio>
#include <memory>

#include "app/frame_plan.hpp"
#include "app/frame_proof.hpp"
#include "app/layout_file.hpp"
#include "app/redraw_schedule.hpp"
#include "app/scene_json.hpp"
#include "app/wall_status.hpp"
#include "app/watchdog.hpp"
#include "config/playlist.hpp"
#include "config/public_screen.hpp"
#include "config/snapshot_sync.hpp"
#include "display/frame_builder.hpp"
#include "display/imgui_session.hpp"
#include "display/map_memo.hpp"
#include "display/overview_layout.hpp"
#include "display/viewport_render.hpp"

namespace tsur::app {
namespace {

using SteadyClock = std::chrono::steady_clock;

// What monitoring must know about the layout on screen (/healthz layout_builtin, layout_rejected).
net::LayoutState layout_state(const LayoutFile* file) {
    if (!file) return net::LayoutState::ok;
    if (!file->layout()) return net::LayoutState::builtin;
    return file->rejected() ? net::LayoutState::rejected : net::LayoutState::ok;
}

std::string hex_code(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    return buf;
}

std::optional<std::chrono::microseconds> watchdog_interval() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) return std::chrono::microseconds{usec};
    return std::nullopt;
}

// One line that tells an operator on a machine with no display what the wall is doing and where
// the picture is.
std::string headless_notice(const display::WindowTarget& target, const std::string& status_address,
                            int w, int h) {
    std::string line = "display: running headless (SDL video driver '" + target.video_driver() +
                       "', " + std::to_string(w) + "x" + std::to_string(h) + ")";
    if (!target.fallback_reason().empty()) line += " because " + target.fallback_reason();
    line += "; nothing is shown on a screen. See the picture with ";
    line += status_address.empty()
                ? std::string("--screenshot OUT.png")
                : "--screenshot OUT.png, or at http://" + status_address +
                      "/screenshot.png (with the status token unless the layout is public)";
    line += ", or run under X11 (DISPLAY), Wayland (WAYLAND_DISPLAY) or on a console with a GPU "
            "(SDL_VIDEODRIVER=kmsdrm)";
    return line;
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
    if (target.headless()) {
        rt.health.set_headless(true);
        log.warning(headless_notice(target, options.status_address, out_w, out_h));
    }

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
    const auto publish_screens = [&rt](const config::Layout& l) {
        std::vector<std::string> ids;
        for (const auto& screen : l.screens) ids.push_back(screen.id);
        rt.freeze.set_screens(std::move(ids));
    };
    publish_screens(*layout);
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
    char32_t logged_missing_glyph = 0;
    config::SnapshotSync snapshot_sync;
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
                    publish_screens(*layout);
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
                wall_status(published.get(), fs, now, rt.poll_interval);
            live_status.layout_invalid = layout_file && layout_file->rejected();
            if (!lf.on) live_status.mode = display::WallStatus::Mode::off;
            // Every PC of the wall shows a new snapshot from the same server instant, however far
            // apart their polls fetched it (config/snapshot_sync.hpp).
            const model::SnapshotPtr shown =
                snapshot_sync.pick(published ? published->snapshot : nullptr, now);
            const FrameSource src = frame_source(rt.freeze.view(), shown, now, live_status);
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
            display::GlyphTally glyphs;
            in.glyphs = &glyphs;
            display::SceneReport scene;
            in.scene = want_png ? &scene : nullptr;  // /scene.json comes with /screenshot.png
            const auto t0 = SteadyClock::now();
            display::render_viewport(*session, in, plan.viewport,
                                     std::chrono::duration<float>(t0 - last_frame).count(),
                                     lf.shift);
            const auto build = SteadyClock::now() - t0;
            const bool prove = want_png || steady_now - last_proof >= kProofInterval;
            const auto max_unchanged = unchanged_limit(src.status.mode);
            net::FrameReport report;
            if (prove) {
                // A full 4K read-back costs two 32 MB buffers; only /screenshot.png needs one.
                const display::Image image =
                    want_png ? target.capture() : target.capture_rows(kProofRows);
                last_proof = steady_now;
                report = describe_frame(image, want_png, src.status, src.snapshot.get(), build,
                                        max_unchanged);
            } else {
                report.fingerprint = rt.health.snapshot().fingerprint;
                report.build_time = build;
                report.state = display_state(src.status.mode);
                report.snapshot_version = src.snapshot ? src.snapshot->version : 0;
                report.snapshot_as_of = src.snapshot ? src.snapshot->as_of : model::TimePoint{};
                report.max_unchanged = max_unchanged;
            }
            if (want_png) {
                report.scene =
                    std::make_shared<const std::vector<std::uint8_t>>(scene_json_bytes(scene));
            }
            report.public_view = in.screen && config::is_public(*in.screen);
            report.layout = layout_state(layout_file.get());
            report.layout_rejections = layout_file ? layout_file->rejections() : 0;
            report.glyph_fallbacks = glyphs.missing;
            report.first_missing_glyph = glyphs.first;
            if (glyphs.first != logged_missing_glyph) {
                logged_missing_glyph = glyphs.first;
                if (glyphs.missing > 0) {
                    log.warning("the frame drew " + std::to_string(glyphs.missing) +
                                " characters as '?' (no glyph in the font), first U+" +
                                hex_code(glyphs.first));
                }
            }
            rt.health.frame_presented(report);
            SDL_RenderPresent(target.renderer());
            want_png = false;
            last_frame = t0;
            next_due = next_redraw(src.now, src.snapshot.get(), screen);
            if (lf.next_change) next_due = std::min(next_due, now + (*lf.next_change - wall_now));
            if (src.status.mode == display::WallStatus::Mode::frozen) {
                next_due = now + std::chrono::minutes{1};
            }
            if (const auto held = snapshot_sync.next_switch()) next_due = std::min(next_due, *held);
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
