// League layout. The minimum-sample rule gets one line, never more: listing every small agency on
// a wrapped paragraph once left no room for the ranked ones the table exists to show.
#include "display/league_fit.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::display {

LeagueFit fit_league(std::size_t ranked, float width, float height, float row_h, float footer_h,
                     float min_column_w) {
    LeagueFit fit;
    if (ranked == 0 || row_h <= 0 || min_column_w <= 0) return fit;
    const float rows_h = std::max(0.0f, height - footer_h);
    fit.rows = static_cast<std::size_t>(std::floor(rows_h / row_h));
    if (fit.rows == 0) return fit;
    const auto by_width =
        static_cast<std::size_t>(std::max(1.0f, std::floor(width / min_column_w)));
    const std::size_t needed = (ranked + fit.rows - 1) / fit.rows;
    fit.columns = std::clamp<std::size_t>(std::min(by_width, needed), 1, kMaxLeagueColumns);
    fit.shown = std::min(ranked, fit.columns * fit.rows);
    return fit;
}

std::string league_footer(const model::LeagueTable& table, std::size_t shown, std::size_t min_cases,
                          const Strings& s) {
    std::string out;
    if (shown < table.ranked.size()) {
        out = std::string(s.more_word) + " " + std::to_string(table.ranked.size() - shown);
    }
    if (!table.too_few.empty()) {
        if (!out.empty()) out += " \u00B7 ";
        out += std::string(s.few_data) + " (< " + std::to_string(min_cases) + " " +
               std::string(s.cases_abbrev) + "): ";
        for (std::size_t i = 0; i < table.too_few.size(); ++i) {
            if (i > 0) out += ", ";
            const std::string& name = table.too_few[i].agency;
            out += name.empty() ? std::string(s.no_data) : name;
        }
    }
    return out;
}

}  // namespace tsur::display
