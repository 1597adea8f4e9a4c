// One frame of the render loop: decide it (compose_frame, the one frame assembly), build its draw
// data, rasterise only what changed, present, prove it to /healthz and the watchdog, and pick
// the next instant the picture changes without new data.
#include <systemd/sd-daemon.h>

#include <algorithm>

#include "app/frame_proof.hpp"
#include "app/redraw_schedule.hpp"
#include "app/render_loop_state.hpp"
#include "app/render_notes.hpp"
#include "app/scene_json.hpp"
#include "app/wall_status.hpp"
#include "config/freeze_schedule.hpp"
#include "config/public_screen.hpp"
#include "display/theme.hpp"

namespace tsur::app {

void RenderLoop::draw(model::TimePoint now, SteadyClock::time_point steady_now) {
    shown_generation_ = rt_.store.generation();
    shown_freeze_ = rt_.freeze.generation();
    const auto published = rt_.store.current_published();
    const FrameState state = frame_state(now, published.get());
    // compose_frame fails only on a named screen, which the live wall never passes.
    const ComposedFrame frame = compose_frame(state).take();
    display::GlyphTally glyphs;
    display::SceneReport scene;  // /scene.json comes with /screenshot.png
    const auto t0 = SteadyClock::now();
    ImDrawData& draw_data = build_composed_frame(
        *session_, frame, plan_, std::chrono::duration<float>(t0 - last_frame_).count(), &map_memo_,
        &glyphs, want_png_ ? &scene : nullptr);
    const display::RedrawPlan redraw = rasterise(draw_data, steady_now);
    log_.debug(redraw_line(redraw));
    prove(frame, glyphs, want_png_ ? &scene : nullptr, SteadyClock::now() - t0, steady_now);
    if (redraw.kind != display::RedrawPlan::Kind::none) target_.present(redraw.rects);
    want_png_ = false;
    last_frame_ = t0;
    schedule_next(frame, now, state.playlist_now);
    dirty_ = false;
    if (first_frame_) {
        sd_notify(0, "READY=1");
        first_frame_ = false;
    }
}

FrameState RenderLoop::frame_state(model::TimePoint now, const net::PublishedSnapshot* published) {
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
    state.live_status = wall_status(published, rt_.stats.snapshot(), now, rt_.poll_interval);
    state.freeze = rt_.freeze.view();
    state.layout_invalid = layout_file_ && layout_file_->rejected();
    state.strings = &strings_;
    state.assets = &assets_.assets;
    return state;
}

// A frame equal to the one on screen is neither rasterised nor presented; where the target
// keeps its pixels only the damaged rectangles are. A read-back needs the frame in the target,
// which only a kept surface still holds.
display::RedrawPlan RenderLoop::rasterise(ImDrawData& draw_data,
                                          SteadyClock::time_point steady_now) {
    const bool keeps_pixels = target_.keeps_frame();
    display::RedrawPlan redraw = damage_.plan(draw_data, keeps_pixels);
    if (redraw.kind == display::RedrawPlan::Kind::none && proof_due(steady_now) && !keeps_pixels) {
        redraw.kind = display::RedrawPlan::Kind::full;
    }
    if (redraw.kind != display::RedrawPlan::Kind::none) {
        session_->rasterise(display::dark_theme().background, redraw.rects);
    }
    return redraw;
}

void RenderLoop::schedule_next(const ComposedFrame& frame, model::TimePoint now,
                               model::TimePoint playlist_now) {
    next_due_ = next_redraw(frame.now, frame.snapshot.get(), frame.screen);
    if (frame.playlist.next_change) {
        next_due_ = std::min(next_due_, now + (*frame.playlist.next_change - playlist_now));
    }
    if (frame.status.mode == display::WallStatus::Mode::frozen) {
        next_due_ = now + std::chrono::minutes{1};
    }
    if (const auto held = snapshot_sync_.next_switch()) next_due_ = std::min(next_due_, *held);
    if (auto change = config::next_change_after(options_.freeze_schedule, now, utc_offset_)) {
        next_due_ = std::min(next_due_, *change);
    }
}

// Tells /healthz and the watchdog what was drawn; reads pixels back only once a minute or for
// /screenshot.png.
void RenderLoop::prove(const ComposedFrame& frame, const display::GlyphTally& glyphs,
                       const display::SceneReport* scene, SteadyClock::duration build,
                       SteadyClock::time_point steady_now) {
    net::FrameReport report = frame_report(frame, build, steady_now);
    if (scene) {
        report.scene = std::make_shared<const std::vector<std::uint8_t>>(scene_json_bytes(*scene));
    }
    report.public_view = !frame.off() && frame.screen && config::is_public(*frame.screen);
    report.layout = layout_state(layout_file_.get());
    report.layout_rejections = layout_file_ ? layout_file_->rejections() : 0;
    report.glyph_fallbacks = glyphs.missing;
    report.first_missing_glyph = glyphs.first;
    note_missing_glyphs(glyphs);
    rt_.health.frame_presented(report);
}

net::FrameReport RenderLoop::frame_report(const ComposedFrame& frame, SteadyClock::duration build,
                                          SteadyClock::time_point steady_now) {
    const auto max_unchanged = unchanged_limit(frame.status.mode);
    if (proof_due(steady_now)) {
        // A full 4K read-back costs two 32 MB buffers; only /screenshot.png needs one.
        const display::Image image =
            want_png_ ? target_.capture() : target_.capture_rows(kProofRows);
        last_proof_ = steady_now;
        return describe_frame(image, want_png_, frame.status, frame.snapshot.get(), build,
                              max_unchanged);
    }
    net::FrameReport report;
    report.fingerprint = rt_.health.snapshot().fingerprint;
    report.build_time = build;
    report.state = display_state(frame.status.mode);
    report.snapshot_version = frame.snapshot ? frame.snapshot->version : 0;
    report.snapshot_as_of = frame.snapshot ? frame.snapshot->as_of : model::TimePoint{};
    report.max_unchanged = max_unchanged;
    return report;
}

// Logged when the first missing character changes, not every frame: a wall redraws each minute.
void RenderLoop::note_missing_glyphs(const display::GlyphTally& glyphs) {
    if (glyphs.first == logged_missing_glyph_) return;
    logged_missing_glyph_ = glyphs.first;
    if (const std::string line = missing_glyph_line(glyphs); !line.empty()) log_.warning(line);
}

bool RenderLoop::proof_due(SteadyClock::time_point steady_now) const {
    return want_png_ || steady_now - last_proof_ >= kProofInterval;
}

}  // namespace tsur::app
