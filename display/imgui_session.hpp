// One Dear ImGui context bound to an SDL renderer, with the wall's fonts baked for its size.
#pragma once

#include <SDL.h>

#include "display/fonts.hpp"

struct ImGuiContext;

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

private:
    SDL_Renderer* renderer_;
    ImGuiContext* context_;
    FontSet fonts_;
};

}  // namespace tsur::display
