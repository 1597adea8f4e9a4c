// A scanline fill with an active edge list: a pixel is inside when its centre is (the rule SDL's
// triangle filler uses), so the land keeps the shape the triangles gave it.
#include "display/map/land_spans.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::display {
namespace {

struct Edge {
    float y0 = 0;  ///< top (smaller y), inclusive
    float y1 = 0;  ///< bottom, exclusive
    float x0 = 0;  ///< x at y0
    float slope = 0;
};

std::vector<Edge> ring_edges(std::span<const ImVec2> points,
                             std::span<const std::uint32_t> ring_starts) {
    std::vector<Edge> edges;
    edges.reserve(points.size());
    for (std::size_t r = 0; r < ring_starts.size(); ++r) {
        const std::size_t begin = ring_starts[r];
        const std::size_t end = r + 1 < ring_starts.size() ? ring_starts[r + 1] : points.size();
        for (std::size_t i = begin; i < end; ++i) {
            ImVec2 a = points[i];
            ImVec2 b = points[i + 1 < end ? i + 1 : begin];
            if (a.y == b.y || !std::isfinite(a.x + a.y + b.x + b.y)) continue;
            if (a.y > b.y) std::swap(a, b);
            edges.push_back({a.y, b.y, a.x, (b.x - a.x) / (b.y - a.y)});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) { return l.y0 < r.y0; });
    return edges;
}

}  // namespace

std::vector<PixelSpan> polygon_spans(std::span<const ImVec2> points,
                                     std::span<const std::uint32_t> ring_starts, int clip_x0,
                                     int clip_y0, int clip_x1, int clip_y1) {
    std::vector<PixelSpan> spans;
    const std::vector<Edge> edges = ring_edges(points, ring_starts);
    if (edges.empty() || clip_x1 <= clip_x0) return spans;
    float top = edges.front().y0;
    float bottom = top;
    for (const Edge& e : edges) bottom = std::max(bottom, e.y1);
    // Rows whose centre y + 0.5 lies in [top, bottom).
    const int row0 = std::max(clip_y0, static_cast<int>(std::ceil(std::max(top, -1e7f) - 0.5f)));
    const int row1 = std::min(clip_y1, static_cast<int>(std::ceil(std::min(bottom, 1e7f) - 0.5f)));
    std::vector<const Edge*> active;
    std::vector<float> xs;
    std::size_t next = 0;
    for (int y = row0; y < row1; ++y) {
        const float yc = static_cast<float>(y) + 0.5f;
        while (next < edges.size() && edges[next].y0 <= yc) active.push_back(&edges[next++]);
        std::erase_if(active, [&](const Edge* e) { return e->y1 <= yc; });
        xs.clear();
        for (const Edge* e : active) {
            if (e->y0 <= yc) xs.push_back(e->x0 + (yc - e->y0) * e->slope);
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Pixel x is inside when x + 0.5 lies in [xs[k], xs[k + 1]).
            const float a = std::clamp(xs[k] - 0.5f, -1e7f, 1e7f);
            const float b = std::clamp(xs[k + 1] - 0.5f, -1e7f, 1e7f);
            const int x0 = std::max(clip_x0, static_cast<int>(std::ceil(a)));
            const int x1 = std::min(clip_x1, static_cast<int>(std::ceil(b)));
            if (x1 > x0) spans.push_back({y, x0, x1});
        }
    }
    return spans;
}

void fill_polygon_spans(ImDrawList& dl, std::span<const ImVec2> points,
                        std::span<const std::uint32_t> ring_starts, ImU32 colour) {
    const ImVec2 lo = dl.GetClipRectMin();
    const ImVec2 hi = dl.GetClipRectMax();
    const std::vector<PixelSpan> spans = polygon_spans(
        points, ring_starts, static_cast<int>(std::floor(lo.x)), static_cast<int>(std::floor(lo.y)),
        static_cast<int>(std::ceil(hi.x)), static_cast<int>(std::ceil(hi.y)));
    // Equal runs on consecutive rows become one taller rectangle (straight meridians and
    // parallels of a border give many).
    std::vector<PixelSpan> open;
    std::vector<int> open_h;
    const auto flush = [&](std::size_t i) {
        const PixelSpan& s = open[i];
        dl.AddRectFilled(ImVec2(static_cast<float>(s.x0), static_cast<float>(s.y)),
                         ImVec2(static_cast<float>(s.x1), static_cast<float>(s.y + open_h[i])),
                         colour);
    };
    std::size_t i = 0;
    while (i < spans.size()) {
        const int y = spans[i].y;
        std::vector<PixelSpan> row_open;
        std::vector<int> row_h;
        for (; i < spans.size() && spans[i].y == y; ++i) {
            const PixelSpan& s = spans[i];
            const auto same = std::find_if(open.begin(), open.end(), [&](const PixelSpan& o) {
                return o.x0 == s.x0 && o.x1 == s.x1 &&
                       o.y + open_h[static_cast<std::size_t>(&o - open.data())] == y;
            });
            if (same != open.end()) {
                const std::size_t k = static_cast<std::size_t>(same - open.begin());
                row_open.push_back(open[k]);
                row_h.push_back(open_h[k] + 1);
                open_h[k] = -1;  // taken over by this row
            } else {
                row_open.push_back(s);
                row_h.push_back(1);
            }
        }
        for (std::size_t k = 0; k < open.size(); ++k) {
            if (open_h[k] > 0) flush(k);
        }
        open = std::move(row_open);
        open_h = std::move(row_h);
    }
    for (std::size_t k = 0; k < open.size(); ++k) flush(k);
}

}  // namespace tsur::display
