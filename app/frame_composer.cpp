// The rules that pick what a frame shows live here once; the callers differ only in where the
// snapshot and the clocks come from (the live store, a one-off fetch, a test's document).
#include "app/frame_composer.hpp"

#include <chrono>

#include "display/theme.hpp"
#include "display/viewport_render.hpp"

namespace tsur::app {

model::Result<ComposedFrame> compose_frame(const FrameState& state) {
    const config::Layout& layout = *state.layout;
    ComposedFrame out;
    out.playlist = config::layout_frame(layout, state.playlist_now, state.utc_offset);
    out.screen_index = out.playlist.screen < layout.screens.size() ? out.playlist.screen : 0;
    // A briefing freeze may hold the playlist on one screen.
    if (state.freeze.frozen && !state.freeze.screen_id.empty()) {
        for (std::size_t i = 0; i < layout.screens.size(); ++i) {
            if (layout.screens[i].id == state.freeze.screen_id) out.screen_index = i;
        }
    }
    bool on = out.playlist.on;
    if (state.screen) {
        out.screen_index = layout.screens.size();
        for (std::size_t i = 0; i < layout.screens.size(); ++i) {
            if (layout.screens[i].id == *state.screen) out.screen_index = i;
        }
        if (out.screen_index == layout.screens.size()) {
            return model::Error{"--screen: no screen \"" + *state.screen + "\" in the layout"};
        }
        on = true;
    }
    display::WallStatus live = state.live_status;
    live.layout_invalid = live.layout_invalid || state.layout_invalid;
    if (!on) live.mode = display::WallStatus::Mode::off;
    FrameSource src = frame_source(state.freeze, state.snapshot, state.now, std::move(live));
    const config::Screen* screen =
        layout.screens.empty() ? nullptr : &layout.screens[out.screen_index];
    out.screen = screen;
    out.snapshot = std::move(src.snapshot);
    out.now = src.now;
    out.status = std::move(src.status);
    const FramePlan& plan = *state.plan;
    out.canvas = display::canvas_rect(plan.geometry);
    out.gap_px =
        screen ? display::cell_gap_px(plan.geometry, *screen, plan.type.px[0] * 0.4f) : 0.0f;
    out.strings = state.strings;
    out.assets = state.assets;
    return out;
}

display::FrameInputs ComposedFrame::inputs(display::MapMemo* memo, display::GlyphTally* glyphs,
                                           display::SceneReport* scene) const {
    display::FrameInputs in;
    in.snapshot = off() ? nullptr : snapshot.get();
    in.screen = off() ? nullptr : screen;
    in.canvas = canvas;
    in.viewport = canvas;
    in.gap_px = gap_px;
    in.now = now;
    // Pulses step with the minute, as the clock does: the wall redraws at a page turn or a poll
    // at any second, and a phase that differed between those frames would redraw every overdue
    // ring of the map (a third of the frame) with nothing new to show.
    in.anim_seconds = static_cast<double>(
        std::chrono::floor<std::chrono::minutes>(now).time_since_epoch() / model::Seconds{1});
    in.status = &status;
    in.theme = &display::dark_theme();
    in.strings = strings;
    in.assets = assets;
    in.map_memo = memo;
    in.glyphs = glyphs;
    in.scene = scene;
    return in;
}

ImDrawData& build_composed_frame(display::ImGuiSession& session, const ComposedFrame& frame,
                                 const FramePlan& plan, float delta_seconds, display::MapMemo* memo,
                                 display::GlyphTally* glyphs, display::SceneReport* scene) {
    return display::build_viewport(session, frame.inputs(memo, glyphs, scene), plan.viewport,
                                   delta_seconds, frame.playlist.shift);
}

void draw_composed_frame(display::ImGuiSession& session, const ComposedFrame& frame,
                         const FramePlan& plan, float delta_seconds, display::MapMemo* memo,
                         display::GlyphTally* glyphs, display::SceneReport* scene) {
    display::render_viewport(session, frame.inputs(memo, glyphs, scene), plan.viewport,
                             delta_seconds, frame.playlist.shift);
}

}  // namespace tsur::app
