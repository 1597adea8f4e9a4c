// Columns give way on narrow cells (channel first, then agency) instead of shrinking text below
// the readable size; long text is elided, never cut mid-word without "…".
#include "display/sla_board_table.hpp"

#include <algorithm>
#include <string>

#include "display/rounded_fill.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"

namespace tsur::display {
namespace {

float sector_chip_w(const FrameContext& ctx) { return ctx.fonts->px(TextRole::body) * 0.6f * 1.6f; }

ImU32 countdown_colour(const Theme& th, model::SlaState s) {
    if (s == model::SlaState::overdue) return th.overdue;
    if (s == model::SlaState::at_risk) return th.at_risk;
    return th.text;
}

}  // namespace

float widest_countdown(const FrameContext& ctx, std::span<const BoardLine> lines,
                       std::size_t max_lines) {
    const TextStyle due_style{TextRole::body, true, 0};
    float w = 0;
    for (std::size_t i = 0; i < std::min(lines.size(), max_lines); ++i) {
        if (lines[i].kind != BoardLine::Kind::row) continue;
        w = std::max(
            w, measure_text(ctx, due_style,
                            format_countdown(lines[i].row.time_left.count(), ctx.strings->language))
                   .x);
    }
    return w;
}

Columns layout_columns(const FrameContext& ctx, const model::Snapshot& snap, const Rect& content,
                       float due_w, config::GroupBy group_by) {
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.6f;
    constexpr std::array<float, kColCount> kMinEm = {0, 6, 5, 6, 5, 8};
    constexpr std::array<float, kColCount> kWeight = {0, 1.3f, 1.0f, 1.4f, 0.9f, 2.4f};
    // The columns that identify a row get the width of their longest value (municipalities in
    // their rule-made short form), so they are never cut to "Транс…".
    std::array<float, kColCount> min_w{};
    for (std::size_t i = 0; i < kColCount; ++i) min_w[i] = kMinEm[i] * em;
    const TextStyle body{TextRole::body, false, 0};
    min_w[kMuni] = std::max(min_w[kMuni], municipality_min_width(ctx, snap, body));
    float widest_sector = 0;
    for (const std::string_view name : ctx.strings->sector_short) {
        widest_sector = std::max(widest_sector, measure_text(ctx, body, name).x);
    }
    min_w[kSector] = std::max(min_w[kSector], sector_chip_w(ctx) + widest_sector);
    // Columns dropped first when the cell is narrow; below due + municipality + sector + title
    // the row splits into two lines instead of losing the title.
    constexpr std::array<Col, 2> kDropOrder = {kChannel, kAgency};

    Columns c;
    c.shown.fill(true);
    // The group header already names the agency or municipality of every row below it.
    if (group_by == config::GroupBy::agency) c.shown[kAgency] = false;
    if (group_by == config::GroupBy::municipality) c.shown[kMuni] = false;
    auto min_total = [&] {
        float sum = due_w;
        for (std::size_t i = 1; i < kColCount; ++i) {
            if (c.shown[i]) sum += min_w[i] + gap;
        }
        return sum;
    };
    for (const Col drop : kDropOrder) {
        if (min_total() <= content.w) break;
        c.shown[drop] = false;
    }
    if (min_total() > content.w) {
        c.two_line = true;
        c.shown[kTitle] = false;
        c.shown[kAgency] = false;
        c.shown[kChannel] = false;
    }
    if (min_total() > content.w) {
        c.sector_chip_only = true;
        min_w[kSector] = sector_chip_w(ctx);
    }
    float weights = 0;
    for (std::size_t i = 1; i < kColCount; ++i) {
        if (c.shown[i]) weights += kWeight[i];
    }
    const float spare = std::max(0.0f, content.w - min_total());
    float x = content.x;
    c.w[kDue] = due_w;
    c.x[kDue] = x;
    x += due_w;
    for (std::size_t i = 1; i < kColCount; ++i) {
        if (!c.shown[i]) continue;
        x += gap;
        c.x[i] = x;
        c.w[i] = min_w[i] + (weights > 0 ? spare * kWeight[i] / weights : 0);
        x += c.w[i];
    }
    // In two-line rows the second line runs the full width: the title matters most there.
    if (c.two_line) {
        c.x[kTitle] = content.x;
        c.w[kTitle] = content.w;
    }
    return c;
}

float row_height(const FrameContext& ctx, const Columns& c) {
    const float one = line_height(ctx, TextRole::body);
    return c.two_line ? one + ctx.fonts->px(TextRole::small) * 1.25f : one;
}

void draw_header(const FrameContext& ctx, const Columns& c, float y) {
    const Strings& s = *ctx.strings;
    const TextStyle st{TextRole::small, false, ctx.theme->text_dim};
    const std::array<std::string_view, kColCount> names = {
        s.col_due, s.col_municipality, s.col_sector, s.col_agency, s.col_channel, s.col_title};
    for (std::size_t i = 0; i < kColCount; ++i) {
        // A chip-only sector column is too narrow for its name; the chips speak for themselves.
        if (i == kSector && c.sector_chip_only) continue;
        if (c.shown[i]) draw_text(ctx, st, c.x[i], y, c.w[i], names[i]);
    }
}

void draw_row(const FrameContext& ctx, const model::Snapshot& snap, const Columns& c,
              const BoardRow& row, const Rect& line, bool stripe) {
    const Theme& th = *ctx.theme;
    const Strings& s = *ctx.strings;
    const model::Incident& inc = snap.incidents[row.incident];
    const float pad_x = pad(ctx) * 0.5f;
    if (row.just_overdue) {
        fill_rounded_rect(*ctx.draw, ImVec2(line.x - pad_x, line.y),
                          ImVec2(line.right() + pad_x, line.bottom()), th.highlight, pad_x);
    } else if (stripe) {
        fill_rounded_rect(*ctx.draw, ImVec2(line.x - pad_x, line.y),
                          ImVec2(line.right() + pad_x, line.bottom()), with_alpha(th.grid, 70),
                          pad_x);
    }
    const float first_h = line_height(ctx, TextRole::body);
    const float y = line.y + text_offset(ctx, TextRole::body, first_h);
    const TextStyle due{TextRole::body, true, countdown_colour(th, row.state)};
    draw_text(ctx, due, c.x[kDue], y, c.w[kDue],
              format_countdown(row.time_left.count(), s.language));
    const TextStyle body{TextRole::body, false, th.text};
    const TextStyle dim{TextRole::body, false, th.text_dim};
    if (c.shown[kMuni]) {
        draw_text(ctx, body, c.x[kMuni], y, c.w[kMuni],
                  municipality_label(ctx, snap, inc.municipality, body, c.w[kMuni]));
    }
    if (c.shown[kSector]) {
        const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
        draw_sector_chip(ctx, inc.sector, c.x[kSector], line.y + first_h * 0.5f, chip);
        if (!c.sector_chip_only) {
            draw_text(ctx, body, c.x[kSector] + chip * 1.6f, y, c.w[kSector] - chip * 1.6f,
                      s.sector_short[model::index_of(inc.sector)]);
        }
    }
    if (c.shown[kAgency]) draw_text(ctx, dim, c.x[kAgency], y, c.w[kAgency], inc.agency);
    if (c.shown[kChannel])
        draw_text(ctx, dim, c.x[kChannel], y, c.w[kChannel], s.channel_name(inc.channel));
    if (c.shown[kTitle]) draw_text(ctx, body, c.x[kTitle], y, c.w[kTitle], inc.title);
    if (c.two_line) {
        const float y2 = line.y + first_h - ctx.fonts->px(TextRole::small) * 0.1f;
        const TextStyle small{TextRole::small, false, th.text};
        const TextStyle small_dim{TextRole::small, false, th.text_dim};
        const std::string meta = inc.agency + " \u00B7 " + std::string(s.channel_name(inc.channel));
        const float gap = pad(ctx);
        const float meta_w = std::min(measure_text(ctx, small_dim, meta).x, c.w[kTitle] * 0.4f);
        draw_text(ctx, small, c.x[kTitle], y2, c.w[kTitle] - meta_w - gap, inc.title);
        draw_text(ctx, small_dim, c.x[kTitle] + c.w[kTitle] - meta_w, y2, meta_w, meta,
                  Align::right);
    }
}

void draw_group_header(const FrameContext& ctx, const model::Snapshot& snap, const BoardLine& h,
                       const Rect& line, bool continued) {
    const Theme& th = *ctx.theme;
    const std::string count = std::to_string(h.group_size);
    const TextStyle cnt{TextRole::body, true, th.text_dim};
    const float count_w = measure_text(ctx, cnt, count).x;
    const float y = line.y + text_offset(ctx, TextRole::body, line.h);
    const TextStyle st{TextRole::body, true, continued ? th.text_dim : th.accent};
    std::string label = h.group.empty() ? municipality_label(ctx, snap, h.group_municipality, st,
                                                             line.w - count_w - pad(ctx))
                                        : h.group;
    if (label.empty()) label = std::string(ctx.strings->no_data);
    draw_text(ctx, st, line.x, y, line.w - count_w - pad(ctx), label);
    draw_text(ctx, cnt, line.right() - count_w, y, count_w, count);
    ctx.draw->AddLine(ImVec2(line.x, line.bottom() - 1.0f),
                      ImVec2(line.right(), line.bottom() - 1.0f), th.grid, 2.0f);
}

}  // namespace tsur::display
