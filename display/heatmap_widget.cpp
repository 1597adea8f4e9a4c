// Heatmap drawing. Sector headers go horizontal when they fit, staggered on two lines when they
// fit two cells, and upright (rotated) otherwise, so a narrow cell never gets cut names.
#include "display/heatmap_widget.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "display/board_rows.hpp"
#include "display/heatmap_data.hpp"
#include "display/map/map_public.hpp"
#include "display/name_abbreviations.hpp"
#include "display/sla_board_widget.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {
namespace {

std::string format_value(double v, bool per_capita, Language lang) {
    return per_capita ? format_decimal(v, 1, lang) : format_count(std::llround(v));
}

/// How the cells show their numbers: one choice for the whole table, never half and half.
enum class CellNumbers : std::uint8_t { full, compact, colour_only };

std::string cell_text(double v, bool per_capita, CellNumbers mode, Language lang) {
    if (mode == CellNumbers::full) return format_value(v, per_capita, lang);
    return per_capita ? format_decimal(v, 0, lang) : format_compact(std::llround(v), lang);
}

/// The fullest form in which every non-empty cell of the table fits `width`.
CellNumbers cell_numbers(const FrameContext& ctx, const TextStyle& st, const HeatmapData& data,
                         float width) {
    for (const CellNumbers mode : {CellNumbers::full, CellNumbers::compact}) {
        bool fits = true;
        for (const HeatmapRow& r : data.rows) {
            for (const std::optional<double>& v : r.values) {
                if (!v || *v <= 0) continue;
                const std::string t = cell_text(*v, data.per_capita, mode, ctx.strings->language);
                if (measure_text(ctx, st, t).x > width) {
                    fits = false;
                    break;
                }
            }
            if (!fits) break;
        }
        if (fits) return mode;
    }
    return CellNumbers::colour_only;
}

/// "open incidents, per 10,000 residents": what the numbers count, under the legend.
std::string caption(const config::WidgetSpec& spec, const Strings& s, CellNumbers numbers) {
    std::string_view window = s.window_open;
    if (spec.window == config::Window::today) window = s.window_today;
    if (spec.window == config::Window::week) window = s.window_week;
    if (spec.window == config::Window::overdue) window = s.window_overdue;
    std::string t(window);
    if (spec.per_capita) t += ", " + std::string(s.per_10k);
    if (numbers == CellNumbers::colour_only) t += " \u00B7 " + std::string(s.colour_only);
    return t;
}

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

struct Geometry {
    float name_w, total_w, cell_w, header_h, grid_x, total_x;
    enum class Header : std::uint8_t { flat, staggered, upright } header;
};

}  // namespace

