// The dark high-contrast palette: backgrounds, text, SLA states, sectors, heat scale.
#pragma once

#include <array>

#include <imgui.h>

#include "model/enums.hpp"
#include "model/sla.hpp"

namespace tsur::display {

/// Immutable colours; any thread may read.
struct Theme {
    ImU32 background;
    ImU32 panel;
    ImU32 panel_border;
    ImU32 grid;
    ImU32 text;
    ImU32 text_dim;
    ImU32 accent;
    ImU32 overdue;
    ImU32 at_risk;
    ImU32 on_time;
    ImU32 highlight;  ///< "just became overdue" flash background
    ImU32 land;       ///< map fill
    ImU32 land_border;
    ImU32 muni_border;
    std::array<ImU32, model::kSectorCount> sector;

    /// Colour of an SLA state (answered states use on_time / at_risk tints).
    ImU32 sla(model::SlaState s) const;
    /// Perceptually uniform, colour-blind-safe sequential scale (viridis-like), t in [0, 1].
    static ImU32 heat(float t);
    /// Text colour that reads on top of heat(t).
    static ImU32 on_heat(float t);
};

const Theme& dark_theme();

/// ARGB helpers: ImGui packs colours as 0xAABBGGRR.
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (static_cast<ImU32>(a) << 24) | (static_cast<ImU32>(b) << 16) |
           (static_cast<ImU32>(g) << 8) | static_cast<ImU32>(r);
}
constexpr ImU32 with_alpha(ImU32 c, unsigned a) {
    return (c & 0x00FFFFFFu) | (static_cast<ImU32>(a) << 24);
}

}  // namespace tsur::display
