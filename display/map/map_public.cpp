// Public counts are drawn from the ingest aggregates, so no incident coordinate is ever read for
// a public map.
#include "display/map/map_public.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "display/strings.hpp"
#include "display/text.hpp"
#include "display/theme.hpp"

namespace tsur::display {

namespace {

/// One row's open count over the shown sectors, 0 when too small to show publicly.
std::uint32_t shown_count(const model::SectorCounts& row, const config::WidgetSpec& spec) {
    std::uint32_t n = 0;
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        const auto sector = static_cast<model::Sector>(s);
        const bool shown = spec.sectors.empty() || std::find(spec.sectors.begin(),
                                                             spec.sectors.end(),
                                                             sector) != spec.sectors.end();
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
    const float em = ctx.fonts->px(TextRole::small);
    for (std::size_t m = 0; m < counts.size() && m < snap.region->municipalities.size(); ++m) {
        if (counts[m] == 0) continue;
        const ImVec2 c = projection.forward(snap.region->municipalities[m].centre);
        if (!area.contains(c.x, c.y)) continue;
        const std::string label = format_count(counts[m]);
        const ImVec2 size = measure_text(ctx, text, label);
        // Area in proportion to the count, never smaller than the number it holds.
        const float by_count = style.hex_r * std::sqrt(static_cast<float>(counts[m]) /
                                                       static_cast<float>(max_count));
        const float r = std::max(by_count, size.x * 0.5f + em * 0.3f);
        ctx.draw->AddCircleFilled(c, r + style.ring_w, th.background, 40);
        ctx.draw->AddCircleFilled(c, r, with_alpha(th.accent, 200), 40);
        ctx.draw->AddText(ctx.fonts->font(TextRole::small, true), ctx.fonts->px(TextRole::small),
                          ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), th.text,
                          label.c_str());
        if (boxes != nullptr) boxes->push_back(Rect{c.x - r, c.y - r, 2 * r, 2 * r});
    }
}

}  // namespace tsur::display
