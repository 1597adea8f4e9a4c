// Everything on screen is a function of (layout, snapshot, server time): the loop only decides
// when to draw. It never waits on the network or disk: the io thread publishes snapshots through
// an atomic pointer and wakes the loop with an SDL user event. This file holds the turn of the
// loop, the layout and the output; render_loop_frame.cpp draws one frame.
#include "app/render_loop.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>

#include "app/frame_proof.hpp"
#include "app/render_loop_state.hpp"
#include "app/render_notes.hpp"
#include "config/freeze_schedule.hpp"

namespace tsur::app {
namespace {

std::optional<std::chrono::microseconds> watchdog_interval() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) return std::chrono::microseconds{usec};
    return std::nullopt;
}

}  // namespace

RenderLoop::RenderLoop(WallRuntime& rt, const WallAssets& assets, Logger& log,
                       const RenderLoopOptions& options)
    : rt_(rt),
      assets_(assets),
      log_(log),
      options_(options),
      target_(options.window),
      strings_(display::strings_for(options.language)),
      utc_offset_(assets.assets.region->utc_offset),
      watchdog_(watchdog_interval()) {
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
    session_ = std::make_unique<display::ImGuiSession>(target_.raster(), assets_.fonts, plan_.type);
    apply_logical_size();
}

int RenderLoop::run() {
    while (running_) {
        const auto steady_now = SteadyClock::now();
        const model::TimePoint now = rt_.clock.now();
        reload_layout(steady_now);
        if (rt_.health.take_screenshot_request()) dirty_ = want_png_ = true;
        follow_freeze_schedule(now);
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

FramePlan RenderLoop::plan_for(const std::shared_ptr<const config::Layout>& l) {
    auto p = plan_frame(*l, l == builtin_, out_w_, out_h_, options_.viewport, options_.display);
    if (!p) {
        log_.error(p.error() + "; showing the whole canvas");
        p = plan_frame(*l, l == builtin_, out_w_, out_h_, std::nullopt, options_.display);
    }
    return p.take();
}

void RenderLoop::publish_screens() {
    std::vector<std::string> ids;
    for (const auto& screen : layout_->screens) ids.push_back(screen.id);
    rt_.freeze.set_screens(std::move(ids));
}

// A canvas of another size than the output (a 4K layout in a test window) is scaled by SDL
// rather than cropped.
void RenderLoop::apply_logical_size() {
    if (plan_.viewport.output_width != out_w_ || plan_.viewport.output_height != out_h_) {
        SDL_RenderSetLogicalSize(target_.renderer(), plan_.viewport.output_width,
                                 plan_.viewport.output_height);
    } else {
        SDL_RenderSetLogicalSize(target_.renderer(), 0, 0);
    }
}

void RenderLoop::reload_layout(SteadyClock::time_point steady_now) {
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
            session_ =
                std::make_unique<display::ImGuiSession>(target_.raster(), assets_.fonts, next.type);
        }
        plan_ = std::move(next);
        apply_logical_size();
        log_.info("layout " + layout_file_->path().string() + " loaded");
    }
    dirty_ = true;
}

void RenderLoop::follow_freeze_schedule(model::TimePoint now) {
    if (options_.freeze_schedule.empty()) return;
    rt_.freeze.apply_schedule(
        config::frozen_by_schedule(options_.freeze_schedule, now, utc_offset_), rt_.store.current(),
        now);
}

void RenderLoop::wait_for_events() {
    long long wait_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(next_due_ - rt_.clock.now()).count();
    wait_ms = std::clamp<long long>(wait_ms, 10, watchdog_.max_sleep().count());
    wait_ms = std::min<long long>(wait_ms, layout_file_ ? 1000 : 60000);
    SDL_Event ev;
    if (!SDL_WaitEventTimeout(&ev, static_cast<int>(wait_ms))) return;
    do {
        handle_event(ev);
    } while (SDL_PollEvent(&ev));
}

void RenderLoop::handle_event(const SDL_Event& ev) {
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
}

int run_render_loop(WallRuntime& rt, const WallAssets& assets, Logger& log,
                    const RenderLoopOptions& options) {
    RenderLoop loop(rt, assets, log, options);
    // The window and fonts are ready; a cached snapshot parsed meanwhile makes the first frame
    // one with data instead of a "no data" frame rasterised whole and at once replaced.
    rt.wait_for_cache(std::chrono::seconds{2});
    return loop.run();
}

}  // namespace tsur::app
