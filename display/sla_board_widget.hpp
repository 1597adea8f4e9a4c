// The SLA breach board: at-risk and overdue incidents with minute-ticking countdowns, each class
// paged by wall-clock time (display/board_plan.hpp); in public mode an aggregated table by
// municipality with no titles.
#pragma once

#include <string>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

void draw_sla_board(const model::Snapshot* snap, const config::WidgetSpec& spec,
                    const FrameContext& ctx);

/// The public (lobby) variant: counts by municipality and sector only. Called by draw_sla_board.
void draw_public_board(const model::Snapshot& snap, const config::WidgetSpec& spec,
                       const FrameContext& ctx, const Rect& content);

/// Draws "2/5" right-aligned in the panel's title bar when there is more than one page.
void draw_page_indicator(const FrameContext& ctx, std::size_t page, std::size_t pages);
/// Draws `text` right-aligned in the panel's title bar, covering the end of a long title.
void draw_title_note(const FrameContext& ctx, const std::string& text);

}  // namespace tsur::display
