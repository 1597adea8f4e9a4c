// A wall seen from 5 m needs bigger pixels of text than a monitor at arm's length; the rule is
// stated as a visual angle so it holds for any panel size and distance.
#include "display/legibility.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

#include "display/screen_grid.hpp"
#include "display/wall_geometry.hpp"
#include "display/widget_registry.hpp"

namespace tsur::display {
namespace {

constexpr double kRadPerArcmin = std::numbers::pi / (180.0 * 60.0);

std::string distance_text(const config::Wall& wall) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f m", static_cast<double>(wall.viewing_distance_m));
    return text;
}

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

std::vector<std::string> undrawable_problems(const config::Layout& layout) {
    std::vector<std::string> out;
    const WallGeometry g = wall_geometry(layout.wall);
    const TypeScale scale = type_scale_for(layout.wall);
    // A panel spends half a line of padding above and below its content (display/text.cpp).
    const float need = 2 * scale.min_px();
    for (std::size_t s = 0; s < layout.screens.size(); ++s) {
        const config::Screen& screen = layout.screens[s];
        const float gap = cell_gap_px(g, screen, scale.min_px() * 0.4f);
        const auto rects = cell_rects(screen, canvas_rect(g), gap);
        for (std::size_t c = 0; c < rects.size() && c < screen.cells.size(); ++c) {
            const std::string& type = screen.cells[c].widget.type;
            if (rects[c].h >= need && rects[c].w >= need) {
                // A widget with needs of its own (the tile view) says why it cannot fit.
                const RoomFn room = find_room_check(type);
                const auto why = room != nullptr ? room(rects[c], scale) : std::nullopt;
                if (!why) continue;
                char head[120];
                std::snprintf(head, sizeof head, "screens[%zu].cells[%zu] (%s): ", s, c,
                              type.c_str());
                out.push_back(head + *why + " at " + distance_text(layout.wall) +
                              "; make the cell bigger or the viewing distance shorter");
                continue;
            }
            char line[320];
            std::snprintf(line, sizeof line,
                          "screens[%zu].cells[%zu] (%s): %.0fx%.0f px, but text legible at "
                          "%.1f m is %.0f px and a panel needs %.0f px for one line of it; "
                          "make the cell bigger or the viewing distance shorter",
                          s, c, screen.cells[c].widget.type.c_str(), rects[c].w, rects[c].h,
                          static_cast<double>(layout.wall.viewing_distance_m),
                          static_cast<double>(scale.min_px()), static_cast<double>(need));
            out.emplace_back(line);
        }
    }
    return out;
}

}  // namespace tsur::display
