// Heatmap geometry. Sector headers go horizontal when they fit, staggered on two lines when they
// fit two cells, and upright (rotated) otherwise, so a narrow cell never gets cut names; upright
// headers leave a corner above the names that the legend takes when it fits there.
#include "display/heatmap_layout.hpp"

#include <algorithm>
#include <cmath>

#include "display/name_abbreviations.hpp"
#include "display/theme.hpp"
#include "display/text_format.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"

namespace tsur::display {
namespace {

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

}  // namespace

std::string heatmap_value_text(double v, bool per_capita, Language lang) {
    return per_capita ? format_decimal(v, 1, lang) : format_count(std::llround(v));
}

std::string heatmap_cell_text(double v, bool per_capita, CellNumbers mode, Language lang) {
    if (mode == CellNumbers::full) return heatmap_value_text(v, per_capita, lang);
    return per_capita ? format_decimal(v, 0, lang) : format_compact(std::llround(v), lang);
}

CellNumbers heatmap_cell_numbers(const FrameContext& ctx, const TextStyle& st,
                                 const HeatmapData& data, float width) {
    for (const CellNumbers mode : {CellNumbers::full, CellNumbers::compact}) {
        bool fits = true;
        for (const HeatmapRow& r : data.rows) {
            for (const std::optional<double>& v : r.values) {
                if (!v || *v <= 0) continue;
                const std::string t =
                    heatmap_cell_text(*v, data.per_capita, mode, ctx.strings->language);
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

HeatmapStyles heatmap_styles(const FrameContext& ctx) {
    const Theme& th = *ctx.theme;
    const float em = ctx.fonts->px(TextRole::small);
    return HeatmapStyles{
        .name = TextStyle{TextRole::small, false, th.text},
        .head = TextStyle{TextRole::small, false, th.text_dim},
        .cell = TextStyle{TextRole::small, true, th.text},
        .em = em,
        .gap = em * 0.4f,
        .line_h = line_height(ctx, TextRole::small),
        .chip_h = em * 0.25f,
        .inner = std::max(1.0f, em * 0.06f),
    };
}

HeatmapGeometry heatmap_geometry(const FrameContext& ctx, const model::Snapshot& snap,
                                 const HeatmapData& data, const std::vector<std::size_t>& sectors,
                                 const Rect& content, const HeatmapStyles& st) {
    const Strings& s = *ctx.strings;
    // Below their widest form names shorten by rule (municipality_label), never cut mid-word.
    float widest_name = 0;
    for (const HeatmapRow& r : data.rows) {
        const std::string_view name = municipality_name(ctx, snap, r.municipality);
        const auto forms = name_abbreviations(name, s.district_word, s.district_abbrev);
        widest_name = std::max(widest_name,
                               measure_text(ctx, st.name, forms.empty() ? name : forms.front()).x);
    }
    HeatmapGeometry g{};
    const float name_floor = std::max(
        st.em * 5, std::min(municipality_min_width(ctx, snap, st.name), content.w * 0.45f));
    g.name_w = std::max(std::min(widest_name, content.w * 0.34f), name_floor);
    float widest_total = measure_text(ctx, st.head, s.col_total).x;
    for (const HeatmapRow& r : data.rows) {
        if (!r.total) continue;
        widest_total = std::max(
            widest_total,
            measure_text(ctx, st.cell, heatmap_value_text(*r.total, data.per_capita, s.language))
                .x);
    }
    g.total_w = widest_total;
    g.grid_x = content.x + g.name_w + st.gap;
    g.total_x = content.right() - g.total_w;
    const auto k = static_cast<float>(sectors.size());
    g.cell_w = (g.total_x - st.gap - g.grid_x) / k;

    float widest_head = 0;
    for (std::size_t si : sectors) {
        widest_head = std::max(widest_head, measure_text(ctx, st.head, s.sector_short[si]).x);
    }
    if (widest_head <= g.cell_w - st.gap) {
        g.header = HeatmapGeometry::Header::flat;
        g.header_h = st.line_h;
    } else if (widest_head <= 2 * g.cell_w - st.gap) {
        g.header = HeatmapGeometry::Header::staggered;
        g.header_h = 2 * st.line_h;
    } else {
        g.header = HeatmapGeometry::Header::upright;
        g.header_h = std::min(widest_head, content.h * 0.3f) + st.gap;
    }
    return g;
}

HeatmapLegend heatmap_legend(const FrameContext& ctx, const config::WidgetSpec& spec,
                             const HeatmapGeometry& g, const HeatmapStyles& st,
                             CellNumbers numbers) {
    HeatmapLegend l;
    l.caption = caption(spec, *ctx.strings, numbers);
    l.caption_lines = wrap_text(ctx, st.head, l.caption, g.name_w, 3);
    const float corner_need =
        st.line_h * static_cast<float>(l.caption_lines.size()) + st.chip_h * 2 + st.line_h;
    l.in_corner = corner_need <= g.header_h;
    l.h = l.in_corner ? 0.0f : st.chip_h * 2 + st.line_h * 2;
    return l;
}

}  // namespace tsur::display
