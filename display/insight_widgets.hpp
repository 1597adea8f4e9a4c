// The analysis widgets of issue 5 and the ticker: "rising now" spikes, 30-day sector trends, the
// risk calendar, and the newest incidents.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_rising(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);
void draw_trends(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);
void draw_risk_calendar(const model::Snapshot* snap, const config::WidgetSpec& spec,
                        const FrameContext& ctx);
void draw_ticker(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);

}  // namespace tsur::display
