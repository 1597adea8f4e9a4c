// SLA summary drawing. The league table is recomputed per frame from (snapshot, now): a week of
// closed incidents is a few thousand records, far cheaper than rasterising the frame.
#include "display/sla_summary_widget.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "display/board_rows.hpp"
#include "display/league_fit.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/league_table.hpp"

namespace tsur::display {
namespace {

void draw_sub_heading(const FrameContext& ctx, const Rect& r, std::string_view text) {
    draw_text(ctx, TextStyle{TextRole::body, true, ctx.theme->text_dim}, r.x, r.y, r.w, text);
}

void draw_sectors(const model::Snapshot& snap, const config::WidgetSpec& spec,
                  const FrameContext& ctx, const Rect& r) {
    const Theme& th = *ctx.theme;
    const Strings& s = *ctx.strings;
    const model::SectorSlaCounts counts = model::overdue_and_at_risk_by_sector(snap, ctx.now);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        const bool shown =
            spec.sectors.empty() || std::find(spec.sectors.begin(), spec.sectors.end(),
                                              static_cast<model::Sector>(i)) != spec.sectors.end();
        if (shown && counts.overdue[i] + counts.at_risk[i] > 0) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (counts.overdue[a] != counts.overdue[b]) return counts.overdue[a] > counts.overdue[b];
        return counts.at_risk[a] > counts.at_risk[b];
    });
    if (order.empty()) {
        draw_centred_message(ctx, r, s.all_on_time);
        return;
    }
    const float em = ctx.fonts->px(TextRole::small);
    const TextStyle head{TextRole::small, false, th.text_dim};
    const TextStyle num{TextRole::body, true, th.text};
    const float num_w =
        std::max({measure_text(ctx, num, "0 000").x, measure_text(ctx, head, s.overdue_word).x,
                  measure_text(ctx, head, s.at_risk_word).x});
    const float gap = em * 0.6f;
    // The bar only when the names keep room for "Здравоохранение"-length labels.
    const float bar_w = r.w > em * 22 ? std::min(r.w * 0.35f, r.w - em * 18) : 0.0f;
    const float name_w = r.w - 2 * (num_w + gap) - (bar_w > 0 ? bar_w + gap : 0.0f);
    const float x_over = r.x + name_w + gap;
    const float x_risk = x_over + num_w + gap;
    const float x_bar = x_risk + num_w + gap;
    draw_text(ctx, head, x_over, r.y, num_w, s.overdue_word, Align::right);
    draw_text(ctx, head, x_risk, r.y, num_w, s.at_risk_word, Align::right);
    const float top = r.y + line_height(ctx, TextRole::small);
    const float row_h = line_height(ctx, TextRole::body);
    std::size_t fit = lines_that_fit(r.bottom() - top, row_h);
    if (fit < order.size()) {
        // The last line says how many sectors did not fit.
        fit = fit > 0 ? fit - 1 : 0;
        const float more_y =
            top + static_cast<float>(fit) * row_h + text_offset(ctx, TextRole::small, row_h);
        draw_text(ctx, head, r.x, more_y, r.w,
                  std::string(s.more_word) + " " + std::to_string(order.size() - fit));
    }
    std::uint32_t max_total = 1;
    for (std::size_t i : order)
        max_total = std::max(max_total, counts.overdue[i] + counts.at_risk[i]);
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t k = 0; k < std::min(fit, order.size()); ++k) {
        const std::size_t i = order[k];
        const float ly = top + static_cast<float>(k) * row_h;
        const float y = ly + text_offset(ctx, TextRole::body, row_h);
        draw_sector_chip(ctx, static_cast<model::Sector>(i), r.x, ly + row_h * 0.5f, chip);
        draw_text(ctx, TextStyle{TextRole::body, false, th.text}, r.x + chip * 1.6f, y,
                  name_w - chip * 1.6f, s.sector_short[i]);
        draw_text(ctx,
                  TextStyle{TextRole::body, true, counts.overdue[i] > 0 ? th.overdue : th.text_dim},
                  x_over, y, num_w, format_count(counts.overdue[i]), Align::right);
        draw_text(ctx,
                  TextStyle{TextRole::body, true, counts.at_risk[i] > 0 ? th.at_risk : th.text_dim},
                  x_risk, y, num_w, format_count(counts.at_risk[i]), Align::right);
        if (bar_w > em) {
            const float scale = bar_w / static_cast<float>(max_total);
            const float bh = row_h * 0.45f;
            const float by = ly + (row_h - bh) * 0.5f;
            const float w_over = scale * static_cast<float>(counts.overdue[i]);
            const float w_risk = scale * static_cast<float>(counts.at_risk[i]);
            ctx.draw->AddRectFilled(ImVec2(x_bar, by), ImVec2(x_bar + w_over, by + bh), th.overdue);
            ctx.draw->AddRectFilled(ImVec2(x_bar + w_over, by),
                                    ImVec2(x_bar + w_over + w_risk, by + bh), th.at_risk);
        }
    }
}

ImU32 share_colour(const Theme& th, double share) {
    if (share < 0.7) return th.overdue;
    if (share < 0.9) return th.at_risk;
    return th.on_time;
}

