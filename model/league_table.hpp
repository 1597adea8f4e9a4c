// Weekly agency league table (on-time share, worst first) and overdue/at-risk counts by sector
// and municipality, all read from classify().
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/snapshot.hpp"

namespace tsur::model {

/// One agency's week. A case is an incident answered in the window (on time or late, by its
/// answered_at against due_at), or one still unanswered whose due_at fell in the window (overdue).
struct AgencyRow {
    std::string agency;  ///< as the feed names it; empty when the feed gave none
    std::uint32_t on_time = 0;
    std::uint32_t late = 0;
    std::uint32_t overdue = 0;
    std::uint32_t cases() const { return on_time + late + overdue; }
    /// on_time / cases (0 when there are no cases).
    double on_time_share() const;
};

/// Immutable value; any thread.
struct LeagueTable {
    TimePoint window_begin{};  ///< exclusive
    TimePoint window_end{};    ///< inclusive (= now)
    /// Agencies with at least min_cases cases, worst on-time share first; ties: more overdue
    /// first, then more cases, then by name.
    std::vector<AgencyRow> ranked;
    /// Agencies with fewer cases: shown as "too few data", never ranked; ordered by name.
    std::vector<AgencyRow> too_few;
};

inline constexpr std::size_t kDefaultLeagueMinCases = 20;

/// The league table for the 7 days ending at `now` (the window (now - 7 days, now]).
LeagueTable agency_league_table(const Snapshot& snapshot, TimePoint now,
                                std::size_t min_cases = kDefaultLeagueMinCases);

/// Overdue and at-risk open incidents per sector at one instant; a plain value.
struct SectorSlaCounts {
    std::array<std::uint32_t, kSectorCount> overdue{};
    std::array<std::uint32_t, kSectorCount> at_risk{};
};

/// Open incidents that are overdue / at risk at `now`, by sector (same states as classify()).
SectorSlaCounts overdue_and_at_risk_by_sector(const Snapshot& snapshot, TimePoint now);

/// [municipality][sector] open incidents that classify() calls overdue at `now` (the heatmap's
/// "overdue" window); one row per municipality of the snapshot's region.
std::vector<SectorCounts> overdue_by_municipality_sector(const Snapshot& snapshot, TimePoint now);

}  // namespace tsur::model
