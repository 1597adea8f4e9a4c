// The history book as a small JSON document ("tsur.history.v1"), keyed by municipality and sector
// ids so a saved file survives a reordering of municipalities.csv.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/history_book.hpp"
#include "model/region.hpp"
#include "model/result.hpp"

namespace tsur::model {

inline constexpr std::string_view kHistorySchema = "tsur.history.v1";

/// {"schema":"tsur.history.v1","region":"RU-UD","days":[{"day":"2026-11-20",
///  "counts":{"izhevsk":{"roads":3}}}]}: days oldest first, zero counts left out.
std::string encode_history(const HistoryBook& book, const Region& region);

/// A decoded book and what had to be left out of it.
struct DecodedHistory {
    HistoryBook book;
    std::size_t unknown_municipalities = 0;  ///< counts under an id the region no longer has
    std::size_t unknown_sectors = 0;         ///< counts under a sector id this build does not know
};

/// Parses encode_history()'s output for `region`; unknown ids are skipped and counted. An Error
/// names `file_name` and the field (days[3].counts.izhevsk.roads) and what was expected.
Result<DecodedHistory> decode_history(std::string_view text, const Region& region,
                                      std::string_view file_name,
                                      int retention_days = kHistoryRetentionDays);

}  // namespace tsur::model
