// `tsur-wall [--demo]`: the wall itself, fullscreen, rendering on demand.
#pragma once

#include "app/command_line.hpp"

namespace tsur::app {

int run_wall(const Options& options);

}  // namespace tsur::app
