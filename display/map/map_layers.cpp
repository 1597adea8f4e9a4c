// Land is filled as pixel runs (display/map/land_spans), because ImGui 1.86 has no concave fill
// and SDL's software renderer fills rectangles far faster than triangles; the rest is ImDrawList.
#include "display/map/map_layers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "display/map/land_spans.hpp"
#include "display/text.hpp"

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

/// Inner (text) diameter of a donut of radius r.
float hole_diameter(float r, const MapStyle& st) {
    return 2.0f * (r - std::max(st.ring_w * 2.0f, r * 0.22f));
}

float count_width(const FrameContext& ctx, std::uint32_t count) {
    return measure_text(ctx, TextStyle{TextRole::small, true, 0}, format_count(count)).x;
}

/// Radius on a log scale between half and all of the largest, so that mid-sized bins still
/// have room for their count; never too small for the count itself (a merged bin's count can
/// outgrow the hexagon), so that no disc is a pie without its number.
float bin_radius(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st) {
    const float r_max = st.hex_r * 0.84f;
    float r = r_max;
    if (max_count > kMinBinCount) {
        const float t = std::log(static_cast<float>(b.count) / kMinBinCount) /
                        std::log(static_cast<float>(max_count) / kMinBinCount);
        r = r_max * (0.5f + 0.5f * std::clamp(t, 0.0f, 1.0f));
    }
    // The smallest r whose hole_diameter(r) + ring_w holds the count, in either of its regimes.
    const float w = count_width(ctx, b.count) - st.ring_w;
    return std::max({r, w / 1.56f + 0.5f, w * 0.5f + 2.0f * st.ring_w + 0.5f});
}

/// Outer radius of a drawn bin: its disc plus the overdue arc around it.
float bin_extent(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st) {
    return bin_radius(ctx, b, max_count, st) + st.ring_w * 2.5f;
}

/// Merges counted bins whose discs would touch on screen, the larger absorbing the smaller at
/// its own position, until no two touch (the way label engines cluster by screen distance):
/// every count stays readable and the counts still add up. `point_bins` follows the merges.
void merge_touching_bins(const FrameContext& ctx, std::vector<HexBin>& bins,
                         std::vector<std::uint32_t>& point_bins, const MapStyle& st) {
    std::vector<std::uint32_t> target(bins.size());
    for (std::size_t i = 0; i < bins.size(); ++i) target[i] = static_cast<std::uint32_t>(i);
    for (bool merged = true; merged;) {
        merged = false;
        std::uint32_t max_count = 0;
        std::vector<std::size_t> live;
        for (std::size_t i = 0; i < bins.size(); ++i) {
            if (target[i] != i || bins[i].count < kMinBinCount) continue;
            live.push_back(i);
            max_count = std::max(max_count, bins[i].count);
        }
        std::stable_sort(live.begin(), live.end(), [&](std::size_t a, std::size_t b) {
            return bins[a].count > bins[b].count;
        });
        // Extents measured once a round (a count's width is a text measurement).
        std::vector<float> extent(bins.size(), 0.0f);
        for (std::size_t i : live) extent[i] = bin_extent(ctx, bins[i], max_count, st);
        for (std::size_t a = 0; a < live.size(); ++a) {
            HexBin& big = bins[live[a]];
            if (target[live[a]] != live[a]) continue;
            for (std::size_t k = a + 1; k < live.size(); ++k) {
                const std::size_t j = live[k];
                if (target[j] != j) continue;
                const HexBin& small = bins[j];
                const float dx = big.x - small.x, dy = big.y - small.y;
                const float reach = extent[live[a]] + extent[j];
                if (dx * dx + dy * dy >= reach * reach) continue;
                big.count += small.count;
                max_count = std::max(max_count, big.count);
                extent[live[a]] = bin_extent(ctx, big, max_count, st);
                big.critical += small.critical;
                for (std::size_t s = 0; s < model::kSectorCount; ++s) {
                    big.by_sector[s] += small.by_sector[s];
                }
                target[j] = static_cast<std::uint32_t>(live[a]);
                merged = true;
            }
        }
    }
    // Resolve chains (c -> b -> a) and renumber the surviving bins densely.
    std::vector<std::uint32_t> index(bins.size(), kNoBin);
    std::vector<HexBin> kept;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        if (target[i] != i) continue;
        index[i] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(bins[i]);
    }
    for (std::uint32_t& b : point_bins) {
        if (b == kNoBin) continue;
        std::uint32_t root = b;
        while (target[root] != root) root = target[root];
        b = index[root];
    }
    for (HexBin& b : kept) {
        std::size_t best = 0;
        for (std::size_t s = 1; s < model::kSectorCount; ++s) {
            if (b.by_sector[s] > b.by_sector[best]) best = s;
        }
        b.dominant_sector = static_cast<std::uint8_t>(best);
    }
    bins = std::move(kept);
}

