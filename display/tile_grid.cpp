// Tile placement. Costs are squared distances in cell units between a tile's cell and where its
// centre falls on the grid; swaps run until none helps, so the result does not depend on how
// the greedy pass happened to break ties, only on the region and the grid.
#include "display/tile_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tsur::display {
namespace {

struct Spot {
    double x = 0, y = 0;
};

/// Each centre's place on the grid in cell units (cell centres at whole numbers).
std::vector<Spot> grid_spots(const model::Region& region, int cols, int rows) {
    const auto& munis = region.municipalities;
    std::vector<Spot> out(munis.size());
    if (munis.empty()) return out;
    const std::size_t ref = region.capital < munis.size() ? region.capital : 0;
    const double ref_lon = munis[ref].centre.lon;
    double mean_lat = 0;
    for (const auto& m : munis) mean_lat += m.centre.lat;
    mean_lat /= static_cast<double>(munis.size());
    const double k = std::cos(mean_lat * std::numbers::pi / 180.0);
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y0 = x0, y1 = -x0;
    for (std::size_t i = 0; i < munis.size(); ++i) {
        out[i].x = model::unwrap_lon(munis[i].centre.lon, ref_lon) * k;
        out[i].y = -munis[i].centre.lat;
        x0 = std::min(x0, out[i].x), x1 = std::max(x1, out[i].x);
        y0 = std::min(y0, out[i].y), y1 = std::max(y1, out[i].y);
    }
    const auto scaled = [](double v, double lo, double hi, int cells) {
        if (hi - lo < 1e-9) return (cells - 1) * 0.5;
        return (v - lo) / (hi - lo) * (cells - 1);
    };
    for (Spot& s : out) {
        s.x = scaled(s.x, x0, x1, cols);
        s.y = scaled(s.y, y0, y1, rows);
    }
    return out;
}

double cost(const Spot& s, int cell, int cols) {
    const double dx = cell % cols - s.x;
    const double dy = cell / cols - s.y;
    return dx * dx + dy * dy;
}

/// The free cell nearest `s` (the first in reading order among equals); -1 when none is free.
int nearest_free(const std::vector<int>& owner, const Spot& s, int cols) {
    int best = -1;
    double best_cost = std::numeric_limits<double>::max();
    for (int c = 0; c < static_cast<int>(owner.size()); ++c) {
        if (owner[static_cast<std::size_t>(c)] >= 0) continue;
        const double d = cost(s, c, cols);
        if (d < best_cost - 1e-12) best = c, best_cost = d;
    }
    return best;
}

/// Moves or swaps tiles while that lowers the total cost; bounded, as each step lowers it.
void improve(std::vector<int>& at, std::vector<int>& owner, const std::vector<Spot>& spots,
             int cols) {
    constexpr double kEps = 1e-9;
    for (int pass = 0; pass < 200; ++pass) {
        bool changed = false;
        for (std::size_t i = 0; i < spots.size(); ++i) {
            for (int c = 0; c < static_cast<int>(owner.size()); ++c) {
                const int j = owner[static_cast<std::size_t>(c)];
                const int here = at[i];
                if (c == here) continue;
                double delta = cost(spots[i], c, cols) - cost(spots[i], here, cols);
                if (j >= 0) {
                    const auto uj = static_cast<std::size_t>(j);
                    delta += cost(spots[uj], here, cols) - cost(spots[uj], c, cols);
                }
                if (delta >= -kEps) continue;
                owner[static_cast<std::size_t>(here)] = j;
                if (j >= 0) at[static_cast<std::size_t>(j)] = here;
                owner[static_cast<std::size_t>(c)] = static_cast<int>(i);
                at[i] = c;
                changed = true;
            }
        }
        if (!changed) break;
    }
}

}  // namespace

TileMetrics TileMetrics::for_em(float em) {
    TileMetrics m;
    m.em = em;
    m.gap = em * 0.25f;
    m.pad = em * 0.2f;
    m.bar = em * 0.3f;
    m.line = em * 1.4f;
    m.min_w = em * 6.0f;
    m.min_h = 2 * em + m.bar + 4 * m.pad;
    m.legend_h = 2 * m.line;
    return m;
}

std::size_t tile_count(const model::Region& region) { return region.municipalities.size() + 1; }

Rect tiles_area(const Rect& content, const TileMetrics& m) {
    return Rect{content.x, content.y, content.w, std::max(0.0f, content.h - m.legend_h - m.gap)};
}

std::optional<TileShape> tile_shape(std::size_t tiles, const Rect& area, const TileMetrics& m) {
    if (tiles == 0) return std::nullopt;
    const std::size_t spare_cells = tiles >= 4 ? (tiles + 7) / 8 : 0;
    for (const std::size_t cells : {tiles + spare_cells, tiles}) {
        std::optional<TileShape> best;
        double best_scale = 1.0;  // a tile below its minimum size is no answer
        for (std::size_t cols = 1; cols <= cells; ++cols) {
            const std::size_t rows = (cells + cols - 1) / cols;
            const auto fc = static_cast<float>(cols), fr = static_cast<float>(rows);
            const float w = (area.w - (fc - 1) * m.gap) / fc;
            const float h = (area.h - (fr - 1) * m.gap) / fr;
            const double scale = std::min(w / m.min_w, h / m.min_h);
            if (scale < best_scale) continue;
            if (best && scale == best_scale) continue;
            best = TileShape{static_cast<int>(cols), static_cast<int>(rows), w, h};
            best_scale = scale;
        }
        if (best) return best;
    }
    return std::nullopt;
}

std::vector<TileCell> place_tiles(const model::Region& region, int cols, int rows) {
    const std::vector<Spot> spots = grid_spots(region, cols, rows);
    std::vector<int> owner(static_cast<std::size_t>(std::max(0, cols * rows)), -1);
    std::vector<int> at(spots.size(), -1);
    for (std::size_t i = 0; i < spots.size(); ++i) {
        const int c = nearest_free(owner, spots[i], cols);
        if (c < 0) break;  // more places than cells: the caller sized the grid wrongly
        at[i] = c;
        owner[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
    if (std::find(at.begin(), at.end(), -1) == at.end()) improve(at, owner, spots, cols);
    const int wide = nearest_free(owner, Spot{cols - 1.0, rows - 1.0}, cols);
    std::vector<TileCell> out;
    out.reserve(spots.size() + 1);
    for (const int c : at) out.push_back(c < 0 ? TileCell{-1, -1} : TileCell{c % cols, c / cols});
    out.push_back(wide < 0 ? TileCell{-1, -1} : TileCell{wide % cols, wide / cols});
    return out;
}

Rect tile_rect(const Rect& area, const TileShape& shape, const TileMetrics& m, TileCell cell) {
    const float grid_w =
        static_cast<float>(shape.cols) * shape.tile_w + static_cast<float>(shape.cols - 1) * m.gap;
    const float grid_h =
        static_cast<float>(shape.rows) * shape.tile_h + static_cast<float>(shape.rows - 1) * m.gap;
    const float x0 = area.x + std::max(0.0f, (area.w - grid_w) * 0.5f);
    const float y0 = area.y + std::max(0.0f, (area.h - grid_h) * 0.5f);
    return Rect{x0 + static_cast<float>(cell.col) * (shape.tile_w + m.gap),
                y0 + static_cast<float>(cell.row) * (shape.tile_h + m.gap), shape.tile_w,
                shape.tile_h};
}

}  // namespace tsur::display
