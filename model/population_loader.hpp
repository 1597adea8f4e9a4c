// Municipal population totals (population.csv beside municipalities.csv): the denominators of
// the heatmap's per-10,000-residents view.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/region.hpp"
#include "model/result.hpp"

namespace tsur::model {

/// What applying a population table did.
struct PopulationReport {
    std::size_t applied = 0;
    std::vector<std::string> unknown_ids;  ///< rows naming no municipality of the region (skipped)
    std::vector<std::string> missing_ids;  ///< municipalities the table has no figure for
};

/// Parses `id,population,reference_date,source` (header names, any order; reference_date an ISO
/// date; source required: a figure without one is a guess) and sets Municipality::population
/// and population_date of `region`. On an Error the region is left unchanged. A municipality
/// absent from the table keeps no figure, so the per-capita view says "no data" for it.
Result<PopulationReport> apply_population_csv(std::string_view csv, std::string_view file_name,
                                              Region& region);

}  // namespace tsur::model
