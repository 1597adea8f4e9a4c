// Overlays are drawn after the incidents so names and the legend stay readable over dense
// areas; each text sits on a translucent plate rather than a halo, which the software
// rasteriser draws cheaply.
#include "display/map/map_overlays.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "display/map/label_placement.hpp"
#include "display/map/land_layer.hpp"
#include "display/rounded_fill.hpp"
#include "display/strings.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

constexpr std::string_view kAttribution = "© Natural Earth, GeoNames";

bool shown(const config::WidgetSpec& spec, model::Sector s) {
    return spec.sectors.empty() ||
           std::find(spec.sectors.begin(), spec.sectors.end(), s) != spec.sectors.end();
}

float legend_row(const FrameContext& ctx) { return ctx.fonts->px(TextRole::small) * 1.35f; }

void plate(const FrameContext& ctx, const Rect& r, unsigned alpha) {
    const float round = ctx.fonts->px(TextRole::small) * 0.2f;
    fill_rounded_rect(*ctx.draw, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                      with_alpha(ctx.theme->panel, alpha), round);
}

struct LabelText {
    std::string text;
    TextStyle style;
};

struct LegendEntry {
    int sector = -1;  ///< -1: the overdue ring
    std::string_view text;
    ImVec2 at;  ///< top-left of the entry, relative to the box
};

/// Flows the legend's entries into rows no wider than `max_width`; returns the total size.
ImVec2 flow_legend(const FrameContext& ctx, const config::WidgetSpec& spec, float max_width,
                   std::vector<LegendEntry>& entries) {
    const TextStyle ts{TextRole::small, false, ctx.theme->text};
    const float p = pad(ctx), row = legend_row(ctx);
    entries.clear();
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        const auto s = static_cast<model::Sector>(i);
        if (shown(spec, s))
            entries.push_back({static_cast<int>(i), ctx.strings->sector_name(s), {}});
    }
    entries.push_back({-1, ctx.strings->overdue_word, {}});
    float x = p, y = p, widest = 0;
    for (LegendEntry& e : entries) {
        const float w = row + measure_text(ctx, ts, e.text).x + 2 * p;
        if (x > p && x + w > max_width) {
            x = p;
            y += row;
        }
        e.at = ImVec2(x, y);
        x += w;
        widest = std::max(widest, x);
    }
    return ImVec2(widest + p, y + row + p);
}

}  // namespace

ImVec2 legend_size(const FrameContext& ctx, const config::WidgetSpec& spec, float max_width) {
    std::vector<LegendEntry> entries;
    return flow_legend(ctx, spec, max_width, entries);
}

void draw_legend(const FrameContext& ctx, const config::WidgetSpec& spec, const Rect& box,
                 float max_width, const MapStyle& style) {
    const Theme& th = *ctx.theme;
    std::vector<LegendEntry> entries;
    flow_legend(ctx, spec, max_width, entries);
    const float row = legend_row(ctx);
    plate(ctx, box, 215);
    const TextStyle ts{TextRole::small, false, th.text};
    const float text_dy = (row - ctx.fonts->px(TextRole::small)) * 0.5f;
    const float chip_r = std::max(style.dot_r * 1.6f, row * 0.2f);
    for (const LegendEntry& e : entries) {
        const float x = box.x + e.at.x, y = box.y + e.at.y;
        if (y + row > box.bottom() + 1.0f) break;
        const ImVec2 c(x + row * 0.5f, y + row * 0.5f);
        if (e.sector >= 0) {
            ctx.draw->AddCircleFilled(c, chip_r, th.sector[static_cast<std::size_t>(e.sector)], 20);
            record_circle(ctx, SceneKind::legend, c, chip_r);
        } else {
            ctx.draw->AddCircleFilled(c, style.dot_r, th.text_dim, 12);
            ctx.draw->AddCircle(c, style.ring_r * 1.06f, th.overdue, 20, style.ring_w);
            record_circle(ctx, SceneKind::legend, c, style.ring_r * 1.06f);
        }
        draw_text(ctx, ts, x + row, y + text_dy, box.right() - x - row, e.text, Align::left,
                  SceneKind::legend);
    }
}

