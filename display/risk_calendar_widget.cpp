// The risk calendar widget ("risk_calendar"): dated risks ahead, soonest first.
#include <algorithm>
#include <string>
#include <vector>

#include "display/board_rows.hpp"
#include "display/risk_calendar_widget.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {

void draw_risk_calendar(const model::Snapshot* snap, const config::WidgetSpec& spec,
                        const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const auto content = begin_panel(snap, spec, ctx, s.title_risks);
    if (!content) return;
    const std::chrono::sys_days today =
        model::local_day(ctx.now, model::utc_offset_of(snap->region.get()));
    std::vector<const model::RiskEntry*> upcoming;
    for (const model::RiskEntry& r : snap->risks) {
        if (r.date < today) continue;
        if (!spec.sectors.empty() && (!r.sector || !spec.shows_sector(*r.sector))) continue;
        upcoming.push_back(&r);
    }
    std::stable_sort(
        upcoming.begin(), upcoming.end(),
        [](const model::RiskEntry* a, const model::RiskEntry* b) { return a->date < b->date; });
    if (upcoming.empty()) {
        draw_centred_message(ctx, *content, s.no_risks);
        return;
    }
    const Rect& c = *content;
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.8f;
    const TextStyle when_st{TextRole::body, true, th.accent};
    const TextStyle date_st{TextRole::small, false, th.text_dim};
    const float when_w =
        std::min(c.w * 0.35f, measure_text(ctx, when_st, format_days_until(365, s)).x);
    const float title_x = c.x + when_w + gap;
    const float title_w = c.right() - title_x;
    // Two lines per entry: when (and the date under it), and the risk itself.
    const float row_h = line_height(ctx, TextRole::body) + line_height(ctx, TextRole::small);
    std::size_t fit = lines_that_fit(c.h, row_h);
    if (spec.max_rows > 0)
        fit = std::min<std::size_t>(fit, static_cast<std::size_t>(spec.max_rows));
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t k = 0; k < std::min(fit, upcoming.size()); ++k) {
        const model::RiskEntry& r = *upcoming[k];
        const float y = c.y + static_cast<float>(k) * row_h;
        const long long days = (r.date - today).count();
        draw_text(ctx, TextStyle{TextRole::body, true, days <= 7 ? th.at_risk : th.accent}, c.x, y,
                  when_w, format_days_until(days, s));
        draw_text(ctx, date_st, c.x, y + line_height(ctx, TextRole::body), when_w,
                  format_date(r.date, s));
        float tx = title_x;
        if (r.sector) {
            draw_sector_chip(ctx, *r.sector, tx, y + ctx.fonts->px(TextRole::body) * 0.55f, chip);
            tx += chip * 1.6f;
        }
        const auto lines =
            wrap_text(ctx, TextStyle{TextRole::body, false, th.text}, r.title, c.right() - tx, 1);
        if (!lines.empty())
            draw_text(ctx, TextStyle{TextRole::body, false, th.text}, tx, y, c.right() - tx,
                      lines[0]);
        if (r.sector) {
            draw_text(ctx, date_st, tx, y + line_height(ctx, TextRole::body),
                      title_w - (tx - title_x), s.sector_name(*r.sector));
        }
    }
}

}  // namespace tsur::display
