// Tile view drawing. The counts come from the heatmap's matrices (open, and overdue by
// model::classify at the frame's instant), so a tile says what the heatmap and the KPIs say.
// Every tile uses the same text sizes and the same number form, chosen so that the widest tile's
// numbers fit: the view never mixes "12 345" with "12k".
#include "display/tiles_widget.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "display/heatmap_data.hpp"
#include "display/map/map_public.hpp"
#include "display/rounded_fill.hpp"
#include "display/text_format.hpp"
#include "display/tile_grid.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"

namespace tsur::display {
namespace {

/// One tile's numbers over the widget's sectors.
struct TileData {
    model::MunicipalityIndex municipality = 0;
    model::SectorCounts open{};
    std::uint32_t open_total = 0;
    std::uint32_t overdue = 0;
};

/// Tiles by region order, the whole-region tile last (present only when it has open incidents).
std::vector<TileData> tile_data(const model::Snapshot& snap, const config::WidgetSpec& spec,
                                model::TimePoint now) {
    config::WidgetSpec counted = spec;
    counted.per_capita = false;
    counted.window = config::Window::open;
    const HeatmapData open = build_heatmap(snap, counted, now);
    counted.window = config::Window::overdue;
    const HeatmapData overdue = build_heatmap(snap, counted, now);
    const std::size_t munis = snap.region ? snap.region->municipalities.size() : 0;
    std::vector<TileData> out(munis + 1);
    for (std::size_t m = 0; m < munis; ++m) {
        out[m].municipality = static_cast<model::MunicipalityIndex>(m);
    }
    out[munis].municipality = model::kRegionWide;
    const auto slot = [&](model::MunicipalityIndex m) {
        return model::is_region_wide(m) ? munis : std::min<std::size_t>(m, munis);
    };
    for (const HeatmapRow& r : open.rows) {
        TileData& t = out[slot(r.municipality)];
        for (std::size_t s = 0; s < model::kSectorCount; ++s) {
            t.open[s] = static_cast<std::uint32_t>(r.values[s].value_or(0));
        }
        t.open_total = r.raw_total;
    }
    for (const HeatmapRow& r : overdue.rows) out[slot(r.municipality)].overdue = r.raw_total;
    if (out[munis].open_total == 0) out.pop_back();
    return out;
}

/// A count as the tile writes it: "<5" for a public count too small to show.
std::string count_text(std::uint32_t n, bool compact, bool public_mode, Language lang) {
    if (public_mode && n > 0 && n < kPublicMinCount) return "<" + std::to_string(kPublicMinCount);
    return compact ? format_compact(n, lang) : format_count(n);
}

/// The tile's name: the board's label, the whole-region tile in full or as the map's badge.
std::string tile_name(const FrameContext& ctx, const model::Snapshot& snap,
                      model::MunicipalityIndex m, const TextStyle& st, float width) {
    if (model::is_region_wide(m)) {
        const std::string_view full = ctx.strings->region_wide;
        if (measure_text(ctx, st, full).x <= width) return std::string(full);
        return elide(ctx, st, ctx.strings->region_wide_badge, width);
    }
    return municipality_label(ctx, snap, m, st, width);
}

/// The text sizes and number form all tiles share: the largest count role, full numbers before
/// compact; the overdue count two roles smaller (never below the smallest legible size).
struct CountStyle {
    TextRole role = TextRole::small;
    TextRole overdue_role = TextRole::small;
    bool compact = false;
    bool fits = false;
};

TextRole two_smaller(int role) { return static_cast<TextRole>(std::max(0, role - 2)); }

CountStyle count_style(const FrameContext& ctx, const std::vector<TileData>& tiles,
                       bool public_mode, const TileMetrics& m, float inner_w, float count_h) {
    for (int r = static_cast<int>(TextRole::huge); r >= 0; --r) {
        const auto role = static_cast<TextRole>(r);
        if (ctx.fonts->px(role) > count_h) continue;
        const TextStyle od{two_smaller(r), true, 0};
        for (const bool compact : {false, true}) {
            const TextStyle st{role, true, 0};
            const bool all = std::all_of(tiles.begin(), tiles.end(), [&](const TileData& t) {
                const Language lang = ctx.strings->language;
                const std::string open = count_text(t.open_total, compact, public_mode, lang);
                float w = measure_text(ctx, st, open).x;
                if (t.overdue > 0) {
                    w += m.em * 0.5f +
                         measure_text(ctx, od, count_text(t.overdue, compact, public_mode, lang)).x;
                }
                return w <= inner_w;
            });
            if (all) return CountStyle{role, od.role, compact, true};
        }
    }
    return CountStyle{};
}

/// The sector bar: each shown sector's share of the open incidents, in the map's colours. A
/// public tile pools sectors below the public minimum into one grey part, so no share stands
/// for a count small enough to point at a household.
void draw_sector_bar(const FrameContext& ctx, const TileData& t, bool public_mode,
                     const Rect& bar) {
    const Theme& th = *ctx.theme;
    ctx.draw->AddRectFilled(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.bottom()),
                            with_alpha(th.grid, 140));
    if (t.open_total == 0 || (public_mode && t.open_total < kPublicMinCount)) return;
    float x = bar.x;
    std::uint32_t pooled = 0;
    const auto part = [&](std::uint32_t n, ImU32 colour) {
        const float w = bar.w * static_cast<float>(n) / static_cast<float>(t.open_total);
        ctx.draw->AddRectFilled(ImVec2(x, bar.y), ImVec2(x + w, bar.bottom()), colour);
        x += w;
    };
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        if (t.open[s] == 0) continue;
        if (public_mode && t.open[s] < kPublicMinCount) {
            pooled += t.open[s];
            continue;
        }
        part(t.open[s], th.sector[s]);
    }
    if (pooled > 0) part(pooled, th.text_dim);
}

