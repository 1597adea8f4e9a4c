// Density switch and hexagon bins: counts add up, every point is in its nearest hexagon,
// dominant sector and overdue counts are right, and 50,000 points bin quickly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "display/map/point_binning.hpp"

namespace tsur::display {
namespace {

std::vector<MapPoint> random_points(std::size_t n, const Rect& area, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> x(area.x, area.right() - 0.001f);
    std::uniform_real_distribution<float> y(area.y, area.bottom() - 0.001f);
    std::uniform_int_distribution<int> sector(0, static_cast<int>(model::kSectorCount) - 1);
    std::vector<MapPoint> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = MapPoint{x(rng), y(rng), static_cast<std::uint8_t>(sector(rng)),
                          static_cast<std::uint8_t>(i % 7 == 0 ? kPointOverdue : 0)};
    }
    return out;
}

TEST(PointBinning, SparseDotsHideNothingAndAPileHidesAlmostAll) {
    const Rect area{0, 0, 1000, 1000};
    std::vector<MapPoint> grid;
    for (int i = 0; i < 20; ++i) {
        for (int j = 0; j < 20; ++j) grid.push_back(MapPoint{i * 50.0f + 5, j * 50.0f + 5, 0, 0});
    }
    EXPECT_FLOAT_EQ(hidden_share(grid, area, 10), 0.0f);
    const std::vector<MapPoint> pile(100, MapPoint{500, 500, 1, 0});
    EXPECT_FLOAT_EQ(hidden_share(pile, area, 10), 99.0f / 100.0f);
    EXPECT_FLOAT_EQ(hidden_share({}, area, 10), 0.0f);
    EXPECT_FLOAT_EQ(hidden_share(pile, Rect{0, 0, 100, 100}, 10), 0.0f) << "outside the area";
}

TEST(PointBinning, DensityDecidesNotCount) {
    // The same 2,000 points: spread over a 4K map they stay dots, squeezed into a small
    // widget they hide each other and must be binned.
    const auto big = random_points(2000, Rect{0, 0, 3840, 2160}, 1);
    EXPECT_LT(hidden_share(big, Rect{0, 0, 3840, 2160}, 14), kAggregateAboveHiddenShare);
    std::vector<MapPoint> small = big;
    for (MapPoint& p : small) {
        p.x *= 0.1f;
        p.y *= 0.1f;
    }
    EXPECT_GT(hidden_share(small, Rect{0, 0, 384, 216}, 14), kAggregateAboveHiddenShare);
}

TEST(PointBinning, CountsAddUpAndEachPointIsInItsNearestHexagon) {
    const Rect area{100, 50, 1500, 900};
    const float radius = 40;
    auto points = random_points(20000, area, 2);
    points.push_back(MapPoint{5000, 5000, 0, 0});  // outside: not counted
    const auto bins = bin_points(points, area, radius);
    std::uint32_t total = 0, overdue = 0;
    for (const HexBin& b : bins) {
        total += b.count;
        overdue += b.overdue;
        std::uint32_t by_sector = 0;
        for (auto c : b.by_sector) by_sector += c;
        EXPECT_EQ(by_sector, b.count);
        // The centroid of points within one hexagon lies within its circumradius, and so does
        // the member point the bin is drawn at.
        EXPECT_LE(std::hypot(b.centroid_x - b.hex_x, b.centroid_y - b.hex_y), radius + 0.01f);
        EXPECT_LE(std::hypot(b.x - b.hex_x, b.y - b.hex_y), radius + 0.01f);
        EXPECT_TRUE(std::any_of(points.begin(), points.end(), [&](const MapPoint& p) {
            return p.x == b.x && p.y == b.y;
        })) << "a bin is drawn at one of its points";
    }
    EXPECT_EQ(total, 20000u);
    EXPECT_EQ(overdue, (20000u + 6) / 7);
    // Hexagon centres are distinct and at least sqrt(3) R apart.
    for (std::size_t a = 0; a < bins.size(); ++a) {
        for (std::size_t b = a + 1; b < bins.size(); ++b) {
            EXPECT_GE(std::hypot(bins[a].hex_x - bins[b].hex_x, bins[a].hex_y - bins[b].hex_y),
                      std::sqrt(3.0f) * radius - 0.01f);
        }
    }
    // Nearest-centre property for a sample of points.
    for (std::size_t i = 0; i < 500; ++i) {
        const MapPoint& p = points[i];
        float best = 1e9f;
        for (const HexBin& b : bins)
            best = std::min(best, std::hypot(p.x - b.hex_x, p.y - b.hex_y));
        EXPECT_LE(best, radius + 0.01f);
    }
}

TEST(PointBinning, DominantSectorAndFlagsPerBin) {
    const Rect area{0, 0, 400, 400};
    std::vector<MapPoint> points = {{100, 100, 3, kPointOverdue},
                                    {101, 100, 3, 0},
                                    {100, 101, 5, kPointCritical},
                                    {300, 300, 7, kPointOverdue | kPointCritical}};
    const auto bins = bin_points(points, area, 30);
    ASSERT_EQ(bins.size(), 2u);
    EXPECT_EQ(bins[0].count, 3u);
    EXPECT_EQ(bins[0].dominant_sector, 3);
    EXPECT_EQ(bins[0].overdue, 1u);
    EXPECT_EQ(bins[0].critical, 1u);
    EXPECT_NEAR(bins[0].centroid_x, 301.0f / 3, 1e-3);
    EXPECT_FLOAT_EQ(bins[0].x, 100.0f);  // (100, 100) is the member nearest the centroid
    EXPECT_FLOAT_EQ(bins[0].y, 100.0f);
    EXPECT_EQ(bins[1].dominant_sector, 7);
    EXPECT_EQ(bins[1].overdue, 1u);
    EXPECT_EQ(bins[1].critical, 1u);
}

TEST(PointBinning, BadGeometryGivesNoBins) {
    const std::vector<MapPoint> points = {{1, 1, 0, 0}};
    EXPECT_TRUE(bin_points(points, Rect{0, 0, 10, 10}, 0).empty());
    EXPECT_TRUE(bin_points(points, Rect{0, 0, 0, 10}, 5).empty());
    EXPECT_TRUE(bin_points(points, Rect{0, 0, 1e9f, 10}, 1e-3f).empty());
    EXPECT_FLOAT_EQ(hidden_share(points, Rect{0, 0, 10, 10}, NAN), 0.0f);
}

// Speed is measured by bench/map_bench.cpp; here only what 50k points produce.
TEST(PointBinning, FiftyThousandPointsAreAllBinned) {
    const Rect area{0, 0, 3840, 2160};
    const auto points = random_points(50000, area, 3);
    const float share = hidden_share(points, area, 14);
    const auto bins = bin_points(points, area, 50);
    EXPECT_GT(share, 0.0f);
    ASSERT_FALSE(bins.empty());
    std::uint64_t binned = 0;
    for (const auto& b : bins) binned += b.count;
    EXPECT_EQ(binned, 50000u);
}

}  // namespace
}  // namespace tsur::display
