// Marker sizes of the map, proportional to the text size, and the pulse of overdue markers.
#pragma once

#include "display/frame_context.hpp"

namespace tsur::display {

/// Marker sizes, all proportional to the small text size so the map reads the same at any
/// output resolution.
struct MapStyle {
    float dot_r = 0;       ///< plain incident dot
    float critical_r = 0;  ///< critical incident dot
    float ring_r = 0;      ///< overdue ring
    float ring_w = 0;
    float hex_r = 0;     ///< hexagon bin circumradius
    float marker_r = 0;  ///< municipality centre
    float capital_r = 0;
    float border_w = 0;  ///< region outline
    bool operator==(const MapStyle&) const = default;
};
MapStyle map_style(const FrameContext& ctx);

/// Slow pulse for overdue rings: 0..1, a cosine with a 4 s period of ctx.anim_seconds.
float overdue_pulse(double anim_seconds);

}  // namespace tsur::display
