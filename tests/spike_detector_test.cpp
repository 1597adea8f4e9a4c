// Spike detection: Poisson tail values, planted spikes found, steady noise left alone, series.
#include "model/spike_detector.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

const sys_days kToday = sys_days{std::chrono::year{2026} / 11 / 23};
constexpr std::size_t kMunicipalities = 30;

// Reference values from exact decimal summation (50 significant digits).
TEST(PoissonTail, MatchesHandComputedValues) {
    EXPECT_NEAR(poisson_tail_at_least(5, 1.0), 0.0036598468273437123, 1e-15);
    EXPECT_NEAR(poisson_tail_at_least(1, 2.5), 1.0 - std::exp(-2.5), 1e-15);
    EXPECT_NEAR(poisson_tail_at_least(3, 0.25), 0.0021614966897625126, 1e-15);
    EXPECT_NEAR(poisson_tail_at_least(100, 100.0), 0.51329879827914866, 1e-12);
    EXPECT_DOUBLE_EQ(poisson_tail_at_least(0, 3.0), 1.0);
    EXPECT_DOUBLE_EQ(poisson_tail_at_least(1, 0.0), 0.0);
}

TEST(PoissonTail, FarTailKeepsRelativePrecision) {
    EXPECT_NEAR(poisson_tail_at_least(50, 1.0) / 1.2337508979097352e-65, 1.0, 1e-9);
    EXPECT_NEAR(poisson_tail_at_least(30, 5.0) / 2.8175176155779226e-14, 1.0, 1e-9);
    EXPECT_NEAR(poisson_tail_at_least(7, 0.5) / 1.0023796028843001e-06, 1.0, 1e-9);
}

TEST(PoissonTail, DecreasesWithCountAndGrowsWithMean) {
    for (std::uint32_t k = 1; k < 60; ++k) {
        EXPECT_LT(poisson_tail_at_least(k + 1, 7.5), poisson_tail_at_least(k, 7.5)) << k;
        EXPECT_LT(poisson_tail_at_least(k, 7.5), poisson_tail_at_least(k, 7.6)) << k;
    }
}

DailyCount cell_day(sys_days day, MunicipalityIndex m, Sector s, std::uint32_t count) {
    return DailyCount{day, m, s, count};
}

// 28 past days: every cell 4 a day, except Glazov (3) transport alternating 2 and 3.
std::vector<DailyCount> steady_history(int days_back = 28) {
    std::vector<DailyCount> history;
    for (int d = 1; d <= days_back; ++d) {
        const auto day = kToday - days{d};
        for (MunicipalityIndex m = 0; m < kMunicipalities; ++m) {
            for (std::size_t s = 0; s < kSectorCount; ++s) {
                const auto sector = static_cast<Sector>(s);
                const bool glazov_transport = m == 3 && sector == Sector::transport;
                history.push_back(cell_day(day, m, sector, glazov_transport ? 2 + d % 2 : 4));
            }
        }
    }
    return history;
}

std::vector<SectorCounts> flat_today(std::uint32_t count) {
    SectorCounts row{};
    row.fill(count);
    return std::vector<SectorCounts>(kMunicipalities, row);
}

TEST(SpikeDetector, FindsAPlantedSpikeAndNothingElse) {
    auto today = flat_today(5);
    today[3][index_of(Sector::transport)] = 14;
    const auto spikes = detect_spikes(steady_history(), today, kToday);
    ASSERT_EQ(spikes.size(), 1u);
    EXPECT_EQ(spikes[0].municipality, 3);
    EXPECT_EQ(spikes[0].sector, Sector::transport);
    EXPECT_EQ(spikes[0].today, 14u);
    EXPECT_DOUBLE_EQ(spikes[0].baseline_mean, 2.5);
    EXPECT_DOUBLE_EQ(spikes[0].factor, 14 / 2.5);
    EXPECT_LT(spikes[0].p_value, 1e-5);
}

