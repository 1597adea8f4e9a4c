// Type sizes from physical size: the smallest text must subtend at least 20 arcminutes at the
// viewing distance. "Text size" here is the font's pixel size as baked (its em height), the
// number TypeScale holds; capitals are about 0.73 of it in DejaVu Sans.
#pragma once

#include <string>
#include <vector>

#include "config/layout.hpp"
#include "display/fonts.hpp"

namespace tsur::display {

inline constexpr double kMinTextArcmin = 20.0;

/// Vertical pixel pitch of the wall's panels in mm (text height is vertical); 0 when unknown.
double text_mm_per_px(const config::Wall& wall);

/// Smallest pixel size that subtends `arcmin` at `distance_m`:
/// ceil(2 * d * tan(arcmin / 2) / mm_per_px). 0 when the pitch is unknown.
int min_legible_px(double mm_per_px, double distance_m, double arcmin = kMinTextArcmin);

/// Angle in arcminutes that text of `px` pixels subtends at `distance_m`.
double text_angle_arcmin(double px, double mm_per_px, double distance_m);

/// The type scale of a wall: TypeScale::for_height(canvas height), enlarged in proportion when
/// its small size is below min_legible_px(). Derived from the whole canvas, never from one
/// viewport, so every PC of a wall bakes the same sizes.
TypeScale type_scale_for(const config::Wall& wall);

/// Why `layout` cannot be drawn as its wall asks, one line per problem ("screens[0].cells[0]
/// (header): 226 px tall, but ..."); empty when it can. A cell must hold one line of the smallest
/// legible text inside its panel's padding (two lines of that size), else nothing in it can be
/// read from the viewing distance.
std::vector<std::string> undrawable_problems(const config::Layout& layout);

}  // namespace tsur::display
