// The SLA board's content as plain data: filtered rows by urgency, group headers, pages, and the
// public (aggregated) table. No ImGui here so the board's logic is unit-testable.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "config/layout.hpp"
#include "model/sla.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// How long after its deadline a row counts as "just became overdue" and is highlighted once.
inline constexpr model::Seconds kJustOverdueWindow{90};

/// One incident line of the board.
struct BoardRow {
    std::uint32_t incident = 0;   ///< index into Snapshot::incidents
    model::Seconds time_left{0};  ///< due_at - now: negative = overdue by
    model::SlaState state = model::SlaState::in_progress;
    bool just_overdue = false;  ///< 0 <= now - due_at < kJustOverdueWindow
};

/// A line on the board: a group header (agency or municipality) or an incident row.
struct BoardLine {
    enum class Kind : std::uint8_t { group_header, row };
    Kind kind = Kind::row;
    std::string group;  ///< agency name (GroupBy::agency headers only)
    model::MunicipalityIndex group_municipality = 0;  ///< GroupBy::municipality headers only
    std::uint32_t group_size = 0;                     ///< rows in the group (group headers only)
    BoardRow row;                                     ///< rows only
};

/// True when the incident passes the widget's sector/channel/status filters (empty = all).
bool passes_filter(const model::Incident& incident, const config::WidgetSpec& spec);

/// Open incidents that pass the filters, most urgent first (DeadlineIndex order), classified at
/// now; with `breaches_only`, only the overdue and at-risk ones.
std::vector<BoardRow> build_board_rows(const model::Snapshot& snap, const config::WidgetSpec& spec,
                                       model::TimePoint now, bool breaches_only = false);

/// Rows arranged into lines: unchanged for GroupBy::none; otherwise one header per group followed
/// by its rows, groups ordered by their most urgent row (so the worst group comes first).
std::vector<BoardLine> group_board_rows(const model::Snapshot& snap, std::span<const BoardRow> rows,
                                        config::GroupBy group_by);

/// A page: the half-open range [first, last) of lines, and whether it opens by repeating the
/// header of a group begun on the previous page.
struct BoardPage {
    std::size_t first = 0, last = 0;
    bool repeats_header = false;
    std::size_t header_line = 0;  ///< the repeated header's index in the lines (if repeats_header)
};

/// Splits lines into pages of at most `lines_per_page` (>= 1) lines; a page that starts inside a
/// group spends its first line repeating that group's header; a header never ends a page.
/// Always returns at least one page (an empty one when there are no lines).
std::vector<BoardPage> paginate(std::span<const BoardLine> lines, std::size_t lines_per_page);

/// The page shown at `now`: floor(unix seconds / page_seconds) mod page_count. A pure function of
/// time, so several PCs of one wall show the same page without talking to each other.
std::size_t page_at(model::TimePoint now, int page_seconds, std::size_t page_count);

/// How many lines of height `line_h` fit in `height` (never negative).
std::size_t lines_that_fit(float height, float line_h);

/// One line of the public board: counts only, no titles or personal data.
struct PublicRow {
    model::MunicipalityIndex municipality = 0;
    std::uint32_t open = 0;
    std::uint32_t at_risk = 0;
    std::uint32_t overdue = 0;
    model::SectorCounts open_by_sector{};
};

/// Per municipality counts of the filtered open incidents at now, worst first (overdue, then
/// at risk, then open, then the region's order); municipalities with nothing open are left out.
/// Incidents of the region as a whole (model::kRegionWide) make one more row of their own.
std::vector<PublicRow> build_public_rows(const model::Snapshot& snap,
                                         const config::WidgetSpec& spec, model::TimePoint now);

}  // namespace tsur::display
