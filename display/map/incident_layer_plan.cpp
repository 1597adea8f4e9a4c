// Planning the incident layer: hexagon bins sized for their counts, merged where discs would
// touch, and kept inside the map and off the capital inset.
#include "display/map/incident_layer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "display/map/bin_size.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

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

}  // namespace

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

}  // namespace tsur::display