/// The key under the tiles: the overdue colour, then the sectors with open incidents, most first,
/// on at most two lines; what does not fit is left out (the rarest sectors).
void draw_legend(const FrameContext& ctx, const std::vector<TileData>& tiles,
                 const config::WidgetSpec& spec, const Rect& area, const TileMetrics& m) {
    const Theme& th = *ctx.theme;
    std::array<std::uint64_t, model::kSectorCount> by_sector{};
    for (const TileData& t : tiles) {
        for (std::size_t s = 0; s < model::kSectorCount; ++s) by_sector[s] += t.open[s];
    }
    std::vector<std::pair<ImU32, std::string_view>> entries{
        {th.overdue, ctx.strings->overdue_word}};
    std::vector<std::size_t> order;
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        if (by_sector[s] > 0 && spec.shows_sector(static_cast<model::Sector>(s))) {
            order.push_back(s);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return by_sector[a] > by_sector[b]; });
    for (const std::size_t s : order) {
        entries.emplace_back(th.sector[s], ctx.strings->sector_short[s]);
    }

    const TextStyle st{TextRole::small, false, th.text_dim};
    const float chip = m.em * 0.6f;
    float x = area.x;
    float y = area.y;
    for (const auto& [colour, word] : entries) {
        const float w = chip + m.em * 0.3f + measure_text(ctx, st, word).x;
        if (x > area.x && x + w > area.right()) {
            x = area.x;
            y += m.line;
        }
        if (y + m.line > area.bottom() + 0.5f || w > area.w) break;
        const float cy = y + m.line * 0.5f;
        fill_rounded_rect(*ctx.draw, ImVec2(x, cy - chip * 0.5f),
                          ImVec2(x + chip, cy + chip * 0.5f), colour, chip * 0.2f);
        draw_text(ctx, st, x + chip + m.em * 0.3f, y + (m.line - m.em) * 0.5f, w, word, Align::left,
                  SceneKind::legend);
        x += w + m.em;
    }
}

}  // namespace

