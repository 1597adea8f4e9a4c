// Composition of the map widget. The incident layer goes under the labels and overlays so that
// names and the legend stay legible however dense the incidents get.
#include "display/map/map_widget.hpp"

#include <vector>

#include "display/map/map_layout.hpp"
#include "display/map/map_memo.hpp"
#include "display/map/land_layer.hpp"
#include "display/map/map_overlays.hpp"
#include "display/map/map_points.hpp"
#include "display/map/map_public.hpp"
#include "display/text.hpp"

namespace tsur::display {
namespace {

const model::Region* region_of(const model::Snapshot* snapshot, const FrameContext& ctx) {
    if (snapshot != nullptr && snapshot->region) return snapshot->region.get();
    return ctx.assets != nullptr ? ctx.assets->region.get() : nullptr;
}

}  // namespace

MapLayout map_layout(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                     const FrameContext& ctx, const Rect& content) {
    const model::Region* region = region_of(snapshot, ctx);
    // A federal city's pack is the city alone: the whole map already is its capital. The public
    // map has no capital inset either: it draws no incidents to magnify.
    const bool inset = spec.inset && !spec.public_mode && region != nullptr &&
                       region->municipalities.size() > 1 &&
                       region->capital < region->municipalities.size();
    const model::GeoPoint capital =
        inset ? region->municipalities[region->capital].centre : model::GeoPoint{};
    const LegendSizes legend{legend_size(ctx, spec, 0.0f), legend_size(ctx, spec, content.w)};
    // Room for the capital's name in the inset's title at the smallest legible size.
    const float title_w = inset ? measure_text(ctx, TextStyle{TextRole::small, true, 0},
                                               capital_name(*region, *ctx.strings))
                                          .x +
                                      2 * pad(ctx)
                                : 0.0f;
    return layout_map(content, *ctx.assets->geometry, legend, pad(ctx), inset, capital, title_w);
}

void draw_map(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
              const FrameContext& ctx) {
    const Theme& th = *ctx.theme;
    const Rect content =
        draw_panel(ctx, spec.title.empty() ? ctx.strings->title_map : std::string_view(spec.title));
    const model::RegionGeometry* geometry =
        ctx.assets != nullptr ? ctx.assets->geometry.get() : nullptr;
    const model::Region* region = region_of(snapshot, ctx);
    const TextStyle dim{TextRole::body, false, th.text_dim};
    if (geometry == nullptr || geometry->outline.empty() || content.w <= 0 || content.h <= 0) {
        draw_text(ctx, dim, content.x, content.y + content.h * 0.5f, content.w,
                  ctx.strings->no_data, Align::centre);
        return;
    }
    const MapStyle style = map_style(ctx);
    const MapLayout layout = map_layout(snapshot, spec, ctx, content);

    ctx.draw->PushClipRect(ImVec2(content.x, content.y), ImVec2(content.right(), content.bottom()),
                           true);
    draw_land(ctx, *geometry, layout.projection, style);
    std::vector<MapPoint> points;
    std::vector<Rect> bin_boxes;
    MapCellData local;
    MapCellData* cell = nullptr;
    std::size_t region_wide = 0;
    if (snapshot != nullptr && spec.public_mode) {
        draw_public_counts(ctx, *snapshot, spec, layout.projection, layout.map, style, &bin_boxes);
        region_wide = public_region_wide_count(*snapshot, spec);
    } else if (snapshot != nullptr) {
        auto compute = [&] {
            MapCellData d;
            d.points = project_points(snapshot->incidents, spec, layout.projection);
            d.layer = plan_incident_layer(ctx, d.points.points, layout.map, style, layout.inset);
            return d;
        };
        if (ctx.map_memo != nullptr) {
            cell = &ctx.map_memo->get(
                map_memo_key(*snapshot, spec, layout.projection, layout.map, style, layout.inset),
                compute);
        } else {
            local = compute();
            cell = &local;
        }
        points = points_at(cell->points, ctx.now);
        region_wide = cell->points.region_wide_unplaced;
        draw_incident_layer(ctx, points, cell->layer, layout.map, &bin_boxes);
    }
    const Rect attribution = attribution_box(ctx, content, layout.legend);
    std::vector<Rect> reserved = {layout.legend, attribution};
    if (layout.inset) reserved.push_back(*layout.inset);
    // "Waiting for data" goes mid-map, where no label may sit (the bottom edge is the legend's).
    const float line = ctx.fonts->px(TextRole::body);
    const float waiting_w = measure_text(ctx, dim, ctx.strings->waiting_for_data).x;
    const Rect waiting{layout.map.x + (layout.map.w - waiting_w) * 0.5f,
                       layout.map.y + (layout.map.h - line) * 0.5f, waiting_w, line};
    if (snapshot == nullptr) reserved.push_back(waiting);
    if (region != nullptr) {
        draw_municipality_labels(ctx, *region, layout.projection, layout.map, reserved, bin_boxes,
                                 style);
    }
    if (layout.inset) {
        draw_capital_inset(ctx, *geometry, *region, layout.projection, points, bin_boxes,
                           *layout.inset, style, cell != nullptr ? &cell->inset_layer : nullptr);
    }
    draw_legend(ctx, spec, layout.legend, layout.legend_column ? 0.0f : content.w, style);
    draw_attribution(ctx, attribution);
    if (snapshot == nullptr) {
        draw_text(ctx, dim, waiting.x, waiting.y, waiting.w, ctx.strings->waiting_for_data,
                  Align::centre);
    }
    ctx.draw->PopClipRect();
    draw_region_wide_badge(ctx, content, region_wide);
}

}  // namespace tsur::display
