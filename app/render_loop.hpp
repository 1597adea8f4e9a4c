// The main thread's loop: draw the current layout from the newest snapshot on demand, present,
// prove it to /healthz and the watchdog, sleep until something changes.
#pragma once

#include <SDL.h>

#include <filesystem>
#include <optional>
#include <string>

#include "app/frame_plan.hpp"
#include "app/logger.hpp"
#include "config/app_config.hpp"
#include "config/freeze_schedule.hpp"
#include "app/wall_assets.hpp"
#include "app/wall_runtime.hpp"
#include "display/strings.hpp"
#include "display/window_target.hpp"

namespace tsur::app {

struct RenderLoopOptions {
    display::WindowOptions window;
    std::optional<std::filesystem::path> layout_file;  ///< none: the built-in overview
    std::optional<ViewportChoice> viewport;            ///< none: the whole canvas
    display::Language language = display::Language::ru;
    Uint32 wake_event = 0;
    config::FreezeSchedule freeze_schedule;  ///< briefing freezes by the clock
    std::string status_address;       ///< "127.0.0.1:9311", or empty when the status server is off
    config::DisplaySettings display;  ///< panels and viewing distance (built-in overview)
};

/// Runs until SDL_QUIT (SIGTERM/SIGINT); returns the process exit code. Main thread only.
int run_render_loop(WallRuntime& runtime, const WallAssets& assets, Logger& log,
                    const RenderLoopOptions& options);

}  // namespace tsur::app
