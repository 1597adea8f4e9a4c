// `tsur-wall --screenshot`: one frame of a layout at an instant, rendered to PNG with no display.
#pragma once

#include <cstddef>
#include <string>

#include "app/command_line.hpp"
#include "config/app_config.hpp"
#include "display/frame_context.hpp"

namespace tsur::app {

/// What the PNG shows, as compose_frame decided it (for the log line and for tests).
struct ScreenshotReport {
    std::string feed;    ///< "demo", "tsur.feed.v1" or "open311"
    std::string url;     ///< the document fetched
    std::string layout;  ///< layout name or path; "" for the built-in overview
    std::string screen;  ///< id of the screen drawn
    config::Language language = config::Language::ru;
    std::size_t incidents = 0;
    display::WallStatus::Mode mode = display::WallStatus::Mode::live;
    int width = 0, height = 0;
};

/// Writes options.output; returns the exit code (0, 1: feed or write failed, 2: bad input).
/// `report`, when given, receives what the picture shows.
int run_screenshot(const Options& options, ScreenshotReport* report = nullptr);

}  // namespace tsur::app