void draw_tiles(const model::Snapshot* snap, const config::WidgetSpec& spec,
                const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const auto content = begin_panel(snap, spec, ctx, s.title_board_public);
    if (!content) return;
    if (!snap->region || snap->region->municipalities.empty()) {
        draw_centred_message(ctx, *content, s.no_data);
        return;
    }
    const model::Region& region = *snap->region;
    const TileMetrics m = TileMetrics::for_em(ctx.fonts->px(TextRole::small));
    const Rect area = tiles_area(*content, m);
    const std::optional<TileShape> shape = tile_shape(tile_count(region), area, m);
    if (!shape) {
        draw_centred_message(ctx, *content, s.no_room);
        return;
    }
    const std::vector<TileCell> cells = place_tiles(region, shape->cols, shape->rows);
    const std::vector<TileData> tiles = tile_data(*snap, spec, ctx.now);

    // Names in body text when the counts still get a role of figures at least; else small.
    const float inner_w = shape->tile_w - 2 * m.pad;
    TextStyle name_st{TextRole::body, false, th.text};
    const auto style_for = [&](TextRole name_role) {
        const float count_h = shape->tile_h - 4 * m.pad - ctx.fonts->px(name_role) - m.bar;
        return count_style(ctx, tiles, spec.public_mode, m, inner_w, count_h);
    };
    CountStyle cs = style_for(TextRole::body);
    if (!cs.fits || cs.role < TextRole::number) {
        name_st.role = TextRole::small;
        cs = style_for(TextRole::small);
    }
    const float name_px = ctx.fonts->px(name_st.role);
    const float count_px = ctx.fonts->px(cs.role);
    for (const TileData& t : tiles) {
        const std::size_t index =
            model::is_region_wide(t.municipality) ? cells.size() - 1 : t.municipality;
        if (index >= cells.size() || cells[index].col < 0) continue;
        const Rect r = tile_rect(area, *shape, m, cells[index]);
        fill_rounded_rect(*ctx.draw, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                          with_alpha(th.grid, 90), m.pad);
        const float x = r.x + m.pad;
        draw_text(ctx, name_st, x, r.y + m.pad, inner_w,
                  tile_name(ctx, *snap, t.municipality, name_st, inner_w));
        const Rect bar{x, r.bottom() - m.pad - m.bar, inner_w, m.bar};
        draw_sector_bar(ctx, t, spec.public_mode, bar);
        if (!cs.fits) continue;
        const float count_top = r.y + 2 * m.pad + name_px;
        const float count_y = count_top + (bar.y - m.pad - count_top - count_px) * 0.5f;
        const Language lang = s.language;
        const std::string open = count_text(t.open_total, cs.compact, spec.public_mode, lang);
        const bool hidden = spec.public_mode && t.open_total > 0 && t.open_total < kPublicMinCount;
        const TextStyle count_st{cs.role, true, t.open_total == 0 ? th.text_dim : th.text};
        draw_text_at(ctx, count_st, ImVec2(x, count_y), open, SceneKind::count, scene_group(ctx),
                     hidden ? 0 : t.open_total);
        if (t.overdue == 0) continue;
        const TextStyle od_st{cs.overdue_role, true, th.overdue};
        const std::string od = count_text(t.overdue, cs.compact, spec.public_mode, lang);
        draw_text(ctx, od_st, x, count_y + count_px - ctx.fonts->px(cs.overdue_role), inner_w, od,
                  Align::right);
    }
    const Rect legend{content->x, content->bottom() - m.legend_h, content->w, m.legend_h};
    draw_legend(ctx, tiles, spec, legend, m);
}

std::optional<std::string> tiles_room_problem(const Rect& cell, const TypeScale& scale) {
    const TileMetrics m = TileMetrics::for_em(scale.min_px());
    const Rect area = tiles_area(panel_content(cell, scale, true), m);
    if (tile_shape(kLargestPackTiles, area, m)) return std::nullopt;
    char line[320];
    std::snprintf(line, sizeof line,
                  "%zu tiles (the largest region pack's places and the whole region) need "
                  "%.0fx%.0f px each for legible text of %.0f px, but the cell's %.0fx%.0f px "
                  "tile area cannot hold them",
                  kLargestPackTiles, static_cast<double>(m.min_w), static_cast<double>(m.min_h),
                  static_cast<double>(m.em), static_cast<double>(area.w),
                  static_cast<double>(area.h));
    return std::string(line);
}

}  // namespace tsur::display
