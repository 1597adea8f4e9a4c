// `tsur-wall check-layout FILE`: every problem of a layout file with its JSON path, and the
// physical size of its smallest text.
#pragma once

#include "app/command_line.hpp"

namespace tsur::app {

/// Exit status: 0 valid, 1 invalid, 2 the file cannot be read.
int run_check_layout(const Options& options);

}  // namespace tsur::app
