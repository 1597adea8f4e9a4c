// Widgets draw in canvas coordinates shifted by the viewport origin, so every PC of a wall runs
// the same layout arithmetic and only its window onto the canvas differs.
#include "display/frame_builder.hpp"

#include "display/screen_grid.hpp"
#include "display/status_overlay.hpp"
#include "display/text.hpp"
#include "display/widget_registry.hpp"

namespace tsur::display {
namespace {

void draw_missing_widget(const FrameContext& ctx, std::string_view type) {
    const Rect content = draw_panel(ctx, type);
    const TextStyle style{TextRole::small, false, ctx.theme->text_dim};
    draw_text(ctx, style, content.x, content.y, content.w, ctx.strings->layout_error);
}

}  // namespace

void draw_screen(ImDrawList* draw, const FontSet& fonts, const FrameInputs& in) {
    FrameContext ctx;
    ctx.draw = draw;
    ctx.theme = in.theme;
    ctx.fonts = &fonts;
    ctx.strings = in.strings;
    ctx.assets = in.assets;
    ctx.status = in.status;
    ctx.now = in.now;
    ctx.anim_seconds = in.anim_seconds;
    ctx.map_memo = in.map_memo;
    ctx.glyphs = in.glyphs;
    ctx.scene = in.scene;

    const float ox = in.viewport.x;
    const float oy = in.viewport.y;
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(in.viewport.w, in.viewport.h), in.theme->background);
    if (in.screen) {
        const auto rects = cell_rects(*in.screen, in.canvas, in.gap_px);
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const Rect r = rects[i];
            if (!r.overlaps(in.viewport)) continue;
            ctx.rect = Rect{r.x - ox, r.y - oy, r.w, r.h};
            const auto& spec = in.screen->cells[i].widget;
            if (in.scene != nullptr) ctx.scene_widget = in.scene->add_widget(spec.type, ctx.rect);
            draw->PushClipRect(ImVec2(ctx.rect.x, ctx.rect.y),
                               ImVec2(ctx.rect.right(), ctx.rect.bottom()), true);
            if (WidgetFn fn = find_widget(spec.type)) {
                fn(in.snapshot, spec, ctx);
            } else {
                draw_missing_widget(ctx, spec.type);
            }
            draw->PopClipRect();
        }
    }
    ctx.rect = Rect{in.canvas.x - ox, in.canvas.y - oy, in.canvas.w, in.canvas.h};
    if (in.scene != nullptr) ctx.scene_widget = in.scene->add_widget("status_overlay", ctx.rect);
    draw_status_overlay(in.snapshot, ctx);
}

}  // namespace tsur::display

#include "display/imgui_session.hpp"

namespace tsur::display {

void render_frame(ImGuiSession& session, const FrameInputs& in, int width, int height,
                  float delta_seconds) {
    session.begin_frame(width, height, delta_seconds);
    draw_screen(ImGui::GetBackgroundDrawList(), session.fonts(), in);
    session.end_frame(in.theme->background);
}

}  // namespace tsur::display
