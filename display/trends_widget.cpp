// The 30-day trends widget ("trends"): a sparkline per sector from the snapshot's history, read
// through the spike detector's helpers so it agrees with "rising now".
#include <algorithm>
#include <string>
#include <vector>

#include "display/board_rows.hpp"
#include "display/text_format.hpp"
#include "display/trends_widget.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {

void draw_trends(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const auto content = begin_panel(snap, spec, ctx, s.title_trends);
    if (!content) return;
    const model::SectorSeries series = model::sector_series(*snap, 30);
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        if (spec.shows_sector(static_cast<model::Sector>(i))) shown.push_back(i);
    }
    const Rect& c = *content;
    const float min_row = line_height(ctx, TextRole::body);
    const std::size_t fit = std::min(shown.size(), lines_that_fit(c.h, min_row));
    if (fit == 0) return;
    const float row_h = c.h / static_cast<float>(fit);
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.6f;
    const float name_w = std::clamp(c.w * 0.28f, em * 4, em * 8);
    const TextStyle today_st{TextRole::body, true, th.text};
    const float today_w = measure_text(ctx, today_st, "0 000").x;
    const float spark_x = c.x + name_w + gap;
    const float spark_w = c.right() - today_w - gap - spark_x;
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t k = 0; k < fit; ++k) {
        const std::size_t si = shown[k];
        const std::vector<std::uint32_t>& pts = series.counts[si];
        const float ly = c.y + static_cast<float>(k) * row_h;
        const float y = ly + text_offset(ctx, TextRole::body, row_h);
        draw_sector_chip(ctx, static_cast<model::Sector>(si), c.x, ly + row_h * 0.5f, chip);
        draw_text(ctx, TextStyle{TextRole::body, false, th.text}, c.x + chip * 1.6f, y,
                  name_w - chip * 1.6f, s.sector_short[si]);
        const std::uint32_t today = pts.empty() ? 0 : pts.back();
        draw_text(ctx, today_st, c.right() - today_w, y, today_w, format_count(today),
                  Align::right);
        if (pts.size() < 2 || spark_w < em) continue;
        // Each sector on its own scale: the shape matters here, the numbers are on the right.
        const std::uint32_t peak =
            std::max<std::uint32_t>(1, *std::max_element(pts.begin(), pts.end()));
        const float top = ly + row_h * 0.18f;
        const float h = row_h * 0.64f;
        ctx.draw->AddLine(ImVec2(spark_x, top + h), ImVec2(spark_x + spark_w, top + h),
                          with_alpha(th.grid, 200), 1.5f);
        std::vector<ImVec2> line;
        line.reserve(pts.size());
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const float fx = static_cast<float>(i) / static_cast<float>(pts.size() - 1);
            const float fy = static_cast<float>(pts[i]) / static_cast<float>(peak);
            line.emplace_back(spark_x + fx * spark_w, top + h - fy * h);
        }
        const float thick = std::max(2.0f, em * 0.07f);
        ctx.draw->AddPolyline(line.data(), static_cast<int>(line.size()), th.sector[si],
                              ImDrawFlags_None, thick);
        ctx.draw->AddCircleFilled(line.back(), thick * 2.2f, th.sector[si]);
    }
}

}  // namespace tsur::display
