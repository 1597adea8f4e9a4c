// Heatmap drawing: sector headers, one row per municipality with its cells and total, and the
// legend with its caption; the geometry comes from heatmap_layout.
#include "display/heatmap_widget.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "display/board_rows.hpp"
#include "display/heatmap_data.hpp"
#include "display/heatmap_layout.hpp"
#include "display/map/map_public.hpp"
#include "display/sla_board_widget.hpp"
#include "display/widget_common.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {
namespace {

/// Draws text turned 90 degrees counter-clockwise and scaled by `k` (<= 1), the top of its line
/// at x and its end at `bottom`.
void draw_upright_text(const FrameContext& ctx, const TextStyle& st, float x, float bottom,
                       const std::string& text, float k) {
    ImDrawList* dl = ctx.draw;
    const int start = dl->VtxBuffer.Size;
    // Drawn first at the cell's left edge (always inside the clip rectangle), then turned.
    const float ox = ctx.rect.x;
    const float oy = ctx.rect.y;
    FrameContext flat = ctx;  // recorded below where the text ends up, not where it starts
    flat.scene = nullptr;
    const float w = draw_text(flat, st, ox, oy, ctx.rect.w, text);
    const Rect ink = text_ink(ctx, st, ImVec2(ox, oy), text);
    record_text(ctx, SceneKind::text, text,
                Rect{x + (ink.y - oy) * k, bottom - w * k, ink.h * k, w * k});
    for (int i = start; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& p = dl->VtxBuffer[i].pos;
        const float dx = p.x - ox;
        const float dy = p.y - oy;
        p = ImVec2(x + dy * k, bottom - dx * k);
    }
}

/// What every part of the table draws from.
struct Table {
    const FrameContext& ctx;
    const model::Snapshot& snap;
    const config::WidgetSpec& spec;
    const HeatmapData& data;
    const std::vector<std::size_t>& sectors;
    const HeatmapStyles& st;
    const HeatmapGeometry& g;
    Rect content;
    float grid_top;
};

/// Headers with a sector-colour bar linking each column to the map's colours.
void draw_headers(const Table& t) {
    const Strings& s = *t.ctx.strings;
    const float gap = t.st.gap;
    const float head_line = t.st.line_h;
    for (std::size_t c = 0; c < t.sectors.size(); ++c) {
        const std::size_t si = t.sectors[c];
        const float cx = t.g.grid_x + static_cast<float>(c) * t.g.cell_w;
        const std::string_view name = s.sector_short[si];
        const float bar_y = t.grid_top - gap - t.st.chip_h;
        t.ctx.draw->AddRectFilled(ImVec2(cx + gap * 0.25f, bar_y),
                                  ImVec2(cx + t.g.cell_w - gap * 0.25f, bar_y + t.st.chip_h),
                                  t.ctx.theme->sector[si]);
        if (t.g.header == HeatmapGeometry::Header::flat) {
            draw_text(t.ctx, t.st.head, cx, t.content.y, t.g.cell_w, name, Align::centre);
        } else if (t.g.header == HeatmapGeometry::Header::staggered) {
            const float y = t.content.y + (c % 2 == 0 ? 0 : head_line);
            draw_text(t.ctx, t.st.head, cx - t.g.cell_w * 0.5f + gap * 0.5f, y,
                      2 * t.g.cell_w - gap, name, Align::centre);
        } else {
            // A column narrower than a line (an English name's descender touched the next
            // column's capitals at 4K) gets its name slightly smaller rather than overlapping.
            const float fit = std::min(1.0f, (t.g.cell_w - gap * 0.5f) / head_line);
            const std::string fitted = elide(t.ctx, t.st.head, name, (t.g.header_h - gap) / fit);
            const float x = cx + (t.g.cell_w - head_line * fit) * 0.5f;
            draw_upright_text(t.ctx, t.st.head, x, bar_y - gap, fitted, fit);
        }
    }
    draw_text(t.ctx, t.st.head, t.g.total_x, t.grid_top - head_line, t.g.total_w, s.col_total,
              Align::right);
}

/// What the rows share: how cells show numbers, which cells spike, the public "<N" label.
struct RowMarks {
    CellNumbers numbers;
    std::vector<std::pair<model::MunicipalityIndex, std::size_t>> spiking;
    std::string few_label;
};

/// One cell of sector `si` at column x `cx`, row top `y`, text top `ty`.
void draw_cell(const Table& t, const RowMarks& marks, const HeatmapRow& r, std::size_t si, float cx,
               float y, float ty) {
    const Theme& th = *t.ctx.theme;
    const Strings& s = *t.ctx.strings;
    const float inner = t.st.inner;
    const float row_h = t.st.line_h;
    const ImVec2 a(cx + inner, y + inner);
    const ImVec2 b(cx + t.g.cell_w - inner, y + row_h - inner);
    const std::optional<double>& v = r.values[si];
    if (!v) {
        t.ctx.draw->AddRectFilled(a, b, with_alpha(th.grid, 50));
        draw_text(t.ctx, TextStyle{TextRole::small, false, th.text_dim}, cx, ty, t.g.cell_w,
                  s.not_available, Align::centre);
        return;
    }
    if (*v <= 0) {
        t.ctx.draw->AddRectFilled(a, b, with_alpha(th.grid, 90));
        return;
    }
    const float heat = heat_position(*v, t.data.max_value);
    if (t.spec.public_mode && !t.data.per_capita && *v < kPublicMinCount) {
        t.ctx.draw->AddRectFilled(a, b, Theme::heat(0.0f));
        draw_text(t.ctx, TextStyle{TextRole::small, true, Theme::on_heat(0.0f)}, cx, ty, t.g.cell_w,
                  marks.few_label, Align::centre);
        return;
    }
    t.ctx.draw->AddRectFilled(a, b, Theme::heat(heat));
    if (marks.numbers != CellNumbers::colour_only) {
        const TextStyle st{TextRole::small, true, Theme::on_heat(heat)};
        draw_text(t.ctx, st, cx, ty, t.g.cell_w,
                  heatmap_cell_text(*v, t.data.per_capita, marks.numbers, s.language),
                  Align::centre);
    }
    if (std::find(marks.spiking.begin(), marks.spiking.end(), std::pair{r.municipality, si}) !=
        marks.spiking.end()) {
        // Outline plus a corner flag: readable on every colour of the scale.
        const float corner = std::min(t.g.cell_w, row_h) * 0.38f;
        t.ctx.draw->AddRect(a, b, th.text, 0.0f, 0, inner * 2.5f);
        t.ctx.draw->AddTriangleFilled(ImVec2(b.x - corner, a.y), ImVec2(b.x, a.y),
                                      ImVec2(b.x, a.y + corner), th.overdue);
    }
}

void draw_rows(const Table& t, CellNumbers numbers) {
    const Strings& s = *t.ctx.strings;
    RowMarks marks{numbers, {}, "<" + std::to_string(kPublicMinCount)};
    for (const model::Spike& sp : model::detect_spikes(t.snap)) {
        marks.spiking.emplace_back(sp.municipality, model::index_of(sp.sector));
    }
    const float row_h = t.st.line_h;
    float y = t.grid_top;
    for (const HeatmapRow& r : t.data.rows) {
        const float ty = y + text_offset(t.ctx, TextRole::small, row_h);
        draw_text(t.ctx, t.st.name, t.content.x, ty, t.g.name_w,
                  municipality_label(t.ctx, t.snap, r.municipality, t.st.name, t.g.name_w));
        for (std::size_t c = 0; c < t.sectors.size(); ++c) {
            const float cx = t.g.grid_x + static_cast<float>(c) * t.g.cell_w;
            draw_cell(t, marks, r, t.sectors[c], cx, y, ty);
        }
        std::string total = r.total ? heatmap_value_text(*r.total, t.data.per_capita, s.language)
                                    : std::string(s.not_available);
        if (t.spec.public_mode && !t.data.per_capita && r.total && *r.total > 0 &&
            *r.total < kPublicMinCount) {
            total = marks.few_label;
        }
        draw_text(t.ctx, t.st.cell, t.g.total_x, ty, t.g.total_w, total, Align::right);
        y += row_h;
    }
}

/// The scale with its two ends and its middle, in the shown unit, and its caption.
void draw_legend(const Table& t, const HeatmapLegend& legend, float note_h) {
    const HeatmapStyles& st = t.st;
    const Language lang = t.ctx.strings->language;
    Rect lr{t.g.grid_x, t.content.bottom() - legend.h - note_h, t.g.total_x - st.gap - t.g.grid_x,
            0};
    if (legend.in_corner) {
        lr = Rect{t.content.x, t.content.y, t.g.name_w, 0};
        for (const std::string& l : legend.caption_lines) {
            draw_text(t.ctx, st.head, lr.x, lr.y, lr.w, l);
            lr.y += st.line_h;
        }
    } else {
        draw_text(t.ctx, st.head, t.content.x, lr.y + st.chip_h * 2 + st.line_h, t.content.w,
                  legend.caption);
    }
    constexpr int kSteps = 32;
    for (int i = 0; i < kSteps; ++i) {
        const float t0 = static_cast<float>(i) / kSteps;
        const float t1 = static_cast<float>(i + 1) / kSteps;
        t.ctx.draw->AddRectFilled(ImVec2(lr.x + lr.w * t0, lr.y),
                                  ImVec2(lr.x + lr.w * t1 + 1.0f, lr.y + st.chip_h * 2),
                                  Theme::heat((t0 + t1) * 0.5f));
    }
    const float label_y = lr.y + st.chip_h * 2;
    const float third = lr.w / 3;
    draw_text(t.ctx, st.head, lr.x, label_y, third, "0");
    draw_text(t.ctx, st.head, lr.x + third, label_y, third,
              heatmap_value_text(heat_value_at(0.5f, t.data.max_value), t.data.per_capita, lang),
              Align::centre);
    draw_text(t.ctx, st.head, lr.x + 2 * third, label_y, third,
              heatmap_value_text(t.data.max_value, t.data.per_capita, lang), Align::right);
}

/// Per-capita figures are only as good as their denominators: says whose and how old, and how
/// many municipalities have none.
void draw_population_note(const Table& t) {
    const Strings& s = *t.ctx.strings;
    const HeatmapData& data = t.data;
    std::string note;
    if (data.population_year_max > 0) {
        note = std::string(s.population_source) + " " + std::to_string(data.population_year_min);
        if (data.population_year_max != data.population_year_min) {
            note += "\u2013" + std::to_string(data.population_year_max);
        }
    }
    if (data.population_missing > 0) {
        if (!note.empty()) note += " \u00B7 ";
        note += std::string(s.per_capita_missing) + " " + std::to_string(data.population_missing) +
                "/" + std::to_string(data.municipalities);
    }
    const Theme& th = *t.ctx.theme;
    draw_text(
        t.ctx,
        TextStyle{TextRole::small, false, data.population_missing > 0 ? th.at_risk : th.text_dim},
        t.content.x, t.content.bottom() - t.st.line_h, t.content.w, note);
}

}  // namespace

