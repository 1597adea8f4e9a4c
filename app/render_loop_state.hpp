// The render loop's state between frames and its steps; private to render_loop*.cpp (the rest of
// the program calls run_render_loop()).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "app/render_loop.hpp"
#include "app/watchdog.hpp"
#include "config/snapshot_sync.hpp"
#include "display/frame_damage.hpp"
#include "display/imgui_session.hpp"
#include "display/map/map_memo.hpp"
#include "display/overview_layout.hpp"

namespace tsur::app {

/// The loop's state between frames and the steps of one turn; main thread only.
class RenderLoop {
public:
    using SteadyClock = std::chrono::steady_clock;

    RenderLoop(WallRuntime& rt, const WallAssets& assets, Logger& log,
               const RenderLoopOptions& options);
    /// Turns until SDL_QUIT or a key that ends a windowed wall; returns the exit code.
    int run();

private:
    // render_loop.cpp: the layout, the output and the events.
    FramePlan plan_for(const std::shared_ptr<const config::Layout>& l);
    void publish_screens();
    void apply_logical_size();
    void reload_layout(SteadyClock::time_point steady_now);
    void follow_freeze_schedule(model::TimePoint now);
    void wait_for_events();
    void handle_event(const SDL_Event& ev);

    // render_loop_frame.cpp: one frame, from the state to the present and its proof.
    void draw(model::TimePoint now, SteadyClock::time_point steady_now);
    FrameState frame_state(model::TimePoint now, const net::PublishedSnapshot* published);
    display::RedrawPlan rasterise(ImDrawData& draw_data, SteadyClock::time_point steady_now);
    void schedule_next(const ComposedFrame& frame, model::TimePoint now,
                       model::TimePoint playlist_now);
    void prove(const ComposedFrame& frame, const display::GlyphTally& glyphs,
               const display::SceneReport* scene, SteadyClock::duration build,
               SteadyClock::time_point steady_now);
    net::FrameReport frame_report(const ComposedFrame& frame, SteadyClock::duration build,
                                  SteadyClock::time_point steady_now);
    void note_missing_glyphs(const display::GlyphTally& glyphs);
    bool proof_due(SteadyClock::time_point steady_now) const;

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
    Watchdog watchdog_;
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

}  // namespace tsur::app
