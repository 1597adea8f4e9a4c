// The built-in overview screen used when no layout file is given.
#pragma once

#include "config/layout.hpp"

namespace tsur::display {

/// Header, KPI strip, then map | SLA board | heatmap.
config::Layout overview_layout();

}  // namespace tsur::display
