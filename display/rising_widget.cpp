// The "rising now" widget ("rising"): sectors whose count today is far above their usual. It
// reads the snapshot's history through the spike detector, as the heatmap markers do.
#include <algorithm>
#include <string>
#include <vector>

#include "display/board_rows.hpp"
#include "display/rising_widget.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {

void draw_rising(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const auto content = begin_panel(snap, spec, ctx, s.title_rising);
    if (!content) return;
    std::vector<model::Spike> spikes = model::detect_spikes(*snap);
    std::erase_if(spikes, [&](const model::Spike& sp) { return !spec.shows_sector(sp.sector); });
    if (spikes.empty()) {
        draw_centred_message(ctx, *content, s.no_spikes);
        return;
    }
    const Rect& c = *content;
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.6f;
    const TextStyle factor_st{TextRole::body, true, th.at_risk};
    const float factor_w =
        std::min(c.w * 0.4f, measure_text(ctx, factor_st, format_factor(88.8, s)).x);
    const TextStyle count_st{TextRole::body, true, th.text};
    const float count_w = measure_text(ctx, count_st, "0 000").x;
    const float sector_w = std::clamp(c.w * 0.25f, em * 4, em * 8);
    const float name_w = c.w - factor_w - count_w - sector_w - 3 * gap;
    const float row_h = line_height(ctx, TextRole::body);
    std::size_t fit = lines_that_fit(c.h, row_h);
    if (spec.max_rows > 0)
        fit = std::min<std::size_t>(fit, static_cast<std::size_t>(spec.max_rows));
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t k = 0; k < std::min(fit, spikes.size()); ++k) {
        const model::Spike& sp = spikes[k];
        const float ly = c.y + static_cast<float>(k) * row_h;
        const float y = ly + text_offset(ctx, TextRole::body, row_h);
        float x = c.x;
        const TextStyle name_st{TextRole::body, false, th.text};
        draw_text(ctx, name_st, x, y, name_w,
                  municipality_label(ctx, *snap, sp.municipality, name_st, name_w));
        x += name_w + gap;
        draw_sector_chip(ctx, sp.sector, x, ly + row_h * 0.5f, chip);
        draw_text(ctx, TextStyle{TextRole::body, false, th.text}, x + chip * 1.6f, y,
                  sector_w - chip * 1.6f, s.sector_short[model::index_of(sp.sector)]);
        x += sector_w + gap;
        draw_text(ctx, count_st, x, y, count_w, format_count(sp.today), Align::right);
        x += count_w + gap;
        draw_text(ctx, factor_st, x, y, factor_w, format_factor(sp.factor, s), Align::right);
    }
}

}  // namespace tsur::display
