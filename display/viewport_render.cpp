// Every output draws the wall in canvas coordinates, exactly as the whole-canvas render does, and
// only then moves its vertices by a whole-pixel offset. Translating after the widgets have done
// their float arithmetic keeps that arithmetic identical on every PC, which is what makes the
// outputs of several PCs stitch pixel for pixel.
#include "display/viewport_render.hpp"

#include <cmath>

#include "display/imgui_session.hpp"

namespace tsur::display {
namespace {

/// Canvas coordinate -> output coordinate (`k` is a whole number). SDL's software renderer
/// truncates vertex positions toward zero; a vertex that lands left of or above the output would
/// truncate differently from the same vertex in the whole-canvas render, so it is truncated in
/// canvas space first. Vertices inside the output move exactly (float subtraction of a whole
/// number from a canvas coordinate is exact).
float to_output(float c, float k) {
    const float out = c - k;
    return out < 0 ? std::trunc(c) - k : out;
}

/// Moves what one part drew (vertices from `vtx_begin`, commands [cmd_begin, cmd_end)) onto its
/// output. Clip rectangles are widened to whole pixels so that the renderer's integer clip is the
/// same whichever output a cell is cut by.
void translate(ImDrawList* draw, int vtx_begin, int cmd_begin, int cmd_end, float kx, float ky) {
    for (int i = vtx_begin; i < draw->VtxBuffer.Size; ++i) {
        ImVec2& p = draw->VtxBuffer[i].pos;
        p.x = to_output(p.x, kx);
        p.y = to_output(p.y, ky);
    }
    for (int i = cmd_begin; i < cmd_end; ++i) {
        ImVec4& c = draw->CmdBuffer[i].ClipRect;
        c = ImVec4(std::floor(c.x) - kx, std::floor(c.y) - ky, std::ceil(c.z) - kx,
                   std::ceil(c.w) - ky);
    }
}

}  // namespace

void draw_viewport(ImDrawList* draw, const FontSet& fonts, const FrameInputs& in,
                   const ViewportMap& map, config::PixelShift shift) {
    bool first = true;
    for (const OutputPart& part : map.parts) {
        // Output pixel (x, y) shows canvas pixel (x + kx, y + ky).
        const float kx = part.canvas.x - part.output.x - static_cast<float>(shift.dx);
        const float ky = part.canvas.y - part.output.y - static_cast<float>(shift.dy);
        const Rect seen{part.output.x + kx, part.output.y + ky, part.output.w, part.output.h};
        // A callback command keeps ImGui from merging this part's first command into the
        // previous part's (already translated) last one.
        if (!first) draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
        first = false;
        const int vtx_begin = draw->VtxBuffer.Size;
        draw->PushClipRect(ImVec2(seen.x, seen.y), ImVec2(seen.right(), seen.bottom()), false);
        const int cmd_begin = draw->CmdBuffer.Size - 1;
        FrameInputs p = in;
        // Origin 0: draw_screen works in canvas coordinates; the background fill it makes from
        // (0,0) is cut to this part by the clip rectangle.
        p.viewport = Rect{0, 0, seen.right(), seen.bottom()};
        draw_screen(draw, fonts, p);
        const int cmd_end = draw->CmdBuffer.Size;
        translate(draw, vtx_begin, cmd_begin, cmd_end, kx, ky);
        draw->PopClipRect();
    }
}

ImDrawData& build_viewport(ImGuiSession& session, const FrameInputs& in, const ViewportMap& map,
                           float delta_seconds, config::PixelShift shift) {
    session.begin_frame(map.output_width, map.output_height, delta_seconds);
    draw_viewport(ImGui::GetBackgroundDrawList(), session.fonts(), in, map, shift);
    return session.finish_frame();
}

void render_viewport(ImGuiSession& session, const FrameInputs& in, const ViewportMap& map,
                     float delta_seconds, config::PixelShift shift) {
    build_viewport(session, in, map, delta_seconds, shift);
    session.rasterise(in.theme->background);
}

}  // namespace tsur::display
