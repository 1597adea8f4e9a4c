// Drawing the planned incident layer: dots with overdue rings, and bins as donuts whose ring
// shows the sector mix and whose centre shows the count.
#include "display/map/incident_layer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "display/map/bin_size.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

/// Draws the dots of `points` inside `area`; with `keep`, only points whose flag is set.
void draw_dots(const FrameContext& ctx, std::span<const MapPoint> points, const Rect& area,
               const MapStyle& st, const std::vector<std::uint8_t>* keep) {
    ImDrawList* dl = ctx.draw;
    const Theme& th = *ctx.theme;
    const float pulse = overdue_pulse(ctx.anim_seconds);
    const ImU32 ring = with_alpha(th.overdue, static_cast<unsigned>(150 + 105 * pulse));
    const float ring_r = st.ring_r * (1.0f + 0.12f * pulse);
    const ImU32 halo = with_alpha(th.background, 200);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const MapPoint& p = points[i];
        if (!area.contains(p.x, p.y) || (keep != nullptr && (*keep)[i] == 0)) continue;
        const ImVec2 c(p.x, p.y);
        const ImU32 fill = th.sector[std::min<std::size_t>(p.sector, model::kSectorCount - 1)];
        if (p.flags & kPointOverdue) {
            dl->AddCircle(c, (p.flags & kPointCritical ? st.critical_r / st.dot_r : 1.0f) * ring_r,
                          ring, 16, st.ring_w);
        }
        if (p.flags & kPointCritical) {
            dl->AddCircleFilled(c, st.critical_r, fill, 14);
            dl->AddCircle(c, st.critical_r, th.text, 14, st.ring_w);
        } else {
            // A thin dark rim keeps neighbouring dots apart where they touch.
            dl->AddCircleFilled(c, st.dot_r + 1.0f, halo, 10);
            dl->AddCircleFilled(c, st.dot_r, fill, 10);
        }
        record_circle(ctx, SceneKind::dot, c, p.flags & kPointCritical ? st.critical_r : st.dot_r,
                      0, 1);
    }
}

/// A bin is a donut: the ring shows its sector mix (clockwise from twelve o'clock, in sector
/// order), the dark centre its count, an outer red arc the overdue share.
void draw_bins(const FrameContext& ctx, std::vector<HexBin>& bins, const MapStyle& st,
               std::vector<Rect>* boxes) {
    ImDrawList* dl = ctx.draw;
    const Theme& th = *ctx.theme;
    std::uint32_t max_count = 1;
    for (const HexBin& b : bins) max_count = std::max(max_count, b.count);
    // Small bins first so the big ones, which carry the story, stay on top.
    std::sort(bins.begin(), bins.end(),
              [](const HexBin& a, const HexBin& b) { return a.count < b.count; });
    const float pulse = overdue_pulse(ctx.anim_seconds);
    const ImU32 ring = with_alpha(th.overdue, static_cast<unsigned>(170 + 85 * pulse));
    const TextStyle count_style{TextRole::small, true, th.text};
    constexpr float kTwoPi = 2 * std::numbers::pi_v<float>;
    const float top = -std::numbers::pi_v<float> * 0.5f;
    for (const HexBin& b : bins) {
        if (b.count < kMinBinCount) continue;
        const float r = bin_radius(ctx, b, max_count, st);
        const ImVec2 c(b.x, b.y);
        if (boxes != nullptr) boxes->push_back(Rect{c.x - r, c.y - r, 2 * r, 2 * r});
        dl->AddCircleFilled(c, r + st.ring_w, th.background, 40);
        const std::string label = format_count(b.count);
        const ImVec2 size = measure_text(ctx, count_style, label);
        const bool has_text = size.x <= hole_diameter(r, st) + st.ring_w;
        const std::uint32_t group = scene_group(ctx);
        record_circle(ctx, SceneKind::disc, c, r + st.ring_w, group, has_text ? 0 : b.count);
        // Without room for the count a hole would read as "nothing here": fill it as a pie.
        const float width = has_text ? std::max(st.ring_w * 2.0f, r * 0.22f) : r;
        float a = top;
        for (std::size_t s = 0; s < model::kSectorCount; ++s) {
            if (b.by_sector[s] == 0) continue;
            const float sweep =
                kTwoPi * static_cast<float>(b.by_sector[s]) / static_cast<float>(b.count);
            dl->PathArcTo(c, r - width * 0.5f, a, a + sweep,
                          std::max(3, static_cast<int>(40 * sweep / kTwoPi)));
            dl->PathStroke(th.sector[s], 0, width);
            a += sweep;
        }
        if (b.critical > 0) dl->AddCircle(c, r + st.ring_w * 0.5f, th.text, 40, st.ring_w * 0.6f);
        if (b.overdue > 0) {
            const float share = static_cast<float>(b.overdue) / static_cast<float>(b.count);
            dl->PathArcTo(c, r + st.ring_w * 1.8f, top, top + kTwoPi * share,
                          std::max(6, static_cast<int>(48 * share)));
            dl->PathStroke(ring, 0, st.ring_w * 1.4f);
        }
        if (has_text) {
            draw_text_at(ctx, count_style, ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), label,
                         SceneKind::count, group, b.count);
        }
    }
}