TEST(SpikeDetector, SortsByFactor) {
    auto today = flat_today(4);
    today[0][index_of(Sector::roads)] = 30;      // x7.5
    today[3][index_of(Sector::transport)] = 25;  // x10
    today[7][index_of(Sector::waste)] = 20;      // x5
    const auto spikes = detect_spikes(steady_history(), today, kToday);
    ASSERT_EQ(spikes.size(), 3u);
    EXPECT_EQ(spikes[0].municipality, 3);
    EXPECT_EQ(spikes[1].municipality, 0);
    EXPECT_EQ(spikes[2].municipality, 7);
}

TEST(SpikeDetector, NeedsMinimumCountFactorAndImprobability) {
    std::vector<DailyCount> history;
    for (int d = 1; d <= 28; ++d) {
        history.push_back(cell_day(kToday - days{d}, 0, Sector::roads, 40));
        history.push_back(cell_day(kToday - days{d}, 1, Sector::roads, d == 5 ? 1 : 0));
    }
    auto today = flat_today(0);
    today[0][index_of(Sector::roads)] = 79;  // improbable, but x1.98 < x2
    today[1][index_of(Sector::roads)] = 4;   // x8 on a quiet cell, but fewer than 5
    EXPECT_TRUE(detect_spikes(history, today, kToday).empty());
    today[0][index_of(Sector::roads)] = 80;
    today[1][index_of(Sector::roads)] = 8;
    const auto spikes = detect_spikes(history, today, kToday);
    ASSERT_EQ(spikes.size(), 2u);
    // The quiet cell's norm is floored at 0.5 a day: x16, not x224.
    EXPECT_EQ(spikes[0].municipality, 1);
    EXPECT_DOUBLE_EQ(spikes[0].factor, 16.0);
    EXPECT_DOUBLE_EQ(spikes[0].baseline_mean, 1.0 / 28.0);
    EXPECT_DOUBLE_EQ(spikes[1].factor, 2.0);
}

TEST(SpikeDetector, TooLittleHistoryGivesNoVerdict) {
    auto today = flat_today(4);
    today[3][index_of(Sector::transport)] = 40;
    EXPECT_TRUE(detect_spikes(steady_history(6), today, kToday).empty());
    EXPECT_EQ(detect_spikes(steady_history(7), today, kToday).size(), 1u);
}

TEST(SpikeDetector, IgnoresHistoryOfTodayAndBeyondTheBaseline) {
    auto history = steady_history(40);
    history.push_back(cell_day(kToday, 3, Sector::transport, 500));
    auto today = flat_today(4);
    today[3][index_of(Sector::transport)] = 14;
    const auto spikes = detect_spikes(history, today, kToday);
    ASSERT_EQ(spikes.size(), 1u);
    EXPECT_DOUBLE_EQ(spikes[0].baseline_mean, 2.5);
}

// 60 days of Poisson noise, 30 x 9 cells with means from 0.1 to 30 a day: every day from the
// 29th on is judged against its own 28 days before.
struct NoisyRegion {
    std::vector<double> means;                      // [muni * kSectorCount + sector]
    std::vector<std::vector<std::uint32_t>> daily;  // [day][cell]

    explicit NoisyRegion(std::uint32_t seed, int day_count = 60) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> log_mean(std::log(0.1), std::log(30.0));
        for (std::size_t c = 0; c < kMunicipalities * kSectorCount; ++c) {
            means.push_back(std::exp(log_mean(rng)));
        }
        for (int d = 0; d < day_count; ++d) {
            std::vector<std::uint32_t> counts;
            for (const double mean : means) {
                counts.push_back(std::poisson_distribution<std::uint32_t>(mean)(rng));
            }
            daily.push_back(std::move(counts));
        }
    }
    sys_days day(int d) const { return kToday - days{static_cast<int>(daily.size()) - 1 - d}; }
    std::vector<DailyCount> history_before(int d) const {
        std::vector<DailyCount> out;
        for (int i = 0; i < d; ++i) {
            for (std::size_t c = 0; c < means.size(); ++c) {
                out.push_back(cell_day(day(i), static_cast<MunicipalityIndex>(c / kSectorCount),
                                       static_cast<Sector>(c % kSectorCount), daily[i][c]));
            }
        }
        return out;
    }
    std::vector<SectorCounts> counts_of(int d) const {
        std::vector<SectorCounts> out(kMunicipalities);
        for (std::size_t c = 0; c < means.size(); ++c) {
            out[c / kSectorCount][c % kSectorCount] = daily[d][c];
        }
        return out;
    }
};

