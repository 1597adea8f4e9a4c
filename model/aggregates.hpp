// Per-snapshot aggregates computed once at ingest: matrices, channel/status counts, answer times.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/enums.hpp"
#include "model/incident.hpp"
#include "model/region.hpp"

namespace tsur::model {

using SectorCounts = std::array<std::uint32_t, kSectorCount>;

/// Immutable once built; any thread may read it.
struct Aggregates {
    /// [municipality][sector] open incidents.
    std::vector<SectorCounts> open_by_muni_sector;
    /// [municipality][sector] incidents created on the local day of as_of.
    std::vector<SectorCounts> today_by_muni_sector;
    /// [municipality][sector] incidents created in the 7 local days ending with as_of's day.
    std::vector<SectorCounts> week_by_muni_sector;
    /// The same three for incidents of the region as a whole (model::kRegionWide): a matrix plus
    /// these rows adds up to the region's total.
    SectorCounts region_wide_open{};
    SectorCounts region_wide_today{};
    SectorCounts region_wide_week{};
    std::array<std::uint32_t, kChannelCount> open_by_channel{};
    std::array<std::uint32_t, kChannelCount> today_by_channel{};
    std::array<std::uint32_t, kStatusCount> by_status{};
    std::uint32_t total = 0;
    std::uint32_t open = 0;
    std::uint32_t created_today = 0;
    std::uint32_t answered_today = 0;
    /// Median of (answered_at - created_at) over incidents answered in the last 7 days.
    std::optional<Seconds> median_answer_time;
    /// Share (0..1) of incidents answered in the last 7 days that were answered by due_at.
    std::optional<double> on_time_share_7d;
    /// Share (0..1) of incidents closed in the last 7 days whose status is resolved.
    std::optional<double> solved_share_7d;
};

/// Per-sector totals of the whole region: the rows of a [municipality][sector] matrix plus its
/// region-wide row. Every "all municipalities" total goes through here.
SectorCounts region_totals(std::span<const SectorCounts> by_muni, const SectorCounts& region_wide);

/// Computes every aggregate above; `as_of` and `utc_offset` fix "today" (local midnight).
Aggregates compute_aggregates(std::span<const Incident> incidents, std::size_t municipality_count,
                              TimePoint as_of, Seconds utc_offset);

}  // namespace tsur::model
