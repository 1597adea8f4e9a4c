// The dark theme. Sector colours follow Okabe–Ito (safe under deuteranopia), lightened for a dark
// background; the heat scale samples viridis, which is perceptually uniform and colour-blind safe.
#include "display/theme.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::display {
namespace {

struct Rgb {
    float r, g, b;
};

constexpr std::array<Rgb, 9> kViridis = {{{68, 1, 84},
                                          {72, 40, 120},
                                          {62, 73, 137},
                                          {49, 104, 142},
                                          {38, 130, 142},
                                          {31, 158, 137},
                                          {53, 183, 121},
                                          {110, 206, 88},
                                          {253, 231, 37}}};

Rgb sample_viridis(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float pos = t * static_cast<float>(kViridis.size() - 1);
    const auto i = static_cast<std::size_t>(std::min(pos, static_cast<float>(kViridis.size() - 2)));
    const float f = pos - static_cast<float>(i);
    const Rgb& a = kViridis[i];
    const Rgb& b = kViridis[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

Theme make_dark() {
    Theme t{};
    t.background = rgb(11, 14, 20);
    t.panel = rgb(21, 26, 36);
    t.panel_border = rgb(44, 52, 68);
    t.grid = rgb(52, 60, 78);
    t.text = rgb(238, 241, 246);
    t.text_dim = rgb(160, 170, 188);
    t.accent = rgb(64, 156, 255);
    t.overdue = rgb(255, 77, 92);
    t.at_risk = rgb(255, 183, 3);
    t.on_time = rgb(72, 201, 150);
    t.highlight = rgb(120, 22, 36);
    t.land = rgb(30, 38, 52);
    t.land_border = rgb(110, 128, 160);
    t.muni_border = rgb(58, 68, 88);
    t.sector = {
        rgb(230, 159, 0),    // housing: orange
        rgb(86, 180, 233),   // roads: sky blue
        rgb(0, 178, 138),    // waste: bluish green
        rgb(255, 140, 210),  // healthcare: pink (purple looked grey to deuteranopes)
        rgb(240, 228, 66),   // education: yellow
        rgb(60, 120, 220),   // transport: blue
        rgb(213, 94, 0),     // energy: vermillion
        rgb(235, 235, 235),  // social: white
        rgb(140, 140, 150),  // other: grey
    };
    return t;
}

}  // namespace

ImU32 Theme::sla(model::SlaState s) const {
    switch (s) {
        case model::SlaState::new_:
        case model::SlaState::in_progress:
            return on_time;
        case model::SlaState::at_risk:
            return at_risk;
        case model::SlaState::overdue:
            return overdue;
        case model::SlaState::answered_on_time:
            return with_alpha(on_time, 160);
        case model::SlaState::answered_late:
            return with_alpha(at_risk, 160);
    }
    return text;
}

ImU32 Theme::heat(float t) {
    const Rgb c = sample_viridis(t);
    return rgb(static_cast<unsigned>(std::lround(c.r)), static_cast<unsigned>(std::lround(c.g)),
               static_cast<unsigned>(std::lround(c.b)));
}

ImU32 Theme::on_heat(float t) {
    // Viridis gets light past ~0.6; dark text keeps contrast there.
    return t > 0.6f ? rgb(12, 14, 20) : rgb(245, 247, 250);
}

const Theme& dark_theme() {
    static const Theme theme = make_dark();
    return theme;
}

}  // namespace tsur::display
