// KPI tiles. "Overdue now" and "at risk" come from the deadline index at the frame's instant, so
// they change exactly at a deadline without new data; the rest are per-snapshot aggregates.
#include "display/kpi_strip_widget.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "display/rounded_fill.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"

namespace tsur::display {
namespace {

/// A short tile: the number on the left, its label beside it.
void draw_tile_flat(const FrameContext& ctx, const KpiTile& t, const Rect& in) {
    const TextStyle label{TextRole::small, false, ctx.theme->text_dim};
    auto role = fitting_role(ctx, t.value, in.w * 0.55f, true, TextRole::number, TextRole::small);
    while (role > TextRole::small && ctx.fonts->px(role) > in.h) {
        role = static_cast<TextRole>(static_cast<int>(role) - 1);
    }
    const TextStyle num{role, true, t.colour};
    const float num_w = draw_text(ctx, num, in.x, in.y + (in.h - ctx.fonts->px(role)) * 0.5f,
                                  in.w * 0.55f, t.value);
    const float gap = pad(ctx);
    const float label_h = ctx.fonts->px(TextRole::small) * 1.15f;
    const auto max_lines = static_cast<std::size_t>(std::max(1.0f, std::floor(in.h / label_h)));
    const float lx = in.x + num_w + gap;
    const auto lines =
        wrap_text(ctx, label, t.label, in.right() - lx, std::min<std::size_t>(2, max_lines));
    const float block = label_h * static_cast<float>(lines.size());
    float y = in.y + (in.h - block) * 0.5f;
    for (const std::string& l : lines) {
        draw_text(ctx, label, lx, y, in.right() - lx, l);
        y += label_h;
    }
}

void draw_tile(const FrameContext& ctx, const KpiTile& t, const Rect& r) {
    const Theme& th = *ctx.theme;
    const float p = pad(ctx);
    fill_rounded_rect(*ctx.draw, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                      with_alpha(th.grid, 80), p * 0.5f);
    ctx.draw->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + p * 0.4f, r.bottom()),
                            t.colour == th.text ? th.accent : t.colour);
    const Rect in{r.x + p * 1.4f, r.y + p * 0.6f, r.w - p * 2.2f, r.h - p * 1.2f};
    const TextStyle label{TextRole::small, false, th.text_dim};
    const float label_h = line_height(ctx, TextRole::small);
    if (in.h < ctx.fonts->px(TextRole::body) + label_h) {
        draw_tile_flat(ctx, t, in);
        return;
    }
    const std::size_t label_lines = in.h > label_h * 3.5f ? 2 : 1;
    const std::vector<std::string> lines = wrap_text(ctx, label, t.label, in.w, label_lines);
    const float labels_h = label_h * static_cast<float>(lines.size());
    // The number takes the largest role that fits both the width and what the label leaves.
    TextRole role = fitting_role(ctx, t.value, in.w, true, TextRole::number, TextRole::body);
    while (role > TextRole::body && ctx.fonts->px(role) > in.h - labels_h) {
        role = static_cast<TextRole>(static_cast<int>(role) - 1);
    }
    const float num_h = ctx.fonts->px(role);
    const float block = num_h + labels_h;
    const float y0 = in.y + std::max(0.0f, (in.h - block) * 0.5f);
    draw_text(ctx, TextStyle{role, true, t.colour}, in.x, y0, in.w, t.value);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        draw_text(ctx, label, in.x, y0 + num_h + label_h * static_cast<float>(i) + p * 0.2f, in.w,
                  lines[i]);
    }
}

}  // namespace

