// Marker sizes from the small text size, and the overdue pulse.
#include "display/map/map_style.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tsur::display {

MapStyle map_style(const FrameContext& ctx) {
    const float s = ctx.fonts->px(TextRole::small);
    MapStyle st;
    st.dot_r = std::max(2.5f, s * 0.13f);
    st.critical_r = st.dot_r * 1.6f;
    st.ring_r = st.dot_r * 2.1f;
    st.ring_w = std::max(1.5f, s * 0.05f);
    st.hex_r = std::max(14.0f, s * 1.5f);
    st.marker_r = std::max(3.0f, s * 0.16f);
    st.capital_r = st.marker_r * 1.5f;
    st.border_w = std::max(1.5f, s * 0.06f);
    return st;
}

float overdue_pulse(double anim_seconds) {
    const double phase = std::fmod(anim_seconds, 4.0) / 4.0;
    return static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * phase));
}

}  // namespace tsur::display
