// Land is filled with our own triangles in chunks, because ImGui 1.86 has no concave fill and a
// single reservation must stay under the 16-bit index limit; borders are ImDrawList polylines.
#include "display/map/land_layer.hpp"

#include <algorithm>
#include <vector>

namespace tsur::display {
namespace {

constexpr std::size_t kTrianglesPerChunk = 8000;  // 24,000 vertices per reservation

void fill_polygon(ImDrawList* dl, const model::GeoPolygon& poly, const Projection& proj,
                  ImU32 colour) {
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const std::size_t triangles = poly.triangles.size() / 3;
    for (std::size_t first = 0; first < triangles; first += kTrianglesPerChunk) {
        const std::size_t n = std::min(kTrianglesPerChunk, triangles - first);
        dl->PrimReserve(static_cast<int>(3 * n), static_cast<int>(3 * n));
        for (std::size_t t = first; t < first + n; ++t) {
            for (std::size_t k = 0; k < 3; ++k) {
                dl->PrimVtx(proj.forward(poly.points[poly.triangles[3 * t + k]]), uv, colour);
            }
        }
    }
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
    for (const model::GeoFeature& f : geometry.outline) {
        for (const model::GeoPolygon& p : f.polygons)
            fill_polygon(ctx.draw, p, projection, th.land);
    }
    std::vector<ImVec2> scratch;
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