/// A lone dot that a counted disc (moved off an edge or a cover, or grown for its number) now
/// lies under would hide part of the count: the disc takes it in, so the count still says how
/// many incidents are there and the totals add up.
void absorb_covered_dots(const FrameContext& ctx, std::span<const MapPoint> points,
                         const MapStyle& st, std::vector<HexBin>& bins,
                         std::vector<std::uint8_t>& sparse) {
    std::uint32_t max_count = 1;
    for (const HexBin& b : bins) max_count = std::max(max_count, b.count);
    std::vector<float> radius(bins.size(), 0.0f);
    for (std::size_t b = 0; b < bins.size(); ++b) {
        if (bins[b].count >= kMinBinCount) {
            radius[b] = bin_radius(ctx, bins[b], max_count, st) + st.ring_w + 2 * st.dot_r;
        }
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (sparse[i] == 0) continue;
        for (std::size_t b = 0; b < bins.size(); ++b) {
            const float dx = points[i].x - bins[b].x;
            const float dy = points[i].y - bins[b].y;
            if (radius[b] <= 0 || dx * dx + dy * dy > radius[b] * radius[b]) continue;
            ++bins[b].count;
            ++bins[b].by_sector[points[i].sector % model::kSectorCount];
            if (points[i].flags & kPointOverdue) ++bins[b].overdue;
            sparse[i] = 0;
            break;
        }
    }
}

}  // namespace

bool draw_incident_layer(const FrameContext& ctx, std::span<const MapPoint> points,
                         const IncidentLayer& layer, const Rect& area,
                         std::vector<Rect>* bin_boxes) {
    if (!layer.binned || layer.point_bins.size() != points.size()) {
        draw_dots(ctx, points, area, layer.style, nullptr);
        return false;
    }
    std::vector<HexBin> bins = layer.bins;
    std::vector<std::uint8_t> sparse(points.size(), 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::uint32_t b = layer.point_bins[i];
        if (b == kNoBin) continue;
        if (points[i].flags & kPointOverdue) ++bins[b].overdue;
        sparse[i] = bins[b].count < kMinBinCount ? 1 : 0;
    }
    absorb_covered_dots(ctx, points, layer.style, bins, sparse);
    draw_dots(ctx, points, area, layer.style, &sparse);
    draw_bins(ctx, bins, layer.style, bin_boxes);
    return true;
}

bool draw_incidents(const FrameContext& ctx, std::span<const MapPoint> points, const Rect& area,
                    const MapStyle& style, std::vector<Rect>* bin_boxes) {
    return draw_incident_layer(ctx, points, plan_incident_layer(ctx, points, area, style), area,
                               bin_boxes);
}

}  // namespace tsur::display