void draw_municipality_labels(const FrameContext& ctx, const model::Region& region,
                              const Projection& projection, const Rect& bounds,
                              std::span<const Rect> reserved, std::span<const Rect> avoid,
                              const MapStyle& style) {
    const Theme& th = *ctx.theme;
    const auto order = label_order(region);
    std::vector<LabelRequest> requests;
    std::vector<LabelText> texts;
    requests.reserve(order.size());
    texts.reserve(order.size());
    const float p = pad(ctx) * 0.5f;
    for (auto i : order) {
        const model::Municipality& m = region.municipalities[i];
        const ImVec2 at = projection.forward(m.centre);
        if (!bounds.contains(at.x, at.y)) continue;
        const bool capital = i == region.capital;
        const TextStyle ts{capital ? TextRole::body : TextRole::small, m.urban,
                           m.urban ? th.text : th.text_dim};
        const std::string_view name =
            ctx.strings->language == Language::en && !m.name_en.empty() ? m.name_en : m.name_ru;
        std::string text =
            short_label(name, ctx.strings->district_word, ctx.strings->district_abbrev);
        const ImVec2 size = measure_text(ctx, ts, text);
        requests.push_back(LabelRequest{at, ImVec2(size.x + 2 * p, size.y + p),
                                        capital ? style.capital_r : style.marker_r, capital});
        texts.push_back(LabelText{std::move(text), ts});
    }
    std::vector<std::uint32_t> groups(requests.size());
    for (std::uint32_t& g : groups) g = scene_group(ctx);
    for (std::size_t k = 0; k < requests.size(); ++k) {
        const ImVec2 c = requests[k].anchor;
        // A count disc already marks the place; a marker on it would cover its digits.
        const auto on_count = [&](const Rect& r) { return r.contains(c.x, c.y); };
        if (std::any_of(avoid.begin(), avoid.end(), on_count)) continue;
        if (requests[k].required) {
            ctx.draw->AddCircleFilled(c, style.capital_r, th.text, 24);
            ctx.draw->AddCircle(c, style.capital_r, th.background, 24, style.ring_w);
        } else {
            ctx.draw->AddCircleFilled(c, style.marker_r, th.background, 16);
            ctx.draw->AddCircle(c, style.marker_r, th.text, 16, style.ring_w);
        }
        record_circle(ctx, SceneKind::marker, c,
                      requests[k].required ? style.capital_r : style.marker_r, groups[k]);
    }
    for (const PlacedLabel& placed : place_labels(requests, reserved, bounds, avoid)) {
        const LabelText& t = texts[placed.request];
        plate(ctx, placed.rect, 170);
        draw_text_at(ctx, t.style, ImVec2(placed.rect.x + p, placed.rect.y + p * 0.5f), t.text,
                     SceneKind::label, groups[placed.request]);
    }
}

float inset_zoom(const Projection& main, const Rect& frame) {
    const double needed = static_cast<double>(frame.w) / (kInsetGroundKm * main.px_per_km());
    return std::max(kInsetZoom, static_cast<float>(std::floor(needed)));
}

std::string_view capital_name(const model::Region& region, const Strings& strings) {
    const model::Municipality& cap = region.municipalities[region.capital];
    return strings.language == Language::en && !cap.name_en.empty() ? cap.name_en : cap.name_ru;
}

