// The lobby variant of the board: where incidents are open and how many are late, with no titles,
// agencies or anything else a visitor could tie to a person.
#include <algorithm>
#include <array>

#include "display/board_rows.hpp"
#include "display/rounded_fill.hpp"
#include "display/sla_board_widget.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"

namespace tsur::display {
namespace {

model::Sector top_sector(const PublicRow& r) {
    const auto it = std::max_element(r.open_by_sector.begin(), r.open_by_sector.end());
    return static_cast<model::Sector>(it - r.open_by_sector.begin());
}

}  // namespace

void draw_public_board(const model::Snapshot& snap, const config::WidgetSpec& spec,
                       const FrameContext& ctx, const Rect& content) {
    const Theme& th = *ctx.theme;
    const Strings& s = *ctx.strings;
    const std::vector<PublicRow> rows = build_public_rows(snap, spec, ctx.now);
    if (rows.empty()) {
        draw_centred_message(ctx, content, s.no_incidents);
        return;
    }
    const float em = ctx.fonts->px(TextRole::small);
    const TextStyle num{TextRole::body, true, th.text};
    const float num_w =
        std::max(measure_text(ctx, num, "00 000").x,
                 measure_text(ctx, TextStyle{TextRole::small, false, 0}, s.at_risk_word).x);
    const float gap = em * 0.8f;
    const float sector_w = std::clamp(content.w * 0.28f, em * 5, em * 10);
    const float muni_w = content.w - 3 * (num_w + gap) - gap - sector_w;
    const std::array<float, 5> x = {
        content.x, content.x + muni_w + gap, content.x + muni_w + num_w + 2 * gap,
        content.x + muni_w + 2 * num_w + 3 * gap, content.x + muni_w + 3 * num_w + 4 * gap};

    const TextStyle head{TextRole::small, false, th.text_dim};
    draw_text(ctx, head, x[0], content.y, muni_w, s.col_municipality);
    draw_text(ctx, head, x[1], content.y, num_w, s.col_open, Align::right);
    draw_text(ctx, head, x[2], content.y, num_w, s.at_risk_word, Align::right);
    draw_text(ctx, head, x[3], content.y, num_w, s.overdue_word, Align::right);
    draw_text(ctx, head, x[4], content.y, sector_w, s.col_top_sector);

    const float top = content.y + line_height(ctx, TextRole::small);
    const float row_h = line_height(ctx, TextRole::body);
    std::size_t per_page = lines_that_fit(content.bottom() - top, row_h);
    if (spec.max_rows > 0)
        per_page = std::min<std::size_t>(per_page, static_cast<std::size_t>(spec.max_rows));
    if (per_page == 0) return;
    const std::size_t pages = (rows.size() + per_page - 1) / per_page;
    const std::size_t page = page_at(ctx.now, spec.page_seconds, pages);
    draw_page_indicator(ctx, page, pages);

    const std::size_t first = page * per_page;
    const std::size_t last = std::min(rows.size(), first + per_page);
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t i = first; i < last; ++i) {
        const PublicRow& r = rows[i];
        const float ly = top + static_cast<float>(i - first) * row_h;
        if ((i - first) % 2 == 1) {
            fill_rounded_rect(*ctx.draw, ImVec2(content.x - em * 0.25f, ly),
                              ImVec2(content.right() + em * 0.25f, ly + row_h),
                              with_alpha(th.grid, 70), em * 0.25f);
        }
        const float y = ly + text_offset(ctx, TextRole::body, row_h);
        const TextStyle name_st{TextRole::body, false, th.text};
        draw_text(ctx, name_st, x[0], y, muni_w,
                  municipality_label(ctx, snap, r.municipality, name_st, muni_w));
        draw_text(ctx, num, x[1], y, num_w, format_count(r.open), Align::right);
        draw_text(ctx, TextStyle{TextRole::body, true, r.at_risk > 0 ? th.at_risk : th.text_dim},
                  x[2], y, num_w, format_count(r.at_risk), Align::right);
        draw_text(ctx, TextStyle{TextRole::body, true, r.overdue > 0 ? th.overdue : th.text_dim},
                  x[3], y, num_w, format_count(r.overdue), Align::right);
        const model::Sector top_s = top_sector(r);
        draw_sector_chip(ctx, top_s, x[4], ly + row_h * 0.5f, chip);
        draw_text(ctx, TextStyle{TextRole::body, false, th.text}, x[4] + chip * 1.6f, y,
                  sector_w - chip * 1.6f, s.sector_short[model::index_of(top_s)]);
    }
}

}  // namespace tsur::display
