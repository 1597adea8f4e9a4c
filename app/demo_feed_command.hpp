// `tsur-wall demo-feed`: the simulated region served on its own, for other walls to poll.
#pragma once

#include "app/command_line.hpp"

namespace tsur::app {

int run_demo_feed(const Options& options);

}  // namespace tsur::app
