// Poisson spike test per cell: a cell is judged against its own history, never the region's.
#include "model/spike_detector.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace tsur::model {
namespace {

// log(k!) without lgamma, whose glibc version writes the global signgam.
double log_factorial(std::uint32_t k) {
    if (k < 32) {
        double sum = 0.0;
        for (std::uint32_t i = 2; i <= k; ++i) sum += std::log(static_cast<double>(i));
        return sum;
    }
    // Stirling series; at k >= 32 the next term is below 1e-12.
    const double n = k;
    return n * std::log(n) - n + 0.5 * std::log(2.0 * std::numbers::pi * n) + 1.0 / (12.0 * n) -
           1.0 / (360.0 * n * n * n);
}

}  // namespace

double poisson_tail_at_least(std::uint32_t k, double lambda) {
    if (k == 0) return 1.0;
    if (lambda <= 0.0) return 0.0;
    // The pmf peaks near lambda. Above it, sum the tail upwards (terms shrink geometrically);
    // below it, the tail is large, so 1 - (head summed downwards from k-1) loses nothing.
    const auto log_pmf = [&](std::uint32_t j) {
        return -lambda + j * std::log(lambda) - log_factorial(j);
    };
    if (static_cast<double>(k) > lambda) {
        double term = std::exp(log_pmf(k));
        double sum = 0.0;
        for (std::uint32_t j = k; term > sum * 1e-17; ++j) {
            sum += term;
            term *= lambda / (j + 1);
            if (term == 0.0) break;
        }
        return std::min(sum, 1.0);
    }
    double term = std::exp(log_pmf(k - 1));
    double head = 0.0;
    for (std::uint32_t j = k - 1;; --j) {
        head += term;
        if (j == 0 || term < head * 1e-17) break;
        term *= j / lambda;
    }
    return std::clamp(1.0 - head, 0.0, 1.0);
}

std::chrono::sys_days local_day(TimePoint t, Seconds utc_offset) {
    return std::chrono::floor<std::chrono::days>(t + utc_offset);
}

std::vector<Spike> detect_spikes(std::span<const DailyCount> history,
                                 std::span<const SectorCounts> today_counts,
                                 std::chrono::sys_days today, const SpikeOptions& options) {
    // Flat arrays, not maps: the display asks for spikes on every redraw.
    const std::size_t cells = today_counts.size() * kSectorCount;
    const int window = std::max(options.baseline_days, 0);
    const auto first = today - std::chrono::days{window};
    std::vector<bool> covered(static_cast<std::size_t>(window), false);
    std::vector<std::uint64_t> sums(cells, 0);
    for (const auto& d : history) {
        if (d.day < first || d.day >= today) continue;
        covered[static_cast<std::size_t>((d.day - first).count())] = true;
        if (d.municipality < today_counts.size()) {
            sums[d.municipality * kSectorCount + index_of(d.sector)] += d.count;
        }
    }
    std::vector<Spike> spikes;
    const auto covered_days = std::count(covered.begin(), covered.end(), true);
    if (covered_days == 0 || covered_days < options.min_baseline_days) return spikes;
    const double days = static_cast<double>(covered_days);
    const double threshold =
        options.per_matrix
            ? options.max_p_value / static_cast<double>(std::max<std::size_t>(cells, 1))
            : options.max_p_value;

    for (std::size_t m = 0; m < today_counts.size(); ++m) {
        for (std::size_t s = 0; s < kSectorCount; ++s) {
            const std::uint32_t count = today_counts[m][s];
            if (count < options.min_count) continue;
            const double mean = static_cast<double>(sums[m * kSectorCount + s]) / days;
            const double norm = std::max(mean, options.min_baseline_mean);
            const double factor = count / norm;
            if (factor < options.min_factor) continue;
            const double p = poisson_tail_at_least(count, norm);
            if (p >= threshold) continue;
            spikes.push_back(Spike{static_cast<MunicipalityIndex>(m), static_cast<Sector>(s), count,
                                   mean, factor, p});
        }
    }
    std::sort(spikes.begin(), spikes.end(), [](const Spike& a, const Spike& b) {
        // Full tie-breaking: every PC of a wall must list the same spikes in the same order.
        if (a.factor != b.factor) return a.factor > b.factor;
        if (a.today != b.today) return a.today > b.today;
        return std::pair(a.municipality, a.sector) < std::pair(b.municipality, b.sector);
    });
    return spikes;
}

std::vector<Spike> detect_spikes(const Snapshot& snapshot, const SpikeOptions& options) {
    const Seconds offset = snapshot.region ? snapshot.region->utc_offset : Region{}.utc_offset;
    return detect_spikes(snapshot.history, snapshot.aggregates.today_by_muni_sector,
                         local_day(snapshot.as_of, offset), options);
}

SectorSeries sector_series(std::span<const DailyCount> history, std::chrono::sys_days last_day,
                           int days) {
    SectorSeries series;
    const int n = std::max(days, 0);
    series.first_day = last_day - std::chrono::days{n - 1};
    for (auto& c : series.counts) c.assign(static_cast<std::size_t>(n), 0);
    for (const auto& d : history) {
        if (d.day < series.first_day || d.day > last_day) continue;
        const auto offset = static_cast<std::size_t>((d.day - series.first_day).count());
        series.counts[index_of(d.sector)][offset] += d.count;
    }
    return series;
}

SectorSeries sector_series(const Snapshot& snapshot, int days) {
    const Seconds offset = snapshot.region ? snapshot.region->utc_offset : Region{}.utc_offset;
    const auto today = local_day(snapshot.as_of, offset);
    SectorSeries series = sector_series(snapshot.history, today, days);
    if (days <= 0) return series;
    // The live incidents are complete for today; a history entry for today may be stale.
    const SectorCounts today_total = region_totals(snapshot.aggregates.today_by_muni_sector,
                                                   snapshot.aggregates.region_wide_today);
    for (std::size_t s = 0; s < kSectorCount; ++s) series.counts[s].back() = today_total[s];
    return series;
}

}  // namespace tsur::model
