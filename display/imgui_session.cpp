// The wall takes no input, so no ImGui platform backend is used: no imgui.ini on disk, no mouse
// cursor; display/sdl_draw stands in for the renderer backend.
#include "display/imgui_session.hpp"

#include <imgui.h>

#include <stdexcept>
#include <utility>

#include "display/frame_damage.hpp"

namespace tsur::display {
namespace {

/// A texture of `pixels` (width x height) as white with that alpha, blended.
SdlTexturePtr make_texture(SDL_Renderer* renderer, const unsigned char* alpha, int width,
                           int height) {
    SdlTexturePtr texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888,
                                            SDL_TEXTUREACCESS_STATIC, width, height));
    if (!texture) throw std::runtime_error(std::string("SDL_CreateTexture: ") + SDL_GetError());
    std::vector<Uint32> rgba(static_cast<std::size_t>(width) * height);
    for (std::size_t i = 0; i < rgba.size(); ++i) {
        rgba[i] = (static_cast<Uint32>(alpha[i]) << 24) | 0x00FFFFFFu;
    }
    SDL_UpdateTexture(texture.get(), nullptr, rgba.data(), width * 4);
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
    return texture;
}

}  // namespace

ImGuiSession::ImGuiSession(RasterTarget target, const FontFiles& fonts, const TypeScale& scale)
    : target_(std::move(target)), context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.BackendRendererName = "tsur sdl_draw";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    // No mouse cursor shapes and no baked line textures in the atlas: its white pixel then sits
    // in the top-left corner. SDL 2.26's software renderer multiplies a triangle's area by its
    // texture coordinate in 32 bits, so a map-sized rectangle at 8K sampling a white pixel 65
    // texels in (after the baked lines) overflowed and crashed; every solid shape samples it.
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoBakedLines;
    try {
        fonts_ = build_fonts(*io.Fonts, fonts, scale);
        // Draw commands name the atlas by this tag; glyph_source() says where its texels are.
        io.Fonts->SetTexID(static_cast<ImTextureID>(&fonts_));
        unsigned char* alpha = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
        if (target_.pixels) {
            // Software target: the glyphs come from the alpha bytes ImGui keeps, a quarter of an
            // RGBA texture; solid shapes sample the atlas's white texel, which this one texel is
            // wherever their coordinates point.
            const unsigned char opaque = 0xFF;
            white_ = make_texture(target_.renderer, &opaque, 1, 1);
        } else {
            atlas_texture_ = make_texture(target_.renderer, alpha, w, h);
            io.Fonts->ClearTexData();
        }
    } catch (...) {
        ImGui::DestroyContext(context_);
        throw;
    }
    ImGui::GetStyle().AntiAliasedFill = true;
    ImGui::GetStyle().AntiAliasedLines = true;
    ImGui::GetStyle().CircleTessellationMaxError = 0.6f;
}

ImGuiSession::~ImGuiSession() { ImGui::DestroyContext(context_); }

void ImGuiSession::begin_frame(int width, int height, float delta_seconds) {
    ImGui::SetCurrentContext(context_);
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

GlyphSource ImGuiSession::glyph_source() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    GlyphSource glyphs;
    glyphs.atlas_id = atlas.TexID;
    SDL_Surface* pixels = target_.pixels ? target_.pixels() : nullptr;
    if (atlas.TexPixelsAlpha8 != nullptr && blends_directly(pixels)) {
        glyphs.surface = pixels;
        glyphs.alpha = {atlas.TexPixelsAlpha8, atlas.TexWidth, atlas.TexHeight};
        glyphs.white = white_.get();
        return glyphs;
    }
    // A scaled or unusual software target (or a GPU one): SDL copies glyphs from a texture.
    if (!atlas_texture_ && atlas.TexPixelsAlpha8 != nullptr) {
        atlas_texture_ =
            make_texture(target_.renderer, atlas.TexPixelsAlpha8, atlas.TexWidth, atlas.TexHeight);
    }
    glyphs.texture = atlas_texture_.get();
    return glyphs;
}

void ImGuiSession::rasterise(ImU32 clear, const std::vector<SDL_Rect>& rects) {
    ImGui::SetCurrentContext(context_);
    const GlyphSource glyphs = glyph_source();
    if (!rects.empty()) {
        rasterise_rects(target_.renderer, *ImGui::GetDrawData(), clear, rects, glyphs);
        return;
    }
    SDL_Renderer* r = target_.renderer;
    SDL_SetRenderDrawColor(r, clear & 0xFF, (clear >> 8) & 0xFF, (clear >> 16) & 0xFF, 255);
    SDL_RenderClear(r);
    draw_imgui_data(r, *ImGui::GetDrawData(), glyphs);
}

}  // namespace tsur::display
