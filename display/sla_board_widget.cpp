// SLA board drawing: the board is planned twice (one-line rows measure the countdowns, then the
// columns decide the row height), and the page note shortens rather than cover the title.
#include "display/sla_board_widget.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "display/board_plan.hpp"
#include "display/sla_board_table.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"

namespace tsur::display {

void draw_title_note(const FrameContext& ctx, const std::string& text) {
    const TextStyle st{TextRole::heading, true, ctx.theme->text_dim};
    const float p = pad(ctx);
    const float w = measure_text(ctx, st, text).x;
    const Rect& r = ctx.rect;
    // Cover the end of a long title so the note never overlaps it.
    ctx.draw->AddRectFilled(
        ImVec2(r.right() - 2 * p - w - p, r.y + p * 0.5f),
        ImVec2(r.right() - 2 * p, r.y + p + ctx.fonts->px(TextRole::heading) * 1.2f),
        ctx.theme->panel);
    draw_text(ctx, st, r.right() - 2 * p - w, r.y + p, w, text);
}

void draw_page_indicator(const FrameContext& ctx, std::size_t page, std::size_t pages) {
    if (pages <= 1) return;
    draw_title_note(ctx, std::to_string(page + 1) + "/" + std::to_string(pages));
}

void draw_sla_board(const model::Snapshot* snap, const config::WidgetSpec& spec,
                    const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    if (snap == nullptr || spec.public_mode) {
        const auto content =
            begin_panel(snap, spec, ctx, spec.public_mode ? s.title_board_public : s.title_board);
        if (content) draw_public_board(*snap, spec, ctx, *content);
        return;
    }
    // The page note is known only after planning, and the title is elided to leave it room, so
    // the panel is drawn once the note is chosen (every return below draws it).
    const std::string_view title =
        spec.title.empty() ? s.title_board : std::string_view(spec.title);
    const std::optional<Rect> content = panel_content(ctx, !title.empty());
    const float header_h = line_height(ctx, TextRole::small);
    const float footer_h = line_height(ctx, TextRole::small);
    const float top = content->y + header_h;
    const float rows_h = content->bottom() - top - footer_h;
    const auto per_page_for = [&](float row_h) {
        std::size_t n = lines_that_fit(rows_h, row_h);
        if (spec.max_rows > 0)
            n = std::min<std::size_t>(n, static_cast<std::size_t>(spec.max_rows));
        return n;
    };
    // The board is for breaches: overdue and at-risk rows only; "all on time" otherwise. Planned
    // first with one-line rows to measure the countdowns it can show, then again if the columns
    // need two-line rows.
    const std::size_t one_line = per_page_for(line_height(ctx, TextRole::body));
    if (one_line == 0) {
        draw_panel(ctx, title);
        return;
    }
    BoardPlan plan = plan_board(*snap, spec, ctx.now, one_line);
    if (plan.cycle.empty()) {
        draw_panel(ctx, title);
        draw_centred_message(ctx, *content, s.all_on_time);
        return;
    }
    float due_w = 0;
    for (const BoardSection& section : plan.sections) {
        due_w = std::max(due_w, widest_countdown(ctx, section.lines, section.pages.back().last));
    }
    const Columns cols = layout_columns(ctx, *snap, *content, due_w, spec.group_by);
    const float row_h = row_height(ctx, cols);
    const std::size_t per_page = per_page_for(row_h);
    if (per_page == 0) {
        draw_panel(ctx, title);
        return;
    }
    if (per_page != one_line) plan = plan_board(*snap, spec, ctx.now, per_page);

    const BoardPageRef& ref = page_of_cycle(plan, ctx.now, spec.page_seconds);
    const BoardSection& section = plan.sections[ref.section];
    const BoardPage& page = section.pages[ref.page];
    const std::span<const BoardLine> lines = section.lines;
    // The note shortens (order hint, then total) rather than cover the panel's title.
    const TextStyle heading{TextRole::heading, true, 0};
    const float title_w = measure_text(ctx, heading, title).x;
    const float room = ctx.rect.w - title_w - 5 * pad(ctx);
    std::string note = board_page_label(plan, ref, s, spec);
    if (measure_text(ctx, heading, note).x > room)
        note = board_page_label(plan, ref, s, spec, false);
    if (measure_text(ctx, heading, note).x > room) {
        note = board_page_label(plan, ref, s, spec, false, false);
    }
    draw_panel(ctx, title, note);
    draw_header(ctx, cols, content->y);

    float y = top;
    std::size_t stripe = 0;
    if (page.repeats_header) {
        draw_group_header(ctx, *snap, lines[page.header_line],
                          Rect{content->x, y, content->w, row_h}, true);
        y += row_h;
    }
    for (std::size_t i = page.first; i < page.last; ++i) {
        const Rect line{content->x, y, content->w, row_h};
        if (lines[i].kind == BoardLine::Kind::group_header) {
            draw_group_header(ctx, *snap, lines[i], line, false);
            stripe = 0;
        } else {
            draw_row(ctx, *snap, cols, lines[i].row, line, (stripe++ % 2) == 1);
        }
        y += row_h;
    }
    const std::string tail = board_tail_text(plan.tail, s);
    if (!tail.empty()) {
        const TextStyle st{TextRole::small, false, ctx.theme->text_dim};
        draw_text(ctx, st, content->x,
                  content->bottom() - footer_h + text_offset(ctx, TextRole::small, footer_h),
                  content->w, tail);
    }
}

}  // namespace tsur::display
