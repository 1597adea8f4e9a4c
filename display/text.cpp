// Text helpers over ImDrawList; UTF-8 aware eliding because titles are Russian.
#include "display/text.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "display/rounded_fill.hpp"

namespace tsur::display {
namespace {

std::size_t prev_utf8_boundary(std::string_view s, std::size_t pos) {
    while (pos > 0 && (static_cast<unsigned char>(s[pos - 1]) & 0xC0) == 0x80) --pos;
    return pos > 0 ? pos - 1 : 0;
}

}  // namespace

void record_text(const FrameContext& ctx, SceneKind kind, std::string_view text, const Rect& box,
                 std::uint32_t group, std::uint64_t value) {
    if (ctx.scene == nullptr) return;
    SceneItem item;
    item.kind = kind;
    item.text = std::string(text);
    item.box = box;
    item.widget = ctx.scene_widget;
    item.group = group != 0 ? group : ctx.scene->next_group();
    item.value = value;
    ctx.scene->add(std::move(item));
}

ImVec2 measure_text(const FrameContext& ctx, const TextStyle& style, std::string_view text) {
    ImFont* font = ctx.fonts->font(style.role, style.bold);
    const float size = ctx.fonts->px(style.role);
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
}

std::string elide(const FrameContext& ctx, const TextStyle& style, std::string_view text,
                  float max_width) {
    if (measure_text(ctx, style, text).x <= max_width) return std::string(text);
    constexpr std::string_view kEllipsis = "…";
    const float ell_w = measure_text(ctx, style, kEllipsis).x;
    if (ell_w > max_width) return {};
    // Binary search on byte length, then step back to a code-point boundary.
    std::size_t lo = 0, hi = text.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (measure_text(ctx, style, text.substr(0, mid)).x + ell_w <= max_width) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    std::size_t cut = lo;
    if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        cut = prev_utf8_boundary(text, cut + 1);
    }
    while (cut > 0 && text[cut - 1] == ' ') --cut;
    std::string out(text.substr(0, cut));
    out += kEllipsis;
    return out;
}

float draw_text(const FrameContext& ctx, const TextStyle& style, float x, float y, float width,
                std::string_view text, Align align, SceneKind kind) {
    const std::string fitted = elide(ctx, style, text, width);
    if (fitted.empty()) return 0.0f;
    ImFont* font = ctx.fonts->font(style.role, style.bold);
    const float size = ctx.fonts->px(style.role);
    const float w = measure_text(ctx, style, fitted).x;
    float px = x;
    if (align == Align::centre) px = x + (width - w) * 0.5f;
    if (align == Align::right) px = x + width - w;
    ctx.draw->AddText(font, size, ImVec2(px, y), style.color, fitted.data(),
                      fitted.data() + fitted.size());
    tally_glyphs(ctx, font, fitted);
    if (ctx.scene != nullptr) {
        record_text(ctx, kind, fitted, text_ink(ctx, style, ImVec2(px, y), fitted), 0, 0);
    }
    return w;
}

void draw_text_at(const FrameContext& ctx, const TextStyle& style, ImVec2 at, std::string_view text,
                  SceneKind kind, std::uint32_t group, std::uint64_t value) {
    ImFont* font = ctx.fonts->font(style.role, style.bold);
    const float size = ctx.fonts->px(style.role);
    ctx.draw->AddText(font, size, at, style.color, text.data(), text.data() + text.size());
    tally_glyphs(ctx, font, text);
    if (ctx.scene != nullptr) {
        record_text(ctx, kind, text, text_ink(ctx, style, at, text), group, value);
    }
}

Rect text_ink(const FrameContext& ctx, const TextStyle& style, ImVec2 at, std::string_view text) {
    const ImFont* font = ctx.fonts->font(style.role, style.bold);
    const float scale = ctx.fonts->px(style.role) / font->FontSize;
    float top = FLT_MAX, bottom = -FLT_MAX;
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
        if (g == nullptr || !g->Visible) continue;
        top = std::min(top, g->Y0);
        bottom = std::max(bottom, g->Y1);
    }
    const float w = measure_text(ctx, style, text).x;
    if (top > bottom) return Rect{at.x, at.y, w, 0};
    return Rect{at.x, at.y + top * scale, w, (bottom - top) * scale};
}

void record_circle(const FrameContext& ctx, SceneKind kind, ImVec2 c, float r, std::uint32_t group,
                   std::uint64_t value) {
    if (ctx.scene == nullptr) return;
    SceneItem item;
    item.kind = kind;
    item.box = Rect{c.x - r, c.y - r, 2 * r, 2 * r};
    item.circle = true;
    item.cx = c.x;
    item.cy = c.y;
    item.r = r;
    item.widget = ctx.scene_widget;
    item.group = group != 0 ? group : ctx.scene->next_group();
    item.value = value;
    ctx.scene->add(std::move(item));
}

std::uint32_t scene_group(const FrameContext& ctx) {
    return ctx.scene != nullptr ? ctx.scene->next_group() : 0;
}

void tally_glyphs(const FrameContext& ctx, const ImFont* font, std::string_view text) {
    if (!ctx.glyphs) return;
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        // Control characters (a line break) are layout, not glyphs.
        if (c < 0x20) continue;
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ctx.glyphs->note(c);
    }
}

float pad(const FrameContext& ctx) { return ctx.fonts->px(TextRole::small) * 0.5f; }

Rect panel_content(const Rect& r, const TypeScale& scale, bool titled) {
    const float p = scale.min_px() * 0.5f;
    const float title_h = scale.px[static_cast<std::size_t>(TextRole::heading)] * 1.25f;
    const float top = titled ? r.y + 2 * p + title_h : r.y + p;
    return Rect{r.x + 2 * p, top, r.w - 4 * p, r.bottom() - p - top};
}

Rect panel_content(const FrameContext& ctx, bool titled) {
    return panel_content(ctx.rect, ctx.fonts->scale, titled);
}

Rect draw_panel(const FrameContext& ctx, std::string_view title, std::string_view note) {
    const Theme& th = *ctx.theme;
    const Rect r = ctx.rect;
    const float rounding = pad(ctx) * 0.6f;
    fill_rounded_rect(*ctx.draw, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), th.panel,
                      rounding);
    ctx.draw->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), th.panel_border, rounding, 0,
                      2.0f);
    const float p = pad(ctx);
    const TextStyle ts{TextRole::heading, true, th.text};
    const float title_h = ctx.fonts->px(TextRole::heading) * 1.25f;
    float title_w = r.w - 4 * p;
    if (!note.empty()) {
        const TextStyle ns{TextRole::heading, true, th.text_dim};
        const float note_w = measure_text(ctx, ns, note).x;
        draw_text(ctx, ns, r.right() - 2 * p - note_w, r.y + p, note_w, note);
        title_w -= note_w + p;
    }
    if (!title.empty()) {
        draw_text(ctx, ts, r.x + 2 * p, r.y + p, title_w, title, Align::left, SceneKind::title);
        ctx.draw->AddLine(ImVec2(r.x + 2 * p, r.y + p + title_h),
                          ImVec2(r.right() - 2 * p, r.y + p + title_h), th.accent, 3.0f);
    }
    return panel_content(ctx, !title.empty());
}

}  // namespace tsur::display
