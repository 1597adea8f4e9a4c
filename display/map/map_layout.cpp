// Layout of the map widget. Corner overlays are scored by how much land they would hide, so the
// legend and inset move to wherever the region's shape leaves room.
#include "display/map/map_layout.hpp"

#include <algorithm>
#include <array>

#include "model/polygon_measure.hpp"

namespace tsur::display {
namespace {

GeoBounds bounds_of(const model::RegionGeometry& g) {
    return GeoBounds{g.min_lat, g.max_lat, g.min_lon, g.max_lon};
}

bool on_land(const model::RegionGeometry& g, model::GeoPoint p) {
    for (const model::GeoFeature& f : g.outline) {
        for (const model::GeoPolygon& poly : f.polygons) {
            if (model::contains(poly, p)) return true;
        }
    }
    return false;
}

std::array<Rect, 4> corners(const Rect& area, ImVec2 size, float gap) {
    const float l = area.x + gap, t = area.y + gap;
    const float r = area.right() - gap - size.x, b = area.bottom() - gap - size.y;
    return {Rect{l, b, size.x, size.y}, Rect{r, t, size.x, size.y}, Rect{l, t, size.x, size.y},
            Rect{r, b, size.x, size.y}};
}

}  // namespace

float land_share(const Rect& r, const model::RegionGeometry& geometry, const Projection& p) {
    constexpr int kSteps = 6;
    int land = 0;
    for (int i = 0; i < kSteps; ++i) {
        for (int j = 0; j < kSteps; ++j) {
            const ImVec2 s(r.x + r.w * (static_cast<float>(i) + 0.5f) / kSteps,
                           r.y + r.h * (static_cast<float>(j) + 0.5f) / kSteps);
            land += on_land(geometry, p.inverse(s)) ? 1 : 0;
        }
    }
    return static_cast<float>(land) / (kSteps * kSteps);
}

MapLayout layout_map(const Rect& content, const model::RegionGeometry& geometry,
                     const LegendSizes& legend, float gap, bool want_inset, model::GeoPoint capital,
                     float inset_min_w) {
    MapLayout out;
    const GeoBounds b = bounds_of(geometry);
    const auto region_width = [&](const Projection& p) {
        return p.forward({b.min_lat, b.max_lon}).x - p.forward({b.max_lat, b.min_lon}).x;
    };
    const auto side_inset = [&](const Rect& area, float side) {
        out.map = Rect{area.x, area.y, area.w - side - gap, area.h};
        out.projection = Projection::fit(b, out.map, gap);
        const float cy = out.projection.forward(capital).y;
        const float y = std::clamp(cy - side * 0.5f, area.y, area.bottom() - side);
        out.inset = Rect{area.right() - side, y, side, side};
    };
    const float inset_min = std::max({content.h * 0.22f, legend.column.x * 0.8f, inset_min_w});

    const Projection full = Projection::fit(b, content, gap);
    const float free_w = content.w - region_width(full) - 2 * gap;
    if (free_w >= legend.column.x + 2 * gap + (want_inset ? inset_min : 0.0f) &&
        legend.column.y <= content.h) {
        out.legend =
            Rect{content.x, content.bottom() - legend.column.y, legend.column.x, legend.column.y};
        out.legend_column = true;
        const Rect area{content.x + legend.column.x + gap, content.y,
                        content.w - legend.column.x - gap, content.h};
        if (want_inset) {
            side_inset(area, std::min({content.h * 0.6f, free_w - legend.column.x - 2 * gap,
                                       content.w * 0.4f}));
        } else {
            out.map = area;
            out.projection = Projection::fit(b, area, gap);
        }
        return out;
    }

    const float strip_h = std::min(legend.strip.y, content.h * 0.3f);
    out.legend =
        Rect{content.x, content.bottom() - strip_h, std::min(legend.strip.x, content.w), strip_h};
    const Rect area{content.x, content.y, content.w, std::max(1.0f, content.h - strip_h - gap)};
    out.map = area;
    out.projection = Projection::fit(b, area, gap);
    if (!want_inset) return out;
    const float free2 = area.w - region_width(out.projection) - 2 * gap;
    if (free2 >= inset_min) {
        side_inset(area, std::min({free2, area.h * 0.45f, area.w * 0.4f}));
        return out;
    }
    const double scale = out.projection.px_per_deg_lat();
    const MapLayout keep = out;
    side_inset(area, inset_min);
    if (out.projection.px_per_deg_lat() >= 0.75 * scale) return out;
    out = keep;
    const float side = std::min(area.w, area.h) * 0.3f;
    const auto spots =
        corners(area, ImVec2(std::min(area.w, std::max(side, inset_min_w)), side), 0);
    float best = 2;
    for (const Rect& spot : spots) {
        const float share = land_share(spot, geometry, out.projection);
        if (share < best - 1e-6f) {
            best = share;
            out.inset = spot;
        }
    }
    return out;
}

}  // namespace tsur::display
