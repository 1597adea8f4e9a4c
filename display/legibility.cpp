// A wall seen from 5 m needs bigger pixels of text than a monitor at arm's length; the rule is
// stated as a visual angle so it holds for any panel size and distance.
#include "display/legibility.hpp"

#include <cmath>
#include <numbers>

#include "display/wall_geometry.hpp"

namespace tsur::display {
namespace {

constexpr double kRadPerArcmin = std::numbers::pi / (180.0 * 60.0);

}  // namespace

double text_mm_per_px(const config::Wall& wall) {
    if (wall.panel_height_mm <= 0 || wall.panel_height_px <= 0) return 0;
    return static_cast<double>(wall.panel_height_mm) / wall.panel_height_px;
}

int min_legible_px(double mm_per_px, double distance_m, double arcmin) {
    if (mm_per_px <= 0 || distance_m <= 0) return 0;
    const double height_mm = 2.0 * distance_m * 1000.0 * std::tan(arcmin * kRadPerArcmin / 2.0);
    return static_cast<int>(std::ceil(height_mm / mm_per_px));
}

double text_angle_arcmin(double px, double mm_per_px, double distance_m) {
    if (mm_per_px <= 0 || distance_m <= 0) return 0;
    const double half_mm = px * mm_per_px / 2.0;
    return 2.0 * std::atan(half_mm / (distance_m * 1000.0)) / kRadPerArcmin;
}

TypeScale type_scale_for(const config::Wall& wall) {
    const WallGeometry g = wall_geometry(wall);
    TypeScale s = TypeScale::for_height(static_cast<float>(g.canvas_height));
    const int need = min_legible_px(text_mm_per_px(wall), wall.viewing_distance_m);
    if (static_cast<float>(need) <= s.px[0]) return s;
    const float factor = static_cast<float>(need) / s.px[0];
    for (float& px : s.px) px = std::ceil(px * factor);
    s.px[0] = static_cast<float>(need);
    return s;
}

}  // namespace tsur::display
