// Spike detection per municipality x sector against each cell's own daily baseline, and the
// per-sector daily series behind the trend sparklines.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "model/aggregates.hpp"
#include "model/snapshot.hpp"

namespace tsur::model {

/// P(X >= k) for X ~ Poisson(lambda), accurate in the far tail (no 1 - (almost 1)).
double poisson_tail_at_least(std::uint32_t k, double lambda);

/// Thresholds of the spike test; a plain value.
struct SpikeOptions {
    int baseline_days = 28;       ///< days before today that form the baseline
    int min_baseline_days = 7;    ///< fewer days of history covered: no verdict at all
    std::uint32_t min_count = 5;  ///< a spike needs at least this many today
    double min_factor = 2.0;      ///< ... and today >= min_factor x the cell's norm
    /// ... and P(X >= today | baseline) below this. With `per_matrix` it bounds the chance of
    /// any false marker on the whole municipality x sector matrix today (Bonferroni: each cell
    /// is tested at max_p_value / cells); without it, each cell is tested at max_p_value, which
    /// on a 30 x 9 matrix of steady noise marks a false spike every ten days or so.
    double max_p_value = 0.001;
    bool per_matrix = true;
    /// A quiet cell's norm is never taken below this many a day, so its first handful of
    /// incidents reads as "x10", not "x140".
    double min_baseline_mean = 0.5;
};

/// One cell whose count today is improbably high; a plain value.
struct Spike {
    MunicipalityIndex municipality = 0;
    Sector sector = Sector::other;
    std::uint32_t today = 0;
    double baseline_mean = 0.0;  ///< incidents a day over the baseline days (before the floor)
    double factor = 0.0;         ///< today / max(baseline_mean, min_baseline_mean)
    double p_value = 1.0;
};

/// Spikes, highest factor first. `history` gives past local days (entries for `today` or later
/// are ignored; a day covered by any entry counts as zero for cells it does not list);
/// `today_counts` is [municipality][sector] for the local day `today`.
std::vector<Spike> detect_spikes(std::span<const DailyCount> history,
                                 std::span<const SectorCounts> today_counts,
                                 std::chrono::sys_days today, const SpikeOptions& options = {});

/// detect_spikes() on a snapshot: its history, and today's counts from its incidents.
std::vector<Spike> detect_spikes(const Snapshot& snapshot, const SpikeOptions& options = {});

/// Daily totals per sector over `days` local days ending with `last_day` (oldest first).
struct SectorSeries {
    std::chrono::sys_days first_day{};
    std::array<std::vector<std::uint32_t>, kSectorCount> counts;
};

/// Series from history alone; days it does not cover are 0.
SectorSeries sector_series(std::span<const DailyCount> history, std::chrono::sys_days last_day,
                           int days = 30);

/// The snapshot's last `days` days ending today: past days from its history, today's point from
/// its incidents (so the last point is "today so far").
SectorSeries sector_series(const Snapshot& snapshot, int days = 30);

/// The local calendar day of an instant.
std::chrono::sys_days local_day(TimePoint t, Seconds utc_offset);

}  // namespace tsur::model