void draw_heatmap(const model::Snapshot* snap, const config::WidgetSpec& spec,
                  const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    // A public heatmap has no title, and no count small enough to point at a household.
    auto content = spec.public_mode
                       ? begin_panel(snap, config::WidgetSpec{}, ctx, std::string_view{})
                       : begin_panel(snap, spec, ctx, s.title_heatmap);
    if (!content) return;

    HeatmapData data = build_heatmap(*snap, spec, ctx.now);
    std::vector<std::size_t> sectors;
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        if (data.sector_shown[i]) sectors.push_back(i);
    }
    if (sectors.empty() || data.rows.empty()) {
        draw_centred_message(ctx, *content, s.no_data);
        return;
    }
    const HeatmapStyles st = heatmap_styles(ctx);
    const HeatmapGeometry g = heatmap_geometry(ctx, *snap, data, sectors, *content, st);
    const CellNumbers numbers = heatmap_cell_numbers(ctx, st.cell, data, g.cell_w - 2 * st.inner);
    const HeatmapLegend legend = heatmap_legend(ctx, spec, g, st, numbers);
    const float note_h = data.per_capita ? st.line_h : 0.0f;
    const float row_h = st.line_h;
    const float rows_bottom = content->bottom() - legend.h - note_h - st.gap;
    // Rows that do not fit are paged, the page shown in the title bar ("1/2"), not dropped.
    Table t{ctx,  *snap,    spec,
            data, sectors,  st,
            g,    *content, content->y + g.header_h + st.chip_h + st.gap};
    std::size_t per_page = lines_that_fit(rows_bottom - t.grid_top, row_h);
    std::size_t pages = heatmap_pages(data, per_page);
    // An untitled (public) panel has no title bar for the page note: the table gives up the
    // title's row to it, so the note cannot land on the headers.
    if (spec.public_mode && pages > 1) {
        const float title_row = panel_content(ctx, true).y - panel_content(ctx, false).y;
        t.content.y += title_row;
        t.content.h -= title_row;
        t.grid_top += title_row;
        per_page = lines_that_fit(rows_bottom - t.grid_top, row_h);
        pages = heatmap_pages(data, per_page);
    }
    if (pages == 0) {
        draw_centred_message(ctx, t.content, s.no_room);
        return;
    }
    const std::size_t page = page_at(ctx.now, spec.page_seconds, pages);
    keep_heatmap_page(data, per_page, page);
    draw_page_indicator(ctx, page, pages);

    draw_headers(t);
    draw_rows(t, numbers);
    draw_legend(t, legend, note_h);
    if (data.per_capita) draw_population_note(t);
}

}  // namespace tsur::display
