// Ear clipping: the triangles must tile the polygon exactly (area kept, none outside or in a hole).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "model/geojson_loader.hpp"
#include "model/polygon_measure.hpp"
#include "model/triangulate.hpp"
#include "support/paths.hpp"

namespace tsur::model {
namespace {

/// Rings given as (x = lon, y = lat) pairs, outer first.
GeoPolygon make_polygon(const std::vector<std::vector<std::pair<double, double>>>& rings) {
    GeoPolygon p;
    for (const auto& ring : rings) {
        p.ring_starts.push_back(static_cast<std::uint32_t>(p.points.size()));
        for (const auto& [x, y] : ring) p.points.push_back(GeoPoint{y, x});
    }
    return p;
}

double triangle_area(const GeoPolygon& p, std::size_t t) {
    const GeoPoint tri[3] = {p.points[p.triangles[t]], p.points[p.triangles[t + 1]],
                             p.points[p.triangles[t + 2]]};
    return signed_area(tri);
}

/// What a user of the fill would check: full coverage, nothing outside, nothing degenerate.
void expect_exact_tiling(const GeoPolygon& p) {
    ASSERT_FALSE(p.triangles.empty());
    ASSERT_EQ(p.triangles.size() % 3, 0u);
    double sum = 0;
    for (std::size_t t = 0; t < p.triangles.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k) ASSERT_LT(p.triangles[t + k], p.points.size());
        const double a = triangle_area(p, t);
        EXPECT_GT(a, 0.0) << "triangle " << t / 3 << " is degenerate or clockwise";
        sum += a;
        const GeoPoint c{(p.points[p.triangles[t]].lat + p.points[p.triangles[t + 1]].lat +
                          p.points[p.triangles[t + 2]].lat) /
                             3.0,
                         (p.points[p.triangles[t]].lon + p.points[p.triangles[t + 1]].lon +
                          p.points[p.triangles[t + 2]].lon) /
                             3.0};
        EXPECT_TRUE(contains(p, c)) << "centroid of triangle " << t / 3 << " at " << c.lon << ","
                                    << c.lat << " is outside the polygon or inside a hole";
    }
    const double area = polygon_area(p);
    EXPECT_LT(std::abs(sum - area) / area, 1e-9) << "triangles " << sum << " vs polygon " << area;
}

TEST(Triangulate, ConcaveLShape) {
    auto p = make_polygon({{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}}});
    triangulate(p);
    EXPECT_EQ(p.triangles.size(), 3u * 4);
    expect_exact_tiling(p);
}

TEST(Triangulate, ClockwiseInputGivesSameCoverage) {
    auto p = make_polygon({{{0, 4}, {1, 4}, {1, 1}, {4, 1}, {4, 0}, {0, 0}}});
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, SquareWithSquareHole) {
    auto p = make_polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{3, 3}, {3, 7}, {7, 7}, {7, 3}}});
    triangulate(p);
    EXPECT_DOUBLE_EQ(polygon_area(p), 84.0);
    expect_exact_tiling(p);
    // 8 vertices + 2 bridge copies -> n - 2 = 8 triangles.
    EXPECT_EQ(p.triangles.size(), 3u * 8);
}

TEST(Triangulate, HoleWoundLikeTheOuterRingStillExcluded) {
    auto p = make_polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{3, 3}, {7, 3}, {7, 7}, {3, 7}}});
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, SeveralHolesSideBySideAndStacked) {
    auto p = make_polygon({{{0, 0}, {20, 0}, {20, 10}, {0, 10}},
                           {{2, 2}, {2, 4}, {4, 4}, {4, 2}},
                           {{6, 2}, {6, 4}, {8, 4}, {8, 2}},
                           {{6, 6}, {6, 8}, {8, 8}, {8, 6}},
                           {{12, 3}, {12, 7}, {16, 5}}});
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, CombShape) {
    std::vector<std::pair<double, double>> ring{{0, 0}, {21, 0}};
    for (int tooth = 10; tooth >= 0; --tooth) {
        const double x = 2.0 * tooth;
        ring.emplace_back(x + 1, 10);
        ring.emplace_back(x, 10);
        if (tooth > 0) {
            ring.emplace_back(x, 1);
            ring.emplace_back(x - 1, 1);
        }
    }
    auto p = make_polygon({ring});
    ASSERT_GT(signed_area(p.points), 0.0);
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, CollinearAndRepeatedPointsGiveNoDegenerateTriangles) {
    auto p = make_polygon({{{0, 0},
                            {1, 0},
                            {2, 0},
                            {2, 0},
                            {3, 0},
                            {3, 1},
                            {3, 2},
                            {3, 3},
                            {1.5, 3},
                            {0, 3},
                            {0, 3},
                            {0, 2},
                            {0, 1}}});
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, HoleTouchingAVertexOfAnotherHole) {
    auto p = make_polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}},
                           {{2, 2}, {2, 5}, {5, 5}, {5, 2}},
                           {{5, 5}, {5, 8}, {8, 8}, {8, 5}}});
    triangulate(p);
    expect_exact_tiling(p);
}

TEST(Triangulate, ManyVertexStarIsTiledExactly) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> radius(0.3, 1.0);
    std::vector<std::pair<double, double>> ring;
    constexpr int kN = 3000;
    for (int i = 0; i < kN; ++i) {
        const double a = 2 * std::numbers::pi * i / kN;
        const double r = radius(rng);
        ring.emplace_back(r * std::cos(a), r * std::sin(a));
    }
    auto p = make_polygon({ring});
    triangulate(p);
    expect_exact_tiling(p);
    EXPECT_EQ(p.triangles.size(), 3u * (kN - 2));
}

TEST(Triangulate, SelfIntersectingInputTerminates) {
    auto bow_tie = make_polygon({{{0, 0}, {2, 2}, {2, 0}, {0, 2}}});
    triangulate(bow_tie);
    for (std::size_t t = 0; t < bow_tie.triangles.size(); t += 3) {
        EXPECT_GT(triangle_area(bow_tie, t), 0.0);
    }
    auto spiky = make_polygon({{{0, 0}, {5, 0}, {0, 0}, {5, 5}, {0, 5}, {5, 0}}});
    triangulate(spiky);
    EXPECT_LE(spiky.triangles.size(), 3u * (spiky.points.size() - 2));
    for (std::size_t t = 0; t < spiky.triangles.size(); t += 3) {
        EXPECT_GT(triangle_area(spiky, t), 0.0);
    }
}

TEST(Triangulate, DegenerateInputGivesNothing) {
    auto line = make_polygon({{{0, 0}, {1, 1}, {2, 2}}});
    triangulate(line);
    EXPECT_TRUE(line.triangles.empty());
    auto two = make_polygon({{{0, 0}, {1, 1}}});
    triangulate(two);
    EXPECT_TRUE(two.triangles.empty());
}

TEST(Triangulate, RealUdmurtiaOutline) {
    const std::string text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
    auto geo = parse_region_geometry(text, "outline.geojson");
    ASSERT_TRUE(geo.ok()) << geo.error();
    ASSERT_EQ(geo.value().outline.size(), 1u);
    ASSERT_EQ(geo.value().outline[0].polygons.size(), 1u);
    GeoPolygon& p = geo.value().outline[0].polygons[0];
    EXPECT_EQ(p.points.size(), 1061u);  // 1 062 positions with the closing repeat
    p.triangles.clear();
    triangulate(p);
    EXPECT_EQ(p.triangles.size(), 3u * (p.points.size() - 2));
    expect_exact_tiling(p);
}

}  // namespace
}  // namespace tsur::model
