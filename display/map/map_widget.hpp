// The incident map widget: the region filled and outlined, municipality names, incidents by
// sector (counted bins when dense), overdue rings, legend, capital inset, per-widget filters.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "display/map/map_layout.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws the map inside ctx.rect; a pure function of its arguments (time from ctx.now, pulses
/// from ctx.anim_seconds). Without geometry it shows "no data"; without a snapshot, the map
/// with "waiting for data". Render thread only (it writes to ctx.draw).
void draw_map(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
              const FrameContext& ctx);

/// The layout draw_map uses inside the panel's content rectangle (for tests and tools).
MapLayout map_layout(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                     const FrameContext& ctx, const Rect& content);

}  // namespace tsur::display
