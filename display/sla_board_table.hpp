// The SLA board's table: columns sized to the cell (some give way on narrow cells), its header
// line, incident rows with countdowns and the group headers of a grouped board.
#pragma once

#include <array>
#include <cstddef>
#include <span>

#include "config/layout.hpp"
#include "display/board_plan.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

enum Col : std::size_t { kDue, kMuni, kSector, kAgency, kChannel, kTitle, kColCount };

/// Where each column of the board sits and how rows are laid out; value type, render thread.
struct Columns {
    std::array<bool, kColCount> shown{};
    std::array<float, kColCount> x{};
    std::array<float, kColCount> w{};
    /// Narrow cells: the title, agency and channel move to a second, smaller line of each row.
    bool two_line = false;
    /// Narrower still: the sector shows as its colour chip alone (the map's legend names it).
    bool sector_chip_only = false;
};

/// The widest countdown among the rows of the first `max_lines` lines: those on the board's pages;
/// measuring every breach of a large snapshot each frame cost more than the rest of the board.
float widest_countdown(const FrameContext& ctx, std::span<const BoardLine> lines,
                       std::size_t max_lines);

/// The columns of a board in `content` whose countdowns are at most `due_w` wide.
Columns layout_columns(const FrameContext& ctx, const model::Snapshot& snap, const Rect& content,
                       float due_w, config::GroupBy group_by);

/// One row's height: one body line, or two lines when the columns are two-line.
float row_height(const FrameContext& ctx, const Columns& c);

/// The column names at `y`.
void draw_header(const FrameContext& ctx, const Columns& c, float y);

/// One incident row in `line`; `stripe` shades every other row.
void draw_row(const FrameContext& ctx, const model::Snapshot& snap, const Columns& c,
              const BoardRow& row, const Rect& line, bool stripe);

/// A group's header line in `line` (its name and size); `continued` when it repeats at the top
/// of a later page.
void draw_group_header(const FrameContext& ctx, const model::Snapshot& snap, const BoardLine& h,
                       const Rect& line, bool continued);

}  // namespace tsur::display
