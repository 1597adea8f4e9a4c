// The wall takes no input, so only the renderer backend is used: no SDL platform backend, no
// imgui.ini on disk, no mouse cursor.
#include "display/imgui_session.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <stdexcept>

#include "display/frame_damage.hpp"
#include "display/sdl_draw.hpp"

namespace tsur::display {

ImGuiSession::ImGuiSession(SDL_Renderer* renderer, const FontFiles& fonts, const TypeScale& scale)
    : renderer_(renderer), context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    // No mouse cursor shapes and no baked line textures in the atlas: its white pixel then sits
    // in the top-left corner. SDL 2.26's software renderer multiplies a triangle's area by its
    // texture coordinate in 32 bits, so a map-sized rectangle at 8K sampling a white pixel 65
    // texels in (after the baked lines) overflowed and crashed; every solid shape samples it.
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoBakedLines;
    try {
        fonts_ = build_fonts(*io.Fonts, fonts, scale);
    } catch (...) {
        ImGui::DestroyContext(context_);
        throw;
    }
    ImGui::GetStyle().AntiAliasedFill = true;
    ImGui::GetStyle().AntiAliasedLines = true;
    ImGui::GetStyle().CircleTessellationMaxError = 0.6f;
    if (!ImGui_ImplSDLRenderer_Init(renderer_)) {
        ImGui::DestroyContext(context_);
        throw std::runtime_error("ImGui SDL renderer backend failed to start");
    }
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    // The texture now lives in SDL; the CPU copies of the atlas are not needed again.
    io.Fonts->ClearTexData();
}

ImGuiSession::~ImGuiSession() {
    ImGui::SetCurrentContext(context_);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context_);
}

void ImGuiSession::begin_frame(int width, int height, float delta_seconds) {
    ImGui::SetCurrentContext(context_);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = delta_seconds > 0 ? delta_seconds : 1.0f / 60.0f;
    ImGui::NewFrame();
}

void ImGuiSession::end_frame(ImU32 clear) {
    finish_frame();
    rasterise(clear);
}

ImDrawData& ImGuiSession::finish_frame() {
    ImGui::SetCurrentContext(context_);
    ImGui::Render();
    return *ImGui::GetDrawData();
}

void ImGuiSession::rasterise(ImU32 clear, const std::vector<SDL_Rect>& rects) {
    ImGui::SetCurrentContext(context_);
    if (!rects.empty()) {
        rasterise_rects(renderer_, *ImGui::GetDrawData(), clear, rects);
        return;
    }
    SDL_SetRenderDrawColor(renderer_, clear & 0xFF, (clear >> 8) & 0xFF, (clear >> 16) & 0xFF, 255);
    SDL_RenderClear(renderer_);
    draw_imgui_data(renderer_, *ImGui::GetDrawData());
}

}  // namespace tsur::display
