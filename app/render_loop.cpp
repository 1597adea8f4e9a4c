// Everything on screen is a function of (layout, snapshot, server time): the loop only decides
// when to draw. It never waits on the network or disk: the io thread publishes snapshots through
// an atomic pointer and wakes the loop with an SDL user event.
#include "app/render_loop.hpp"

#include <systemd/sd-daemon.h>

#include <cstdio>
#include <memory>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/frame_proof.hpp"
#include "app/layout_file.hpp"
#include "app/redraw_schedule.hpp"
#include "app/scene_json.hpp"
#include "app/scene_json.hpp"
#include "app/wall_status.hpp"
#include "app/watchdog.hpp"
#include "config/playlist.hpp"
#include "config/public_screen.hpp"
#include "config/snapshot_sync.hpp"
#include "display/frame_damage.hpp"
#include "display/imgui_session.hpp"
#include "display/map/map_memo.hpp"
#include "display/overview_layout.hpp"
#include "display/theme.hpp"

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

// The debug line that counts what each turn of the loop rasterised.
std::string redraw_line(const display::RedrawPlan& redraw) {
    switch (redraw.kind) {
        case display::RedrawPlan::Kind::none:
            return "redraw: none (frame unchanged)";
        case display::RedrawPlan::Kind::partial: {
            char share[16];
            std::snprintf(share, sizeof share, "%.1f", redraw.damaged_share * 100);
            return "redraw: partial, " + std::to_string(redraw.rects.size()) + " rectangles, " +
                   share + " % of the frame";
        }
        case display::RedrawPlan::Kind::full:
            break;
    }
    return "redraw: full";
}

/// The loop's state between frames; main thread only.
class RenderLoop {
public:
    RenderLoop(WallRuntime& rt, const WallAssets& assets, Logger& log,
               const RenderLoopOptions& options)
        : rt_(rt), assets_(assets), log_(log), options_(options), target_(options.window),
          strings_(display::strings_for(options.language)),
          utc_offset_(assets.assets.region->utc_offset) {
        if (options.layout_file) layout_file_ = std::make_unique<LayoutFile>(*options.layout_file);
        target_.output_size(out_w_, out_h_);
        if (!target_.renderer_note().empty()) log_.info("display: renderer " + target_.renderer_note());
        if (target_.headless()) {
            rt_.health.set_headless(true);
            log_.warning(headless_notice(target_, options.status_address, out_w_, out_h_));
        }
        if (layout_file_) {
            layout_file_->refresh();
            if (layout_file_->layout()) layout_ = layout_file_->layout();
        }
        plan_ = plan_for(layout_);
        publish_screens();
        session_ = std::make_unique<display::ImGuiSession>(target_.renderer(), assets_.fonts,
                                                            plan_.type);
        apply_logical_size();
    }

    int run() {
        while (running_) {
            const auto steady_now = SteadyClock::now();
            const model::TimePoint now = rt_.clock.now();
            reload_layout(steady_now);
            if (rt_.health.take_screenshot_request()) dirty_ = want_png_ = true;
            if (!options_.freeze_schedule.empty()) {
                rt_.freeze.apply_schedule(
                    config::frozen_by_schedule(options_.freeze_schedule, now, utc_offset_),
                    rt_.store.current(), now);
            }
            // The wake event can be lost if it raced SDL's start-up; the generations cannot.
            if (rt_.store.generation() != shown_generation_ ||
                rt_.freeze.generation() != shown_freeze_) {
                dirty_ = true;
            }
            if (dirty_ || now >= next_due_) draw(now, steady_now);
            feed_watchdog(watchdog_, rt_.stats, rt_.health, log_);
            wait_for_events();
        }
        sd_notify(0, "STOPPING=1");
        return 0;
    }

private:
    FramePlan plan_for(const std::shared_ptr<const config::Layout>& l) {
        auto p = plan_frame(*l, l == builtin_, out_w_, out_h_, options_.viewport, options_.display);
        if (!p) {
            log_.error(p.error() + "; showing the whole canvas");
            p = plan_frame(*l, l == builtin_, out_w_, out_h_, std::nullopt, options_.display);
        }
        return p.take();
    }

    void publish_screens() {
        std::vector<std::string> ids;
        for (const auto& screen : layout_->screens) ids.push_back(screen.id);
        rt_.freeze.set_screens(std::move(ids));
    }

    // A canvas of another size than the output (a 4K layout in a test window) is scaled by SDL
    // rather than cropped.
    void apply_logical_size() {
        if (plan_.viewport.output_width != out_w_ || plan_.viewport.output_height != out_h_) {
            SDL_RenderSetLogicalSize(target_.renderer(), plan_.viewport.output_width,
                                     plan_.viewport.output_height);
        } else {
            SDL_RenderSetLogicalSize(target_.renderer(), 0, 0);
        }
    }