TEST(SpikeDetector, SteadyPoissonNoiseMarksNothing) {
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        const NoisyRegion region(seed);
        std::size_t false_spikes = 0;
        for (int d = 28; d < static_cast<int>(region.daily.size()); ++d) {
            false_spikes +=
                detect_spikes(region.history_before(d), region.counts_of(d), region.day(d)).size();
        }
        EXPECT_EQ(false_spikes, 0u) << "seed " << seed;
    }
}

TEST(SpikeDetector, PlantedSpikesInNoiseAreFoundExactly) {
    const NoisyRegion region(4);
    const int last = static_cast<int>(region.daily.size()) - 1;
    auto today = region.counts_of(last);
    std::vector<std::size_t> planted;
    for (std::size_t c = 0; c < region.means.size() && planted.size() < 4; ++c) {
        if (region.means[c] < 5.0) continue;
        today[c / kSectorCount][c % kSectorCount] =
            static_cast<std::uint32_t>(4 * region.means[c] + 10);
        planted.push_back(c);
    }
    ASSERT_EQ(planted.size(), 4u);
    const auto spikes = detect_spikes(region.history_before(last), today, region.day(last));
    ASSERT_EQ(spikes.size(), planted.size());
    for (const auto& s : spikes) {
        const std::size_t cell = s.municipality * kSectorCount + index_of(s.sector);
        EXPECT_NE(std::find(planted.begin(), planted.end(), cell), planted.end()) << cell;
        EXPECT_GT(s.factor, 3.0);
    }
}

TEST(SectorSeries, SumsMunicipalitiesPerSectorAndDay) {
    const std::vector<DailyCount> history{cell_day(kToday - days{1}, 0, Sector::roads, 3),
                                          cell_day(kToday - days{1}, 5, Sector::roads, 4),
                                          cell_day(kToday - days{29}, 0, Sector::waste, 9),
                                          cell_day(kToday - days{30}, 0, Sector::waste, 100)};
    const auto series = sector_series(history, kToday, 30);
    EXPECT_EQ(series.first_day, kToday - days{29});
    ASSERT_EQ(series.counts[index_of(Sector::roads)].size(), 30u);
    EXPECT_EQ(series.counts[index_of(Sector::roads)][28], 7u);
    EXPECT_EQ(series.counts[index_of(Sector::roads)][29], 0u);
    EXPECT_EQ(series.counts[index_of(Sector::waste)][0], 9u);
}

TEST(SectorSeries, SnapshotSeriesEndsWithTodaySoFar) {
    Snapshot snap;
    auto region = std::make_shared<Region>();
    region->municipalities.resize(2);
    snap.region = region;
    snap.as_of = test::at("2026-11-22T20:30:00Z");  // 00:30 on 23 Nov local
    snap.history = {cell_day(kToday - days{1}, 0, Sector::roads, 6),
                    cell_day(kToday, 0, Sector::roads, 99)};
    snap.aggregates.today_by_muni_sector = {SectorCounts{}, SectorCounts{}};
    snap.aggregates.today_by_muni_sector[0][index_of(Sector::roads)] = 1;
    snap.aggregates.today_by_muni_sector[1][index_of(Sector::roads)] = 2;
    const auto series = sector_series(snap, 30);
    EXPECT_EQ(series.first_day, kToday - days{29});
    EXPECT_EQ(series.counts[index_of(Sector::roads)][28], 6u);
    EXPECT_EQ(series.counts[index_of(Sector::roads)][29], 3u);
}

}  // namespace
}  // namespace tsur::model
