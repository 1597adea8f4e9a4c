// Land is filled as pixel runs (display/map/land_spans), because ImGui 1.86 has no concave fill
// and SDL's software renderer fills rectangles far faster than triangles; borders are polylines.
#include "display/map/land_layer.hpp"

#include <algorithm>
#include <vector>

#include "display/map/land_spans.hpp"

namespace tsur::display {
namespace {

void fill_polygon(ImDrawList* dl, const model::GeoPolygon& poly, const Projection& proj,
                  ImU32 colour, std::vector<ImVec2>& scratch) {
    scratch.clear();
    for (const model::GeoPoint& p : poly.points) scratch.push_back(proj.forward(p));
    fill_polygon_spans(*dl, scratch, poly.ring_starts, colour);
}

void stroke_rings(ImDrawList* dl, const model::GeoPolygon& poly, const Projection& proj,
                  ImU32 colour, float width, std::vector<ImVec2>& scratch) {
    const auto& rs = poly.ring_starts;
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t end = k + 1 < rs.size() ? rs[k + 1] : poly.points.size();
        scratch.clear();
        for (std::size_t i = rs[k]; i < end; ++i) scratch.push_back(proj.forward(poly.points[i]));
        dl->AddPolyline(scratch.data(), static_cast<int>(scratch.size()), colour,
                        ImDrawFlags_Closed, width);
    }
}

}  // namespace

void draw_land(const FrameContext& ctx, const model::RegionGeometry& geometry,
               const Projection& projection, const MapStyle& style) {
    const Theme& th = *ctx.theme;
    std::vector<ImVec2> scratch;
    for (const model::GeoFeature& f : geometry.outline) {
        for (const model::GeoPolygon& p : f.polygons)
            fill_polygon(ctx.draw, p, projection, th.land, scratch);
    }
    for (const model::GeoFeature& f : geometry.municipalities) {
        for (const model::GeoPolygon& p : f.polygons) {
            stroke_rings(ctx.draw, p, projection, th.muni_border, style.border_w * 0.5f, scratch);
        }
    }
    for (const model::GeoFeature& f : geometry.outline) {
        for (const model::GeoPolygon& p : f.polygons) {
            stroke_rings(ctx.draw, p, projection, th.land_border, style.border_w, scratch);
        }
    }
}

}  // namespace tsur::display
