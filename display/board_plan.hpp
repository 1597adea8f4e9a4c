// The SLA board's page cycle as plain data: rows split into classes (at risk, overdue), each
// class paged on its own and capped, and what falls off the cycle summarised, not paged forever.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "display/board_rows.hpp"
#include "display/strings.hpp"

namespace tsur::display {

/// Pages a class may take in the cycle: with the default 12 s a page, every class comes back
/// within a minute and a half, so no row is shown once every twenty minutes.
inline constexpr std::size_t kMaxPagesPerClass = 3;
/// Agencies named in the summary of the rows left off the cycle.
inline constexpr std::size_t kTailAgencies = 3;

enum class BoardClass : std::uint8_t { at_risk, overdue };

/// One class of rows in the board's order, grouped and paged; rows past the class's last page
/// are counted in BoardPlan::tail instead.
struct BoardSection {
    BoardClass cls = BoardClass::at_risk;
    std::vector<BoardLine> lines;
    std::vector<BoardPage> pages;  ///< at most kMaxPagesPerClass
    std::uint32_t total = 0;       ///< rows of this class, on a page or not
};

/// Rows of the board that no page shows: counts and the agencies with the most of them.
struct BoardTail {
    std::uint32_t overdue = 0;
    std::uint32_t at_risk = 0;
    std::vector<std::pair<std::string, std::uint32_t>> worst_agencies;  ///< most rows first
    bool empty() const { return overdue == 0 && at_risk == 0; }
};

/// A page of the cycle: which section, and its position within that section.
struct BoardPageRef {
    std::size_t section = 0;
    std::size_t page = 0;
};

/// Everything the board needs to draw any instant's page. Pure value; any thread.
struct BoardPlan {
    std::vector<BoardSection> sections;  ///< non-empty classes in the spec's order
    std::vector<BoardPageRef> cycle;     ///< every page of every section, section by section
    BoardTail tail;
    std::uint32_t overdue_total =
        0;  ///< overdue rows passing the filters (= the KPI when unfiltered)
    std::uint32_t at_risk_total = 0;
};

/// Classifies the filtered open incidents at now (model::classify, via build_board_rows) and
/// plans the cycle. BoardOrder::urgent: at risk (soonest deadline first), then overdue (newest
/// breach first), so the long-overdue tail is what falls off. BoardOrder::oldest_first: overdue
/// (longest first), then at risk. Every non-empty class gets at least one page, so paging never
/// starves a class. `lines_per_page` >= 1.
BoardPlan plan_board(const model::Snapshot& snap, const config::WidgetSpec& spec,
                     model::TimePoint now, std::size_t lines_per_page);

/// The page of the cycle shown at `now` (page_at over the whole cycle); the plan must have one.
const BoardPageRef& page_of_cycle(const BoardPlan& plan, model::TimePoint now, int page_seconds);

/// What a page holds and where it stands: "под угрозой 25 · 1/2", "просрочено 600 · сначала
/// новые · 2/3" (the position only when the class has more than one page; the order hint only
/// with `with_order`, the class's total only with `with_total`).
std::string board_page_label(const BoardPlan& plan, const BoardPageRef& ref, const Strings& s,
                             const config::WidgetSpec& spec, bool with_order = true,
                             bool with_total = true);

/// "не в списке: 560 просрочено, 3 под угрозой · Минстрой 120 · УК Центр 90"; empty when every
/// row is on a page.
std::string board_tail_text(const BoardTail& tail, const Strings& s);

}  // namespace tsur::display
