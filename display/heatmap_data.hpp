// The heatmap's numbers as plain data: window choice, per-10,000 normalisation, row order, the
// rows that fit, and the colour-scale position of a value. No ImGui, so it is unit-testable.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "config/layout.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

struct HeatmapRow {
    model::MunicipalityIndex municipality = 0;
    /// Per sector: the count (or per-10,000 rate); nullopt when the rate cannot be computed.
    std::array<std::optional<double>, model::kSectorCount> values{};
    std::optional<double> total;
    std::uint32_t raw_total = 0;  ///< incidents in the row, whatever the view (for ordering)
};

struct HeatmapData {
    std::vector<HeatmapRow> rows;
    std::array<bool, model::kSectorCount> sector_shown{};  ///< spec.sectors filter (empty = all)
    double max_value = 0;  ///< largest cell value shown (0 when all are empty)
    bool per_capita = false;
    std::size_t population_missing = 0;  ///< per capita: municipalities without a population figure
    std::size_t municipalities = 0;      ///< rows before hiding, for "5 of 30"
    int population_year_min = 0, population_year_max = 0;  ///< reference years of the figures used
};

/// The window's matrix (open / today / 7 days, or overdue at `now` by model::classify()) for
/// every municipality of the region, as counts
/// or per 10,000 residents, ordered by spec.row_order (by total: largest first; ties by region
/// order). Municipalities without population get nullopt values in per-capita mode: never a guess.
/// Incidents of the region as a whole (model::kRegionWide) add one last row when the window has
/// any: the rows then add up to the region's total.
HeatmapData build_heatmap(const model::Snapshot& snap, const config::WidgetSpec& spec,
                          model::TimePoint now);

/// Pages of `per_page` rows that show every row in turn (1 when all fit; 0 when no row fits):
/// a table never drops rows for lack of room.
std::size_t heatmap_pages(const HeatmapData& data, std::size_t per_page);
/// Keeps only page `page` (0-based) of `per_page` rows, in the data's order.
void keep_heatmap_page(HeatmapData& data, std::size_t per_page, std::size_t page);

/// Position of `value` on the colour scale, 0..1 (square-root scale: one big city does not
/// flatten every other row into the darkest colour). 1 for the maximum.
float heat_position(double value, double max_value);
/// The value at a scale position (inverse of heat_position), for the legend's ticks.
double heat_value_at(float position, double max_value);

}  // namespace tsur::display