    void reload_layout(SteadyClock::time_point steady_now) {
        if (!layout_file_ || steady_now - last_layout_check_ < std::chrono::seconds{1}) return;
        last_layout_check_ = steady_now;
        if (!layout_file_->refresh()) return;
        if (layout_file_->layout() && layout_file_->layout() != layout_) {
            layout_ = layout_file_->layout();
            publish_screens();
            FramePlan next = plan_for(layout_);
            if (next.type.px != plan_.type.px) {
                damage_.invalidate();
                session_.reset();
                session_ = std::make_unique<display::ImGuiSession>(target_.renderer(),
                                                                    assets_.fonts, next.type);
            }
            plan_ = std::move(next);
            apply_logical_size();
            log_.info("layout " + layout_file_->path().string() + " loaded");
        }
        dirty_ = true;
    }

    void draw(model::TimePoint now, SteadyClock::time_point steady_now) {
        shown_generation_ = rt_.store.generation();
        shown_freeze_ = rt_.freeze.generation();
        const auto published = rt_.store.current_published();
        FrameState state;
        state.layout = layout_.get();
        state.plan = &plan_;
        // Every PC of the wall shows a new snapshot from the same server instant, however far
        // apart their polls fetched it (config/snapshot_sync.hpp).
        state.snapshot = snapshot_sync_.pick(published ? published->snapshot : nullptr, now);
        state.now = now;
        // The playlist follows the NTP-kept system clock, not the per-PC server-clock estimate:
        // that is what keeps several PCs of one wall on the same screen at the same second.
        state.playlist_now = std::chrono::floor<model::Seconds>(std::chrono::system_clock::now());
        state.utc_offset = utc_offset_;
        state.live_status =
            wall_status(published.get(), rt_.stats.snapshot(), now, rt_.poll_interval);
        state.freeze = rt_.freeze.view();
        state.layout_invalid = layout_file_ && layout_file_->rejected();
        state.strings = &strings_;
        state.assets = &assets_.assets;
        // compose_frame fails only on a named screen, which the live wall never passes.
        const ComposedFrame frame = compose_frame(state).take();
        display::GlyphTally glyphs;
        display::SceneReport scene;  // /scene.json comes with /screenshot.png
        const auto t0 = SteadyClock::now();
        ImDrawData& draw_data =
            build_composed_frame(*session_, frame, plan_,
                                 std::chrono::duration<float>(t0 - last_frame_).count(), &map_memo_,
                                 &glyphs, want_png_ ? &scene : nullptr);
        // A frame equal to the one on screen is neither rasterised nor presented; where the
        // target keeps its pixels only the damaged rectangles are. A read-back needs the frame in
        // the target, which only a kept surface still holds.
        const bool keeps_pixels = target_.keeps_frame();
        display::RedrawPlan redraw = damage_.plan(draw_data, keeps_pixels);
        if (redraw.kind == display::RedrawPlan::Kind::none && proof_due(steady_now) &&
            !keeps_pixels) {
            redraw.kind = display::RedrawPlan::Kind::full;
        }
        if (redraw.kind != display::RedrawPlan::Kind::none) {
            session_->rasterise(display::dark_theme().background, redraw.rects);
        }
        log_.debug(redraw_line(redraw));
        prove(frame, glyphs, want_png_ ? &scene : nullptr, SteadyClock::now() - t0, steady_now);
        if (redraw.kind != display::RedrawPlan::Kind::none) SDL_RenderPresent(target_.renderer());
        want_png_ = false;
        last_frame_ = t0;
        next_due_ = next_redraw(frame.now, frame.snapshot.get(), frame.screen);
        if (frame.playlist.next_change) {
            next_due_ = std::min(next_due_, now + (*frame.playlist.next_change - state.playlist_now));
        }
        if (frame.status.mode == display::WallStatus::Mode::frozen) {
            next_due_ = now + std::chrono::minutes{1};
        }
        if (const auto held = snapshot_sync_.next_switch()) next_due_ = std::min(next_due_, *held);
        if (auto change = config::next_change_after(options_.freeze_schedule, now, utc_offset_)) {
            next_due_ = std::min(next_due_, *change);
        }
        dirty_ = false;
        if (first_frame_) {
            sd_notify(0, "READY=1");
            first_frame_ = false;
        }
    }

