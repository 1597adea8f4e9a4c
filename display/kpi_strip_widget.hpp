// KPI tiles: open, overdue now, at risk, answered today, median answer time, on-time and solved
// shares over 7 days (window "today" or "7d": what came in over it first); big numbers with
// small labels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// One tile: what it counts and the number.
struct KpiTile {
    std::string_view label;
    std::string value;
    ImU32 colour;
};

/// The tiles the strip shows for `window`: "open" is the state now; "today" leads with what came
/// in and was answered today and leaves out the 7-day shares; "7d" leads with what came in over
/// the 7 days. Render thread (reads ctx.strings, ctx.theme, ctx.now).
std::vector<KpiTile> kpi_tiles(const model::Snapshot& snap, config::Window window,
                               const FrameContext& ctx);

void draw_kpi_strip(const model::Snapshot* snap, const config::WidgetSpec& spec,
                    const FrameContext& ctx);

/// Columns of a grid of `n` tiles in a w x h area so tiles come closest to `aspect` (w/h).
std::size_t tile_columns(std::size_t n, float w, float h, float aspect);

}  // namespace tsur::display
