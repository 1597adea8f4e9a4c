// The header bar: region name, local clock and date, and how fresh the data is.
#pragma once

#include "display/widget_registry.hpp"

namespace tsur::display {

void draw_header(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                 const FrameContext& ctx);

}  // namespace tsur::display
