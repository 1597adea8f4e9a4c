// Public counts are drawn from the ingest aggregates, so no incident coordinate is ever read for
// a public map.
#include "display/map/map_public.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "display/strings.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"
#include "display/theme.hpp"

namespace tsur::display {
namespace {

struct PublicDisc {
    ImVec2 c;
    std::uint32_t count = 0;
    float r = 0;
};

/// Radius by area in proportion to the count, never smaller than the number it holds.
float disc_radius(const FrameContext& ctx, std::uint32_t count, std::uint32_t max_count,
                  const MapStyle& style) {
    const TextStyle text{TextRole::small, true, 0};
    const float em = ctx.fonts->px(TextRole::small);
    const float by_count =
        style.hex_r * std::sqrt(static_cast<float>(count) / static_cast<float>(max_count));
    return std::max(by_count, measure_text(ctx, text, format_count(count)).x * 0.5f + em * 0.3f);
}

/// Neighbouring municipalities whose discs would touch are shown as one, at the larger's place,
/// with their sum (as the incident map merges its bins): no count covers another, and the sum
/// on screen stays the sum of the counts.
void merge_touching(const FrameContext& ctx, std::vector<PublicDisc>& discs,
                    std::uint32_t max_count, const MapStyle& style) {
    for (bool merged = true; merged;) {
        merged = false;
        std::stable_sort(discs.begin(), discs.end(), [](const PublicDisc& a, const PublicDisc& b) {
            return a.count > b.count;
        });
        for (std::size_t a = 0; a < discs.size() && !merged; ++a) {
            for (std::size_t b = a + 1; b < discs.size(); ++b) {
                const float reach = discs[a].r + discs[b].r + 2 * style.ring_w;
                const float dx = discs[a].c.x - discs[b].c.x, dy = discs[a].c.y - discs[b].c.y;
                if (dx * dx + dy * dy >= reach * reach) continue;
                discs[a].count += discs[b].count;
                max_count = std::max(max_count, discs[a].count);
                discs[a].r = disc_radius(ctx, discs[a].count, max_count, style);
                discs.erase(discs.begin() + static_cast<std::ptrdiff_t>(b));
                merged = true;
                break;
            }
        }
    }
}

}  // namespace

namespace {

/// One row's open count over the shown sectors, 0 when too small to show publicly.
std::uint32_t shown_count(const model::SectorCounts& row, const config::WidgetSpec& spec) {
    std::uint32_t n = 0;
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        const auto sector = static_cast<model::Sector>(s);
        const bool shown =
            spec.sectors.empty() ||
            std::find(spec.sectors.begin(), spec.sectors.end(), sector) != spec.sectors.end();
        if (shown) n += row[s];
    }
    return n >= kPublicMinCount ? n : 0;
}

}  // namespace

std::vector<std::uint32_t> public_counts(const model::Snapshot& snap,
                                         const config::WidgetSpec& spec) {
    const auto& matrix = snap.aggregates.open_by_muni_sector;
    std::vector<std::uint32_t> out(matrix.size(), 0);
    for (std::size_t m = 0; m < matrix.size(); ++m) out[m] = shown_count(matrix[m], spec);
    return out;
}

std::uint32_t public_region_wide_count(const model::Snapshot& snap,
                                       const config::WidgetSpec& spec) {
    return shown_count(snap.aggregates.region_wide_open, spec);
}

void draw_public_counts(const FrameContext& ctx, const model::Snapshot& snap,
                        const config::WidgetSpec& spec, const Projection& projection,
                        const Rect& area, const MapStyle& style, std::vector<Rect>* boxes) {
    if (!snap.region) return;
    const std::vector<std::uint32_t> counts = public_counts(snap, spec);
    const std::uint32_t max_count =
        counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    if (max_count == 0) return;
    const Theme& th = *ctx.theme;
    const TextStyle text{TextRole::small, true, th.text};
    std::vector<PublicDisc> discs;
    for (std::size_t m = 0; m < counts.size() && m < snap.region->municipalities.size(); ++m) {
        if (counts[m] == 0) continue;
        const ImVec2 c = projection.forward(snap.region->municipalities[m].centre);
        if (!area.contains(c.x, c.y)) continue;
        discs.push_back(PublicDisc{c, counts[m], disc_radius(ctx, counts[m], max_count, style)});
    }
    merge_touching(ctx, discs, max_count, style);
    for (const PublicDisc& d : discs) {
        const std::string label = format_count(d.count);
        const ImVec2 size = measure_text(ctx, text, label);
        ctx.draw->AddCircleFilled(d.c, d.r + style.ring_w, th.background, 40);
        ctx.draw->AddCircleFilled(d.c, d.r, with_alpha(th.accent, 200), 40);
        const std::uint32_t group = scene_group(ctx);
        record_circle(ctx, SceneKind::disc, d.c, d.r + style.ring_w, group);
        draw_text_at(ctx, text, ImVec2(d.c.x - size.x * 0.5f, d.c.y - size.y * 0.5f), label,
                     SceneKind::count, group, d.count);
        if (boxes != nullptr) boxes->push_back(Rect{d.c.x - d.r, d.c.y - d.r, 2 * d.r, 2 * d.r});
    }
}

}  // namespace tsur::display
