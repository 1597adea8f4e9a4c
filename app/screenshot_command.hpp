// `tsur-wall --screenshot`: one frame of a layout at an instant, rendered to PNG with no display.
#pragma once

#include "app/command_line.hpp"

namespace tsur::app {

int run_screenshot(const Options& options);

}  // namespace tsur::app
