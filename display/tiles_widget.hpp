// The municipality tile view: one equal tile per municipality, laid out roughly as the region
// lies, each with its name, open count, overdue count and a bar of its open incidents by sector.
// Tiles never overlap, so it reads from the back of a briefing room at any load.
#pragma once

#include <optional>
#include <string>

#include "config/layout.hpp"
#include "display/fonts.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_tiles(const model::Snapshot* snap, const config::WidgetSpec& spec,
                const FrameContext& ctx);

/// Why a tiles cell `cell` px big cannot show the largest region pack's tiles in text of `scale`
/// (what check-layout says); nullopt when it can.
std::optional<std::string> tiles_room_problem(const Rect& cell, const TypeScale& scale);

}  // namespace tsur::display
