// The risk calendar widget ("risk_calendar"): dated risks ahead, soonest first.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws one "risk_calendar" cell; render thread only.
void draw_risk_calendar(const model::Snapshot* snap, const config::WidgetSpec& spec,
                        const FrameContext& ctx);

}  // namespace tsur::display