    // Tells /healthz and the watchdog what was drawn; reads pixels back only once a minute or
    // for /screenshot.png.
    void prove(const ComposedFrame& frame, const display::GlyphTally& glyphs,
               const display::SceneReport* scene, SteadyClock::duration build, SteadyClock::time_point steady_now) {
        const bool full = proof_due(steady_now);
        const auto max_unchanged = unchanged_limit(frame.status.mode);
        net::FrameReport report;
        if (full) {
            // A full 4K read-back costs two 32 MB buffers; only /screenshot.png needs one.
            const display::Image image =
                want_png_ ? target_.capture() : target_.capture_rows(kProofRows);
            last_proof_ = steady_now;
            report = describe_frame(image, want_png_, frame.status, frame.snapshot.get(), build,
                                    max_unchanged);
        } else {
            report.fingerprint = rt_.health.snapshot().fingerprint;
            report.build_time = build;
            report.state = display_state(frame.status.mode);
            report.snapshot_version = frame.snapshot ? frame.snapshot->version : 0;
            report.snapshot_as_of = frame.snapshot ? frame.snapshot->as_of : model::TimePoint{};
            report.max_unchanged = max_unchanged;
        }
        if (scene) {
            report.scene =
                std::make_shared<const std::vector<std::uint8_t>>(scene_json_bytes(*scene));
        }
        report.public_view = !frame.off() && frame.screen && config::is_public(*frame.screen);
        report.layout = layout_state(layout_file_.get());
        report.layout_rejections = layout_file_ ? layout_file_->rejections() : 0;
        report.glyph_fallbacks = glyphs.missing;
        report.first_missing_glyph = glyphs.first;
        if (glyphs.first != logged_missing_glyph_) {
            logged_missing_glyph_ = glyphs.first;
            if (glyphs.missing > 0) {
                log_.warning("the frame drew " + std::to_string(glyphs.missing) +
                             " characters as '?' (no glyph in the font), first U+" +
                             hex_code(glyphs.first));
            }
        }
        rt_.health.frame_presented(report);
    }

    bool proof_due(SteadyClock::time_point steady_now) const {
        return want_png_ || steady_now - last_proof_ >= kProofInterval;
    }

    void wait_for_events() {
        long long wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                next_due_ - rt_.clock.now())
                                .count();
        wait_ms = std::clamp<long long>(wait_ms, 10, watchdog_.max_sleep().count());
        wait_ms = std::min<long long>(wait_ms, layout_file_ ? 1000 : 60000);
        SDL_Event ev;
        if (!SDL_WaitEventTimeout(&ev, static_cast<int>(wait_ms))) return;
        do {
            if (ev.type == SDL_QUIT) running_ = false;
            if (ev.type == options_.wake_event) dirty_ = true;
            if (ev.type == SDL_WINDOWEVENT) {
                // Exposed, resized or moved: the window's pixels may be gone.
                damage_.invalidate();
                target_.output_size(out_w_, out_h_);
                if (plan_.builtin) {
                    plan_ = plan_for(layout_);
                    apply_logical_size();
                }
                dirty_ = true;
            }
            if (ev.type == SDL_KEYDOWN && !options_.window.fullscreen &&
                (ev.key.keysym.sym == SDLK_ESCAPE || ev.key.keysym.sym == SDLK_q)) {
                running_ = false;
            }
        } while (SDL_PollEvent(&ev));
    }

    WallRuntime& rt_;
    const WallAssets& assets_;
    Logger& log_;
    const RenderLoopOptions& options_;
    display::WindowTarget target_;
    const display::Strings& strings_;
    const model::Seconds utc_offset_;
    std::unique_ptr<LayoutFile> layout_file_;
    const std::shared_ptr<const config::Layout> builtin_ =
        std::make_shared<const config::Layout>(display::overview_layout());
    std::shared_ptr<const config::Layout> layout_ = builtin_;
    int out_w_ = 0, out_h_ = 0;
    FramePlan plan_;
    std::unique_ptr<display::ImGuiSession> session_;
    Watchdog watchdog_{watchdog_interval()};
    display::MapMemo map_memo_;
    display::FrameDamage damage_;
    config::SnapshotSync snapshot_sync_;
    bool running_ = true, first_frame_ = true, dirty_ = true, want_png_ = false;
    std::uint64_t shown_generation_ = 0, shown_freeze_ = 0;
    char32_t logged_missing_glyph_ = 0;
    model::TimePoint next_due_{};
    SteadyClock::time_point last_frame_ = SteadyClock::now();
    SteadyClock::time_point last_proof_{};
    SteadyClock::time_point last_layout_check_{};
};

}  // namespace

int run_render_loop(WallRuntime& rt, const WallAssets& assets, Logger& log,
                    const RenderLoopOptions& options) {
    RenderLoop loop(rt, assets, log, options);
    // The window and fonts are ready; a cached snapshot parsed meanwhile makes the first frame
    // one with data instead of a "no data" frame rasterised whole and at once replaced.
    rt.wait_for_cache(std::chrono::seconds{2});
    return loop.run();
}

}  // namespace tsur::app
