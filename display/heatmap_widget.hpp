// The municipality x sector heatmap: counts or rates per 10,000 residents on a colour-blind-safe
// scale, with a legend, sector headers and spike markers.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_heatmap(const model::Snapshot* snap, const config::WidgetSpec& spec,
                  const FrameContext& ctx);

}  // namespace tsur::display
