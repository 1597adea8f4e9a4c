// The "rising now" widget ("rising"): sectors far above their usual count today.
#pragma once

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws one "rising" cell; render thread only.
void draw_rising(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx);

}  // namespace tsur::display
