// One Dear ImGui context bound to an SDL renderer, with the wall's fonts baked for its size.
#pragma once

#include <SDL.h>

#include <vector>

#include "display/fonts.hpp"

struct ImGuiContext;
struct ImDrawData;

namespace tsur::display {

/// Owns the ImGui context and the SDL renderer backend; render thread only.
class ImGuiSession {
public:
    ImGuiSession(SDL_Renderer* renderer, const FontFiles& fonts, const TypeScale& scale);
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
    SDL_Renderer* renderer_;
    ImGuiContext* context_;
    FontSet fonts_;
};

}  // namespace tsur::display
