// How the weekly agency league table fits its rectangle: ranked agencies in columns, worst first,
// and one footer line for the rest and for the minimum-sample rule. Pure, so it is unit-testable.
#pragma once

#include <cstddef>
#include <string>

#include "display/strings.hpp"
#include "model/league_table.hpp"

namespace tsur::display {

/// Most columns the league is split into: beyond three the eye loses the ranking order.
inline constexpr std::size_t kMaxLeagueColumns = 3;

struct LeagueFit {
    std::size_t columns = 1;
    std::size_t rows = 0;   ///< rows per column
    std::size_t shown = 0;  ///< ranked agencies drawn (the worst ones), down each column in turn
};

/// As many columns of at least `min_column_w` as `width` holds (1..kMaxLeagueColumns, no more
/// than needed), and as many rows as `height` holds after one footer line of `footer_h`.
LeagueFit fit_league(std::size_t ranked, float width, float height, float row_h, float footer_h,
                     float min_column_w);

/// The footer: "ещё 12 · мало данных (< 20 случ.): УК Центр, Минфин УР"; empty when every ranked
/// agency is shown and none has too few cases.
std::string league_footer(const model::LeagueTable& table, std::size_t shown, std::size_t min_cases,
                          const Strings& s);

}  // namespace tsur::display
