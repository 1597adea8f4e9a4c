// The 30-day trends widget ("trends"): one sparkline per sector.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws one "trends" cell; render thread only.
void draw_trends(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);

}  // namespace tsur::display
