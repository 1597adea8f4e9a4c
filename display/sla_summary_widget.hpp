// SLA summary: overdue and at-risk counts by sector, and the weekly agency league table (on-time
// share, worst first; agencies with too few cases listed apart).
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_sla_summary(const model::Snapshot* snap, const config::WidgetSpec& spec,
                      const FrameContext& ctx);

}  // namespace tsur::display