void draw_capital_inset(const FrameContext& outer, const model::RegionGeometry& geometry,
                        const model::Region& region, const Projection& main,
                        std::span<const MapPoint> points, std::span<const Rect> main_counts,
                        const Rect& frame, const MapStyle& style,
                        std::optional<IncidentLayer>* plan) {
    if (region.capital >= region.municipalities.size() || frame.w <= 0 || frame.h <= 0) return;
    // The inset is a part of its own in the scene: its texts and marks are checked against it.
    FrameContext ctx = outer;
    if (ctx.scene != nullptr) {
        ctx.scene_widget =
            ctx.scene->add_widget(ctx.scene->widgets()[outer.scene_widget].name + " inset", frame);
    }
    const Theme& th = *ctx.theme;
    const model::Municipality& cap = region.municipalities[region.capital];
    const ImVec2 cap_main = main.forward(cap.centre);
    const ImVec2 centre(frame.x + frame.w * 0.5f, frame.y + frame.h * 0.5f);
    const float zoom = inset_zoom(main, frame);
    const Projection inset = main.zoomed(zoom, cap.centre, centre.x, centre.y);
    const Rect source{cap_main.x - frame.w / (2 * zoom), cap_main.y - frame.h / (2 * zoom),
                      frame.w / zoom, frame.h / zoom};

    // Leader from the outlined source area to the nearest point of the inset's frame. Where the
    // source area is no bigger than a count disc over the capital, its outline would cross the
    // digits: the disc itself then marks the place and the leader starts at its rim.
    const ImVec2 to(std::clamp(cap_main.x, frame.x, frame.right()),
                    std::clamp(cap_main.y, frame.y, frame.bottom()));
    const auto crosses_outline = [&](const Rect& r) {
        const bool enclosed = r.x >= source.x && r.y >= source.y && r.right() <= source.right() &&
                              r.bottom() <= source.bottom();
        return r.overlaps(source) && !enclosed;
    };
    const auto crossed = std::find_if(main_counts.begin(), main_counts.end(), crosses_outline);
    ImVec2 from(std::clamp(to.x, source.x, source.right()),
                std::clamp(to.y, source.y, source.bottom()));
    if (crossed == main_counts.end()) {
        ctx.draw->AddRect(ImVec2(source.x, source.y), ImVec2(source.right(), source.bottom()),
                          th.text_dim, 0, 0, style.ring_w);
    } else {
        const ImVec2 disc(crossed->x + crossed->w * 0.5f, crossed->y + crossed->h * 0.5f);
        const float dx = to.x - disc.x;
        const float dy = to.y - disc.y;
        const float len = std::sqrt(dx * dx + dy * dy);
        const float r = crossed->w * 0.5f;
        from = len > r ? ImVec2(disc.x + dx * r / len, disc.y + dy * r / len) : to;
    }
    ctx.draw->AddLine(from, to, th.text_dim, style.ring_w);

    ctx.draw->AddRectFilled(ImVec2(frame.x, frame.y), ImVec2(frame.right(), frame.bottom()),
                            th.background);
    ctx.draw->PushClipRect(ImVec2(frame.x, frame.y), ImVec2(frame.right(), frame.bottom()), true);
    MapStyle inner = style;
    inner.border_w = style.border_w * 1.5f;
    draw_land(ctx, geometry, inset, inner);
    std::vector<MapPoint> zoomed;
    zoomed.reserve(points.size() / 4);
    for (const MapPoint& q : points) {
        if (!source.contains(q.x, q.y)) continue;
        MapPoint z = q;
        z.x = centre.x + (q.x - cap_main.x) * zoom;
        z.y = centre.y + (q.y - cap_main.y) * zoom;
        zoomed.push_back(z);
    }
    TextStyle ts{TextRole::body, true, th.text};
    const std::string_view name = capital_name(region, *ctx.strings);
    const float p = pad(ctx);
    // The name matters more than the magnification: "×4" goes first when the frame is narrow,
    // then the smaller (still legible) size, and only then the name is cut.
    std::string title = std::string(name) + " ×" + std::to_string(static_cast<int>(zoom));
    if (measure_text(ctx, ts, title).x > frame.w - 2 * p) title = std::string(name);
    if (measure_text(ctx, ts, title).x > frame.w - 2 * p) ts.role = TextRole::small;
    const ImVec2 size = measure_text(ctx, ts, title);
    const Rect title_plate{frame.x, frame.y, std::min(size.x + 2 * p, frame.w), size.y + p};
    std::optional<IncidentLayer> local;
    std::optional<IncidentLayer>& slot = plan != nullptr ? *plan : local;
    // The title plate is drawn over the inset's corner: counted discs keep off it.
    if (!slot) slot = plan_incident_layer(ctx, zoomed, frame, style, title_plate);
    std::vector<Rect> bin_boxes;
    draw_incident_layer(ctx, zoomed, *slot, frame, &bin_boxes);
    const ImVec2 c = inset.forward(cap.centre);
    // As on the main map: a count disc already marks the place, a ring on it would cut digits.
    const auto on_count = [&](const Rect& r) {
        return r.inset(-style.capital_r).contains(c.x, c.y);
    };
    if (std::none_of(bin_boxes.begin(), bin_boxes.end(), on_count)) {
        ctx.draw->AddCircle(c, style.capital_r, th.text, 24, style.ring_w);
        record_circle(ctx, SceneKind::marker, c, style.capital_r);
    }

    plate(ctx, title_plate, 220);
    draw_text(ctx, ts, frame.x + p, frame.y + p * 0.5f, frame.w - 2 * p, title);
    ctx.draw->PopClipRect();
    ctx.draw->AddRect(ImVec2(frame.x, frame.y), ImVec2(frame.right(), frame.bottom()),
                      th.land_border, 0, 0, style.border_w);
}

Rect attribution_box(const FrameContext& ctx, const Rect& content, const Rect& legend) {
    const TextStyle ts{TextRole::small, false, ctx.theme->text_dim};
    const ImVec2 size = measure_text(ctx, ts, kAttribution);
    const float p = pad(ctx) * 0.5f;
    Rect box{content.right() - size.x - 2 * p, content.bottom() - size.y - p, size.x + 2 * p,
             size.y + p};
    // Where the legend reaches the credit's corner (a narrow map), the credit goes above it.
    if (box.overlaps(legend)) box.y = legend.y - box.h;
    return box;
}

Rect draw_region_wide_badge(const FrameContext& ctx, const Rect& content, std::size_t count) {
    if (count == 0) return {};
    const TextStyle ts{TextRole::body, true, ctx.theme->text};
    const std::string text =
        std::string(ctx.strings->region_wide_badge) + ": " + format_count(count);
    const ImVec2 size = measure_text(ctx, ts, text);
    const float p = pad(ctx) * 0.5f;
    const float row_top = ctx.rect.y + pad(ctx);
    const float row_h = std::max(content.y - pad(ctx) - row_top, size.y);
    const float w = std::min(size.x + 2 * p, content.w);
    const Rect box{content.right() - w, row_top + (row_h - size.y - p) * 0.5f, w, size.y + p};
    plate(ctx, box, 235);
    draw_text(ctx, ts, box.x + p, box.y + p * 0.5f, box.w - 2 * p, text, Align::right);
    return box;
}

void draw_attribution(const FrameContext& ctx, const Rect& box) {
    const TextStyle ts{TextRole::small, false, ctx.theme->text_dim};
    const float p = pad(ctx) * 0.5f;
    draw_text(ctx, ts, box.x + p, box.y + p * 0.5f, box.w, kAttribution, Align::left,
              SceneKind::credit);
}

}  // namespace tsur::display