std::vector<KpiTile> kpi_tiles(const model::Snapshot& snap, config::Window window,
                               const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const model::Aggregates& a = snap.aggregates;
    const std::size_t overdue = snap.deadlines.overdue_count(ctx.now);
    const std::size_t at_risk = snap.deadlines.at_risk_count(ctx.now);
    const std::string none = "\u2014";
    const KpiTile open{s.kpi_open, format_count(a.open), th.text};
    const KpiTile overdue_tile{s.kpi_overdue, format_count(static_cast<long long>(overdue)),
                               overdue > 0 ? th.overdue : th.on_time};
    const KpiTile at_risk_tile{s.kpi_at_risk, format_count(static_cast<long long>(at_risk)),
                               at_risk > 0 ? th.at_risk : th.on_time};
    const KpiTile answered{s.kpi_answered_today, format_count(a.answered_today), th.text};
    const KpiTile median{s.kpi_median_answer,
                         a.median_answer_time
                             ? format_duration_short(a.median_answer_time->count(), s.language)
                             : none,
                         th.text};
    const KpiTile on_time{
        s.kpi_on_time_share,
        a.on_time_share_7d ? format_percent(*a.on_time_share_7d, s.language) : none, th.text};
    const KpiTile solved{s.kpi_solved_share,
                         a.solved_share_7d ? format_percent(*a.solved_share_7d, s.language) : none,
                         th.text};
    switch (window) {
        case config::Window::today:
            return {{s.kpi_created_today, format_count(a.created_today), th.text},
                    answered,
                    open,
                    overdue_tile,
                    at_risk_tile};
        case config::Window::week: {
            long long week = 0;
            for (const std::uint32_t n :
                 model::region_totals(a.week_by_muni_sector, a.region_wide_week)) {
                week += n;
            }
            return {{s.kpi_created_week, format_count(week), th.text},
                    open,
                    overdue_tile,
                    median,
                    on_time,
                    solved};
        }
        case config::Window::overdue:
            return {overdue_tile, at_risk_tile, open, answered, median, on_time, solved};
        case config::Window::open:
            break;
    }
    return {open, overdue_tile, at_risk_tile, answered, median, on_time, solved};
}

std::size_t tile_columns(std::size_t n, float w, float h, float aspect) {
    if (n == 0) return 1;
    std::size_t best = 1;
    float best_score = -1;
    for (std::size_t cols = 1; cols <= n; ++cols) {
        const std::size_t rows = (n + cols - 1) / cols;
        const float tw = w / static_cast<float>(cols);
        const float th = h / static_cast<float>(rows);
        // The tile's usable size: its height, or its width scaled to the wanted aspect.
        const float score = std::min(th, tw / aspect);
        if (score > best_score) {
            best_score = score;
            best = cols;
        }
    }
    return best;
}

void draw_kpi_strip(const model::Snapshot* snap, const config::WidgetSpec& spec,
                    const FrameContext& ctx) {
    // A short strip spends its height on the numbers: the tiles' labels say what they are.
    const bool short_strip = ctx.rect.h < ctx.fonts->px(TextRole::number) * 2.6f;
    // A public strip has no title (not even the layout's): numbers and their labels only.
    const auto content =
        spec.public_mode ? begin_panel(snap, config::WidgetSpec{}, ctx, std::string_view{})
        : short_strip && spec.title.empty() ? begin_panel(snap, spec, ctx, std::string_view{})
                                            : begin_panel(snap, spec, ctx, ctx.strings->title_kpi);
    if (!content) return;
    const std::vector<KpiTile> tiles = kpi_tiles(*snap, spec.window, ctx);
    const std::size_t n = tiles.size();
    const std::size_t cols = tile_columns(n, content->w, content->h, 2.0f);
    const std::size_t rows = (n + cols - 1) / cols;
    const float gap = pad(ctx);
    const float tw = (content->w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float th = (content->h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (std::size_t i = 0; i < n; ++i) {
        const float x = content->x + static_cast<float>(i % cols) * (tw + gap);
        const float y = content->y + static_cast<float>(i / cols) * (th + gap);
        draw_tile(ctx, tiles[i], Rect{x, y, tw, th});
    }
}

}  // namespace tsur::display
