// KPI tiles: open, overdue now, at risk, answered today, median answer time, on-time and solved
// shares over 7 days; big numbers with small labels.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_kpi_strip(const model::Snapshot* snap, const config::WidgetSpec& spec,
                    const FrameContext& ctx);

/// Columns of a grid of `n` tiles in a w x h area so tiles come closest to `aspect` (w/h).
std::size_t tile_columns(std::size_t n, float w, float h, float aspect);

}  // namespace tsur::display
