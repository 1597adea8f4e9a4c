// An ImGui context for benchmarks: the wall's fonts and style, no renderer backend, so a frame's
// draw lists are built and nothing is rasterised.
#pragma once

#include <imgui.h>

#include "bench/bench_data.hpp"
#include "display/fonts.hpp"

namespace tsur::bench {

/// Owns the context; fonts baked for a `height`-pixel output as the wall bakes them. Bench thread.
class CpuOnlyImGui {
public:
    CpuOnlyImGui(int width, int height) : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        fonts_ = display::build_fonts(*io.Fonts, wall_assets().fonts,
                                      display::TypeScale::for_height(static_cast<float>(height)));
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        // The same style the wall's session sets, so the tessellation work is the same.
        ImGui::GetStyle().AntiAliasedFill = true;
        ImGui::GetStyle().AntiAliasedLines = true;
        ImGui::GetStyle().CircleTessellationMaxError = 0.6f;
    }
    ~CpuOnlyImGui() { ImGui::DestroyContext(context_); }
    CpuOnlyImGui(const CpuOnlyImGui&) = delete;
    CpuOnlyImGui& operator=(const CpuOnlyImGui&) = delete;
    const display::FontSet& fonts() const { return fonts_; }

private:
    ImGuiContext* context_;
    display::FontSet fonts_;
};

}  // namespace tsur::bench
