// Shared widget drawing. Sizes derive from the font roles so one layout reads the same at 1080p
// and 4K.
#include "display/widget_common.hpp"

#include <algorithm>

#include "display/map/label_placement.hpp"
#include "display/name_abbreviations.hpp"
#include "display/rounded_fill.hpp"

namespace tsur::display {

std::optional<Rect> begin_panel(const model::Snapshot* snap, const config::WidgetSpec& spec,
                                const FrameContext& ctx, std::string_view default_title) {
    const Rect content = draw_panel(ctx, spec.title.empty() ? default_title : spec.title);
    if (snap == nullptr) {
        draw_centred_message(ctx, content, ctx.strings->waiting_for_data);
        return std::nullopt;
    }
    return content;
}

float line_height(const FrameContext& ctx, TextRole role) { return ctx.fonts->px(role) * 1.4f; }

float text_offset(const FrameContext& ctx, TextRole role, float row_h) {
    return (row_h - ctx.fonts->px(role)) * 0.5f;
}

std::string_view municipality_name(const FrameContext& ctx, const model::Snapshot& snap,
                                   model::MunicipalityIndex m) {
    if (model::is_region_wide(m)) return ctx.strings->region_wide;
    if (!snap.region || m >= snap.region->municipalities.size()) return {};
    const model::Municipality& muni = snap.region->municipalities[m];
    if (ctx.strings->language == Language::en && !muni.name_en.empty()) return muni.name_en;
    return muni.name_ru;
}

std::string municipality_label(const FrameContext& ctx, const model::Snapshot& snap,
                               model::MunicipalityIndex m, const TextStyle& style, float width) {
    const std::string_view name = municipality_name(ctx, snap, m);
    // The map's rule first ("Кезский р-н"), so one place reads the same on every widget.
    std::string usual = short_label(name, ctx.strings->district_word, ctx.strings->district_abbrev);
    if (measure_text(ctx, style, usual).x <= width) return usual;
    const auto forms =
        name_abbreviations(name, ctx.strings->district_word, ctx.strings->district_abbrev);
    for (const std::string& f : forms) {
        if (measure_text(ctx, style, f).x <= width) return f;
    }
    return elide(ctx, style, forms.empty() ? name : std::string_view(forms.back()), width);
}

float municipality_min_width(const FrameContext& ctx, const model::Snapshot& snap,
                             const TextStyle& style) {
    float widest = 0;
    const std::size_t n = snap.region ? snap.region->municipalities.size() : 0;
    for (std::size_t m = 0; m < n; ++m) {
        const std::string_view name =
            municipality_name(ctx, snap, static_cast<model::MunicipalityIndex>(m));
        const auto forms =
            name_abbreviations(name, ctx.strings->district_word, ctx.strings->district_abbrev);
        const std::string_view shortest = forms.empty() ? name : std::string_view(forms.back());
        widest = std::max(widest, measure_text(ctx, style, shortest).x);
    }
    return widest;
}

void draw_sector_chip(const FrameContext& ctx, model::Sector s, float x, float y_centre,
                      float size) {
    const float half = size * 0.5f;
    fill_rounded_rect(*ctx.draw, ImVec2(x, y_centre - half), ImVec2(x + size, y_centre + half),
                      ctx.theme->sector[model::index_of(s)], size * 0.2f);
}

void draw_centred_message(const FrameContext& ctx, const Rect& r, std::string_view text) {
    const TextStyle style{TextRole::body, false, ctx.theme->text_dim};
    const float h = ctx.fonts->px(TextRole::body);
    draw_text(ctx, style, r.x, r.y + (r.h - h) * 0.5f, r.w, text, Align::centre);
}

std::vector<std::string> wrap_text(const FrameContext& ctx, const TextStyle& style,
                                   std::string_view text, float width, std::size_t max_lines) {
    std::vector<std::string> lines;
    if (max_lines == 0) return lines;
    std::string current;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        std::string candidate =
            current.empty() ? std::string(word) : current + " " + std::string(word);
        if (current.empty() || measure_text(ctx, style, candidate).x <= width) {
            current = std::move(candidate);
            continue;
        }
        if (lines.size() + 1 == max_lines) {
            // No room for another line: the rest goes on this one and gets elided.
            current = std::move(candidate);
            if (pos < text.size()) {
                current += ' ';
                current += text.substr(pos);
            }
            break;
        }
        lines.push_back(std::move(current));
        current = std::string(word);
    }
    if (!current.empty()) lines.push_back(std::move(current));
    for (std::string& l : lines) l = elide(ctx, style, l, width);
    return lines;
}

TextRole fitting_role(const FrameContext& ctx, std::string_view text, float width, bool bold,
                      TextRole preferred, TextRole smallest) {
    auto r = static_cast<int>(preferred);
    const auto lo = static_cast<int>(smallest);
    while (r > lo) {
        const TextStyle st{static_cast<TextRole>(r), bold, 0};
        if (measure_text(ctx, st, text).x <= width) break;
        --r;
    }
    return static_cast<TextRole>(r);
}

}  // namespace tsur::display