void draw_league_row(const FrameContext& ctx, const model::AgencyRow& a, const Rect& r,
                     float row_h) {
    const Theme& th = *ctx.theme;
    const Strings& s = *ctx.strings;
    const float em = ctx.fonts->px(TextRole::small);
    const TextStyle num{TextRole::body, true, th.text};
    const float pct_w = measure_text(ctx, num, "100 %").x;
    const float cases_w = measure_text(ctx, TextStyle{TextRole::small, false, 0}, "0 000").x;
    const float gap = em * 0.6f;
    const float bar_w = std::clamp(r.w * 0.2f, 0.0f, em * 6);
    const float x_bar = r.right() - bar_w;
    const float x_cases = x_bar - gap - cases_w;
    const float x_pct = x_cases - gap - pct_w;
    const float name_w = x_pct - gap - r.x;
    const float ty = r.y + text_offset(ctx, TextRole::body, row_h);
    const double share = a.on_time_share();
    const std::string name = a.agency.empty() ? std::string(s.no_data) : a.agency;
    draw_text(ctx, TextStyle{TextRole::body, false, th.text}, r.x, ty, name_w, name);
    draw_text(ctx, TextStyle{TextRole::body, true, share_colour(th, share)}, x_pct, ty, pct_w,
              format_percent(share, s.language), Align::right);
    draw_text(ctx, TextStyle{TextRole::small, false, th.text_dim}, x_cases,
              r.y + text_offset(ctx, TextRole::small, row_h), cases_w, format_count(a.cases()),
              Align::right);
    if (bar_w > em) {
        const float bh = row_h * 0.4f;
        const float by = r.y + (row_h - bh) * 0.5f;
        ctx.draw->AddRectFilled(ImVec2(x_bar, by), ImVec2(x_bar + bar_w, by + bh),
                                with_alpha(th.grid, 160));
        ctx.draw->AddRectFilled(ImVec2(x_bar, by),
                                ImVec2(x_bar + bar_w * static_cast<float>(share), by + bh),
                                share_colour(th, share));
    }
}

void draw_league(const model::Snapshot& snap, const FrameContext& ctx, const Rect& r) {
    const Theme& th = *ctx.theme;
    const Strings& s = *ctx.strings;
    const model::LeagueTable table = model::agency_league_table(snap, ctx.now);
    const float em = ctx.fonts->px(TextRole::small);
    const TextStyle head{TextRole::small, false, th.text_dim};
    // The sub-heading and the column names share one line: a separate line each cost the table
    // its only rows on a short cell.
    const float head_h = line_height(ctx, TextRole::body);
    const float title_w = measure_text(ctx, TextStyle{TextRole::body, true, 0}, s.title_league).x;
    draw_sub_heading(ctx, r, s.title_league);
    draw_text(ctx, head, r.x + title_w + em, r.y + text_offset(ctx, TextRole::small, head_h),
              r.w - title_w - em, std::string(s.col_agency) + ", " + std::string(s.col_on_time));
    const float row_h = line_height(ctx, TextRole::body);
    const float footer_h = line_height(ctx, TextRole::small);
    const float top = r.y + head_h;
    const float col_gap = em * 2;
    const LeagueFit fit = fit_league(table.ranked.size(), r.w + col_gap, r.bottom() - top, row_h,
                                     footer_h, em * 24 + col_gap);
    if (table.ranked.empty()) {
        draw_text(ctx, TextStyle{TextRole::body, false, th.text_dim}, r.x, top, r.w, s.no_data);
    }
    const float col_w =
        (r.w - col_gap * static_cast<float>(fit.columns - 1)) / static_cast<float>(fit.columns);
    for (std::size_t k = 0; k < fit.shown; ++k) {
        const std::size_t col = k / fit.rows, row = k % fit.rows;
        draw_league_row(ctx, table.ranked[k],
                        Rect{r.x + static_cast<float>(col) * (col_w + col_gap),
                             top + static_cast<float>(row) * row_h, col_w, row_h},
                        row_h);
    }
    const std::string footer = league_footer(table, fit.shown, model::kDefaultLeagueMinCases, s);
    if (!footer.empty()) {
        draw_text(ctx, head, r.x,
                  r.bottom() - footer_h + text_offset(ctx, TextRole::small, footer_h), r.w, footer);
    }
}

}  // namespace

void draw_sla_summary(const model::Snapshot* snap, const config::WidgetSpec& spec,
                      const FrameContext& ctx) {
    const auto content = begin_panel(snap, spec, ctx, ctx.strings->title_summary);
    if (!content) return;
    const Rect& c = *content;
    const float gap = pad(ctx) * 2;
    // Side by side only when each half keeps readable columns; otherwise one above the other.
    const float em = ctx.fonts->px(TextRole::small);
    if (c.w > c.h * 1.2f && c.w > em * 40) {
        const float left = (c.w - gap) * 0.42f;
        draw_sectors(*snap, spec, ctx, Rect{c.x, c.y, left, c.h});
        draw_league(*snap, ctx, Rect{c.x + left + gap, c.y, c.w - left - gap, c.h});
    } else {
        const float top = (c.h - gap) * 0.42f;
        draw_sectors(*snap, spec, ctx, Rect{c.x, c.y, c.w, top});
        draw_league(*snap, ctx, Rect{c.x, c.y + top + gap, c.w, c.h - top - gap});
    }
}

}  // namespace tsur::display
