// Grid arithmetic: fractions share the space left after gaps, spans cover the gaps they cross,
// and whole-pixel rounding never makes neighbouring cells overlap.
#include <gtest/gtest.h>

#include <cmath>

#include "display/screen_grid.hpp"

namespace tsur::display {
namespace {

config::Cell cell(int col, int row, int col_span = 1, int row_span = 1) {
    config::Cell c;
    c.col = col;
    c.row = row;
    c.col_span = col_span;
    c.row_span = row_span;
    return c;
}

config::Screen screen(std::vector<float> columns, std::vector<float> rows,
                      std::vector<config::Cell> cells) {
    config::Screen s;
    s.columns = std::move(columns);
    s.rows = std::move(rows);
    s.cells = std::move(cells);
    return s;
}

TEST(ScreenGrid, FractionsShareTheSpaceLeftAfterGaps) {
    // 1000 px wide, gap 10: 970 px of cells split 3:2 -> 582 and 388.
    const auto s = screen({3, 2}, {1}, {cell(0, 0), cell(1, 0)});
    const auto r = cell_rects(s, Rect{0, 0, 1000, 500}, 10);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_FLOAT_EQ(r[0].x, 10);
    EXPECT_FLOAT_EQ(r[0].w, 582);
    EXPECT_FLOAT_EQ(r[1].x, 602);
    EXPECT_FLOAT_EQ(r[1].w, 388);
    EXPECT_FLOAT_EQ(r[1].right(), 990);  // the edge gap on the right too
    EXPECT_FLOAT_EQ(r[0].y, 10);
    EXPECT_FLOAT_EQ(r[0].h, 480);
}

TEST(ScreenGrid, FractionsNeedNotSumToOne) {
    const auto a =
        cell_rects(screen({0.25f, 0.75f}, {1}, {cell(0, 0), cell(1, 0)}), Rect{0, 0, 800, 600}, 0);
    const auto b =
        cell_rects(screen({1, 3}, {1}, {cell(0, 0), cell(1, 0)}), Rect{0, 0, 800, 600}, 0);
    EXPECT_FLOAT_EQ(a[0].w, 200);
    EXPECT_FLOAT_EQ(b[0].w, 200);
    EXPECT_FLOAT_EQ(a[1].w, b[1].w);
}

TEST(ScreenGrid, SpansCoverTheGapsTheyCross) {
    const auto s = screen({1, 1, 1}, {1, 1}, {cell(0, 0, 3, 1), cell(0, 1), cell(1, 1, 2, 1)});
    const auto r = cell_rects(s, Rect{0, 0, 1240, 640}, 20);
    // Three columns of (1240 - 4*20)/3 = 386.67 px.
    EXPECT_FLOAT_EQ(r[0].x, 20);
    EXPECT_FLOAT_EQ(r[0].right(), 1220);
    EXPECT_NEAR(r[2].w, 2 * 386.67 + 20, 1.0);
    EXPECT_FLOAT_EQ(r[2].right(), r[0].right());
}

TEST(ScreenGrid, AreaOffsetMovesEveryCell) {
    const auto s = screen({1, 2}, {1, 1}, {cell(0, 0), cell(1, 1)});
    const auto at_origin = cell_rects(s, Rect{0, 0, 900, 600}, 8);
    const auto moved = cell_rects(s, Rect{100, 50, 900, 600}, 8);
    for (std::size_t i = 0; i < at_origin.size(); ++i) {
        EXPECT_FLOAT_EQ(moved[i].x, at_origin[i].x + 100);
        EXPECT_FLOAT_EQ(moved[i].y, at_origin[i].y + 50);
        EXPECT_FLOAT_EQ(moved[i].w, at_origin[i].w);
    }
}

TEST(ScreenGrid, RoundedCellsNeverOverlapAndKeepTheirGap) {
    // Awkward sizes: 7 columns of a prime width, fractional gaps.
    const std::vector<float> cols = {0.13f, 0.17f, 0.11f, 0.19f, 0.07f, 0.2f, 0.13f};
    for (float gap : {0.0f, 3.5f, 13.0f}) {
        config::Screen s = screen(cols, {1}, {});
        for (int c = 0; c < 7; ++c) s.cells.push_back(cell(c, 0));
        const auto r = cell_rects(s, Rect{0, 0, 1931, 211}, gap);
        for (std::size_t i = 0; i < r.size(); ++i) {
            EXPECT_EQ(r[i].x, std::round(r[i].x)) << "cell edges are whole pixels";
            EXPECT_EQ(r[i].w, std::round(r[i].w));
            if (i == 0) continue;
            EXPECT_GE(r[i].x, r[i - 1].right()) << "gap " << gap << ", cell " << i;
            EXPECT_NEAR(r[i].x - r[i - 1].right(), gap, 1.0) << "gap " << gap << ", cell " << i;
        }
        EXPECT_LE(r.back().right(), 1931.0f);
    }
}

TEST(ScreenGrid, EveryPixelBelongsToAtMostOneCell) {
    const auto s = screen({0.3f, 0.3f, 0.4f}, {0.33f, 0.33f, 0.34f},
                          {cell(0, 0, 2, 2), cell(2, 0, 1, 3), cell(0, 2), cell(1, 2)});
    const auto r = cell_rects(s, Rect{0, 0, 1001, 667}, 0);
    for (std::size_t i = 0; i < r.size(); ++i) {
        for (std::size_t j = i + 1; j < r.size(); ++j) {
            EXPECT_FALSE(r[i].overlaps(r[j])) << "cells " << i << " and " << j;
        }
    }
    // With no gap, the cells tile the area exactly.
    float area = 0;
    for (const auto& c : r) area += c.w * c.h;
    EXPECT_FLOAT_EQ(area, 1001.0f * 667.0f);
}

}  // namespace
}  // namespace tsur::display
