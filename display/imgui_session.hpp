// One Dear ImGui context bound to an SDL renderer, with the wall's fonts baked for its size.
#pragma once

#include <SDL.h>

#include <vector>

#include "display/fonts.hpp"
#include "display/raster_target.hpp"
#include "display/sdl_draw.hpp"
#include "display/sdl_handles.hpp"

struct ImGuiContext;
struct ImDrawData;

namespace tsur::display {

/// Owns the ImGui context and the font atlas's pixels on the renderer's side; render thread only.
class ImGuiSession {
public:
    ImGuiSession(RasterTarget target, const FontFiles& fonts, const TypeScale& scale);
    ~ImGuiSession();
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

    const FontSet& fonts() const { return fonts_; }
    /// Starts a frame of `width` x `height` pixels; draw into ImGui::GetBackgroundDrawList().
    void begin_frame(int width, int height, float delta_seconds);
    /// Ends the frame and rasterises it into the renderer (clears to `clear` first).
    void end_frame(ImU32 clear);
    /// Ends the frame without rasterising it; the draw data lives until the next begin_frame.
    ImDrawData& finish_frame();
    /// Rasterises the finished frame: whole (cleared to `clear` first) when `rects` is empty,
    /// else only inside `rects`, over the pixels already in the target (display/frame_damage).
    void rasterise(ImU32 clear, const std::vector<SDL_Rect>& rects = {});

private:
    /// The target's pixels and the atlas's alpha bytes where it has pixels; else the atlas as a
    /// texture, made on first need.
    GlyphSource glyph_source();

    RasterTarget target_;
    ImGuiContext* context_;
    FontSet fonts_;
    SdlTexturePtr white_;
    SdlTexturePtr atlas_texture_;
};

}  // namespace tsur::display
