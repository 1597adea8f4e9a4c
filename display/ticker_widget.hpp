// The ticker widget ("ticker"): the newest incidents, one line each.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws one "ticker" cell; render thread only.
void draw_ticker(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);

}  // namespace tsur::display