void draw_heatmap(const model::Snapshot* snap, const config::WidgetSpec& spec,
                  const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
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
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.4f;
    const TextStyle name_st{TextRole::small, false, th.text};
    const TextStyle head_st{TextRole::small, false, th.text_dim};
    const TextStyle cell_st{TextRole::small, true, th.text};

    // Names take what their district-abbreviated forms need, up to a third of the table; below
    // that they shorten by rule (municipality_label), never cut mid-word.
    float widest_name = 0;
    for (const HeatmapRow& r : data.rows) {
        const std::string_view name = municipality_name(ctx, *snap, r.municipality);
        const auto forms = name_abbreviations(name, s.district_word, s.district_abbrev);
        widest_name = std::max(widest_name,
                               measure_text(ctx, name_st, forms.empty() ? name : forms.front()).x);
    }
    Geometry g{};
    const float name_floor =
        std::max(em * 5, std::min(municipality_min_width(ctx, *snap, name_st), content->w * 0.45f));
    g.name_w = std::max(std::min(widest_name, content->w * 0.34f), name_floor);
    float widest_total = measure_text(ctx, head_st, s.col_total).x;
    for (const HeatmapRow& r : data.rows) {
        if (!r.total) continue;
        widest_total = std::max(
            widest_total,
            measure_text(ctx, cell_st, format_value(*r.total, data.per_capita, s.language)).x);
    }
    g.total_w = widest_total;
    g.grid_x = content->x + g.name_w + gap;
    g.total_x = content->right() - g.total_w;
    const auto k = static_cast<float>(sectors.size());
    g.cell_w = (g.total_x - gap - g.grid_x) / k;

    float widest_head = 0;
    for (std::size_t si : sectors) {
        widest_head = std::max(widest_head, measure_text(ctx, head_st, s.sector_short[si]).x);
    }
    const float head_line = line_height(ctx, TextRole::small);
    if (widest_head <= g.cell_w - gap) {
        g.header = Geometry::Header::flat;
        g.header_h = head_line;
    } else if (widest_head <= 2 * g.cell_w - gap) {
        g.header = Geometry::Header::staggered;
        g.header_h = 2 * head_line;
    } else {
        g.header = Geometry::Header::upright;
        g.header_h = std::min(widest_head, content->h * 0.3f) + gap;
    }
    const float chip_h = em * 0.25f;

    // The legend (caption, scale, its ends) goes in the empty corner above the names when the
    // upright headers leave room there, else below the grid.
    const float inner = std::max(1.0f, em * 0.06f);
    const TextStyle number_st{TextRole::small, true, th.text};
    const CellNumbers numbers = cell_numbers(ctx, number_st, data, g.cell_w - 2 * inner);
    const std::string cap = caption(spec, s, numbers);
    const auto cap_lines = wrap_text(ctx, head_st, cap, g.name_w, 3);
    const float corner_need =
        head_line * static_cast<float>(cap_lines.size()) + chip_h * 2 + head_line;
    const bool legend_in_corner = corner_need <= g.header_h;
    const float legend_h = legend_in_corner ? 0.0f : chip_h * 2 + head_line * 2;
    const float note_h = data.per_capita ? head_line : 0.0f;
    const float row_h = line_height(ctx, TextRole::small);
    const float rows_bottom = content->bottom() - legend_h - note_h - gap;
    // Rows that do not fit are paged, the page shown in the title bar ("1/2"), not dropped.
    float grid_top = content->y + g.header_h + chip_h + gap;
    std::size_t per_page = lines_that_fit(rows_bottom - grid_top, row_h);
    std::size_t pages = heatmap_pages(data, per_page);
    // An untitled (public) panel has no title bar for the page note: the table gives up the
    // title's row to it, so the note cannot land on the headers.
    if (spec.public_mode && pages > 1) {
        const float title_row = panel_content(ctx, true).y - panel_content(ctx, false).y;
        content->y += title_row;
        content->h -= title_row;
        grid_top += title_row;
        per_page = lines_that_fit(rows_bottom - grid_top, row_h);
        pages = heatmap_pages(data, per_page);
    }
    if (pages == 0) {
        draw_centred_message(ctx, *content, s.no_room);
        return;
    }
    const std::size_t page = page_at(ctx.now, spec.page_seconds, pages);
    keep_heatmap_page(data, per_page, page);
    draw_page_indicator(ctx, page, pages);

    // Headers with a sector-colour bar linking each column to the map's colours.
    for (std::size_t c = 0; c < sectors.size(); ++c) {
        const std::size_t si = sectors[c];
        const float cx = g.grid_x + static_cast<float>(c) * g.cell_w;
        const std::string_view name = s.sector_short[si];
        const float bar_y = grid_top - gap - chip_h;
        ctx.draw->AddRectFilled(ImVec2(cx + gap * 0.25f, bar_y),
                                ImVec2(cx + g.cell_w - gap * 0.25f, bar_y + chip_h), th.sector[si]);
        if (g.header == Geometry::Header::flat) {
            draw_text(ctx, head_st, cx, content->y, g.cell_w, name, Align::centre);
        } else if (g.header == Geometry::Header::staggered) {
            const float y = content->y + (c % 2 == 0 ? 0 : head_line);
            draw_text(ctx, head_st, cx - g.cell_w * 0.5f + gap * 0.5f, y, 2 * g.cell_w - gap, name,
                      Align::centre);
        } else {
            // A column narrower than a line (an English name's descender touched the next
            // column's capitals at 4K) gets its name slightly smaller rather than overlapping.
            const float fit = std::min(1.0f, (g.cell_w - gap * 0.5f) / head_line);
            const std::string fitted = elide(ctx, head_st, name, (g.header_h - gap) / fit);
            const float x = cx + (g.cell_w - head_line * fit) * 0.5f;
            draw_upright_text(ctx, head_st, x, bar_y - gap, fitted, fit);
        }
    }
    draw_text(ctx, head_st, g.total_x, grid_top - head_line, g.total_w, s.col_total, Align::right);

    const std::string few_label = "<" + std::to_string(kPublicMinCount);
    std::vector<std::pair<model::MunicipalityIndex, std::size_t>> spiking;
    for (const model::Spike& sp : model::detect_spikes(*snap)) {
        spiking.emplace_back(sp.municipality, model::index_of(sp.sector));
    }
    float y = grid_top;
    for (const HeatmapRow& r : data.rows) {
        const float ty = y + text_offset(ctx, TextRole::small, row_h);
        draw_text(ctx, name_st, content->x, ty, g.name_w,
                  municipality_label(ctx, *snap, r.municipality, name_st, g.name_w));
        for (std::size_t c = 0; c < sectors.size(); ++c) {
            const std::size_t si = sectors[c];
            const float cx = g.grid_x + static_cast<float>(c) * g.cell_w;
            const ImVec2 a(cx + inner, y + inner);
            const ImVec2 b(cx + g.cell_w - inner, y + row_h - inner);
            const std::optional<double>& v = r.values[si];
            if (!v) {
                ctx.draw->AddRectFilled(a, b, with_alpha(th.grid, 50));
                draw_text(ctx, TextStyle{TextRole::small, false, th.text_dim}, cx, ty, g.cell_w,
                          s.not_available, Align::centre);
                continue;
            }
            if (*v <= 0) {
                ctx.draw->AddRectFilled(a, b, with_alpha(th.grid, 90));
                continue;
            }
            const float t = heat_position(*v, data.max_value);
            if (spec.public_mode && !data.per_capita && *v < kPublicMinCount) {
                ctx.draw->AddRectFilled(a, b, Theme::heat(0.0f));
                draw_text(ctx, TextStyle{TextRole::small, true, Theme::on_heat(0.0f)}, cx, ty,
                          g.cell_w, few_label, Align::centre);
                continue;
            }
            ctx.draw->AddRectFilled(a, b, Theme::heat(t));
            if (numbers != CellNumbers::colour_only) {
                const TextStyle st{TextRole::small, true, Theme::on_heat(t)};
                draw_text(ctx, st, cx, ty, g.cell_w,
                          cell_text(*v, data.per_capita, numbers, s.language), Align::centre);
            }
            if (std::find(spiking.begin(), spiking.end(), std::pair{r.municipality, si}) !=
                spiking.end()) {
                // Outline plus a corner flag: readable on every colour of the scale.
                const float corner = std::min(g.cell_w, row_h) * 0.38f;
                ctx.draw->AddRect(a, b, th.text, 0.0f, 0, inner * 2.5f);
                ctx.draw->AddTriangleFilled(ImVec2(b.x - corner, a.y), ImVec2(b.x, a.y),
                                            ImVec2(b.x, a.y + corner), th.overdue);
            }
        }
        std::string total = r.total ? format_value(*r.total, data.per_capita, s.language)
                                    : std::string(s.not_available);
        if (spec.public_mode && !data.per_capita && r.total && *r.total > 0 &&
            *r.total < kPublicMinCount) {
            total = few_label;
        }
        draw_text(ctx, cell_st, g.total_x, ty, g.total_w, total, Align::right);
        y += row_h;
    }

    // Legend: the scale with its two ends and its middle, in the shown unit.
    Rect lr{g.grid_x, content->bottom() - legend_h - note_h, g.total_x - gap - g.grid_x, 0};
    if (legend_in_corner) {
        lr = Rect{content->x, content->y, g.name_w, 0};
        for (const std::string& l : cap_lines) {
            draw_text(ctx, head_st, lr.x, lr.y, lr.w, l);
            lr.y += head_line;
        }
    } else {
        draw_text(ctx, head_st, content->x, lr.y + chip_h * 2 + head_line, content->w, cap);
    }
    constexpr int kSteps = 32;
    for (int i = 0; i < kSteps; ++i) {
        const float t0 = static_cast<float>(i) / kSteps;
        const float t1 = static_cast<float>(i + 1) / kSteps;
        ctx.draw->AddRectFilled(ImVec2(lr.x + lr.w * t0, lr.y),
                                ImVec2(lr.x + lr.w * t1 + 1.0f, lr.y + chip_h * 2),
                                Theme::heat((t0 + t1) * 0.5f));
    }
    const float label_y = lr.y + chip_h * 2;
    const float third = lr.w / 3;
    draw_text(ctx, head_st, lr.x, label_y, third, "0");
    draw_text(ctx, head_st, lr.x + third, label_y, third,
              format_value(heat_value_at(0.5f, data.max_value), data.per_capita, s.language),
              Align::centre);
    draw_text(ctx, head_st, lr.x + 2 * third, label_y, third,
              format_value(data.max_value, data.per_capita, s.language), Align::right);
    if (data.per_capita) {
        // Per-capita figures are only as good as their denominators: say whose and how old, and
        // how many municipalities have none.
        std::string note;
        if (data.population_year_max > 0) {
            note =
                std::string(s.population_source) + " " + std::to_string(data.population_year_min);
            if (data.population_year_max != data.population_year_min) {
                note += "\u2013" + std::to_string(data.population_year_max);
            }
        }
        if (data.population_missing > 0) {
            if (!note.empty()) note += " \u00B7 ";
            note += std::string(s.per_capita_missing) + " " +
                    std::to_string(data.population_missing) + "/" +
                    std::to_string(data.municipalities);
        }
        draw_text(ctx,
                  TextStyle{TextRole::small, false,
                            data.population_missing > 0 ? th.at_risk : th.text_dim},
                  content->x, content->bottom() - head_line, content->w, note);
    }
}

}  // namespace tsur::display