/// Moves every counted bin whose disc (with its overdue arc) would cross the edge of `area`
/// inward until it fits: the inset's frame clips, and a count cut at the edge cannot be read.
/// Returns whether any bin moved, as a move can make two discs touch.
bool keep_bins_inside(const FrameContext& ctx, std::vector<HexBin>& bins, const Rect& area,
                      const MapStyle& st) {
    std::uint32_t max_count = 0;
    for (const HexBin& b : bins) {
        if (b.count >= kMinBinCount) max_count = std::max(max_count, b.count);
    }
    const auto inside = [](float v, float lo, float hi) {
        return lo <= hi ? std::clamp(v, lo, hi) : (lo + hi) * 0.5f;
    };
    bool moved = false;
    for (HexBin& b : bins) {
        if (b.count < kMinBinCount) continue;
        const float e = bin_extent(ctx, b, max_count, st);
        const float x = inside(b.x, area.x + e, area.right() - e);
        const float y = inside(b.y, area.y + e, area.bottom() - e);
        moved = moved || x != b.x || y != b.y;
        b.x = x;
        b.y = y;
    }
    return moved;
}

/// Moves every counted bin whose disc would lie under `cover` (the capital inset, drawn over the
/// map) to the nearest side of it that keeps the disc inside `area`. Returns whether any moved.
bool keep_bins_off(const FrameContext& ctx, std::vector<HexBin>& bins, const Rect& cover,
                   const Rect& area, const MapStyle& st) {
    std::uint32_t max_count = 0;
    for (const HexBin& b : bins) {
        if (b.count >= kMinBinCount) max_count = std::max(max_count, b.count);
    }
    bool moved = false;
    for (HexBin& b : bins) {
        if (b.count < kMinBinCount) continue;
        const float e = bin_extent(ctx, b, max_count, st);
        if (b.x <= cover.x - e || b.x >= cover.right() + e || b.y <= cover.y - e ||
            b.y >= cover.bottom() + e) {
            continue;
        }
        const ImVec2 spots[] = {{cover.x - e, b.y},
                                {cover.right() + e, b.y},
                                {b.x, cover.y - e},
                                {b.x, cover.bottom() + e}};
        float best = std::numeric_limits<float>::max();
        ImVec2 to{b.x, b.y};
        for (const ImVec2& spot : spots) {
            const bool fits = spot.x >= area.x + e && spot.x <= area.right() - e &&
                              spot.y >= area.y + e && spot.y <= area.bottom() - e;
            const float d = std::abs(spot.x - b.x) + std::abs(spot.y - b.y);
            if (fits && d < best) {
                best = d;
                to = spot;
            }
        }
        moved = moved || to.x != b.x || to.y != b.y;
        b.x = to.x;
        b.y = to.y;
    }
    return moved;
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

}  // namespace

MapStyle map_style(const FrameContext& ctx) {
    const float s = ctx.fonts->px(TextRole::small);
    MapStyle st;
    st.dot_r = std::max(2.5f, s * 0.13f);
    st.critical_r = st.dot_r * 1.6f;
    st.ring_r = st.dot_r * 2.1f;
    st.ring_w = std::max(1.5f, s * 0.05f);
    st.hex_r = std::max(14.0f, s * 1.5f);
    st.marker_r = std::max(3.0f, s * 0.16f);
    st.capital_r = st.marker_r * 1.5f;
    st.border_w = std::max(1.5f, s * 0.06f);
    return st;
}

float overdue_pulse(double anim_seconds) {
    const double phase = std::fmod(anim_seconds, 4.0) / 4.0;
    return static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * phase));
}

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

IncidentLayer plan_incident_layer(const FrameContext& ctx, std::span<const MapPoint> points,
                                  const Rect& area, const MapStyle& style,
                                  const std::optional<Rect>& cover) {
    IncidentLayer layer;
    layer.style = style;
    if (hidden_share(points, area, 2 * style.dot_r) <= kAggregateAboveHiddenShare) return layer;
    layer.binned = true;
    layer.bins = bin_points(points, area, style.hex_r, &layer.point_bins);
    // Bigger hexagons when the largest count would not fit its bin: one re-bin suffices, as a
    // count grows by at most a digit when the cell area doubles or triples.
    std::uint32_t max_count = 0;
    for (const HexBin& b : layer.bins) max_count = std::max(max_count, b.count);
    const TextStyle count_style{TextRole::small, true, ctx.theme->text};
    const float need = measure_text(ctx, count_style, format_count(max_count * 3)).x;
    const float have = hole_diameter(style.hex_r * 0.84f, style);
    if (max_count >= kMinBinCount && need > have) {
        layer.style.hex_r = std::min(style.hex_r * need / have, std::min(area.w, area.h) / 6.0f);
        layer.bins = bin_points(points, area, layer.style.hex_r, &layer.point_bins);
    }
    merge_touching_bins(ctx, layer.bins, layer.point_bins, layer.style);
    // A move can make two discs touch, and a merge can land a disc on an edge or under the
    // cover again; a few rounds settle every case seen, the bound keeps a frame's work finite.
    for (int round = 0; round < 8; ++round) {
        bool moved = keep_bins_inside(ctx, layer.bins, area, layer.style);
        if (cover) moved = keep_bins_off(ctx, layer.bins, *cover, area, layer.style) || moved;
        if (!moved) break;
        merge_touching_bins(ctx, layer.bins, layer.point_bins, layer.style);
    }
    for (HexBin& b : layer.bins) b.overdue = 0;
    return layer;
}

namespace {

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
