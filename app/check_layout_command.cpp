// check-layout runs the same parser as the wall, so a file it accepts is a file the wall shows.
// Sizes are reported in pixels, millimetres and arcminutes: the numbers an installer can check
// with a tape measure.
#include "app/check_layout_command.hpp"

#include <cstdio>

#include "app/file_io.hpp"
#include "app/layout_file.hpp"
#include "config/layout_parser.hpp"
#include "config/playlist.hpp"
#include "display/legibility.hpp"
#include "display/screen_grid.hpp"
#include "display/wall_geometry.hpp"

namespace tsur::app {
namespace {

void print_summary(const std::string& file, const config::Layout& layout) {
    const config::Wall& w = layout.wall;
    const display::WallGeometry g = display::wall_geometry(w);
    std::printf("%s: valid\n", file.c_str());
    std::printf(
        "  wall: %dx%d panels of %dx%d px (%.0fx%.0f mm), %d/%d px hidden behind each "
        "vertical/horizontal bezel, canvas %dx%d px\n",
        w.columns, w.rows, w.panel_width_px, w.panel_height_px, w.panel_width_mm, w.panel_height_mm,
        display::bezel_gap_x(w), display::bezel_gap_y(w), g.canvas_width, g.canvas_height);
    std::printf("  screens: %zu; playlist: %zu entries, cycle %lld s\n", layout.screens.size(),
                layout.playlist.size(),
                static_cast<long long>(config::playlist_cycle(layout).count()));

    const display::TypeScale scale = display::type_scale_for(w);
    const double pitch = display::text_mm_per_px(w);
    const double px = scale.min_px();
    const double angle = display::text_angle_arcmin(px, pitch, w.viewing_distance_m);
    std::printf(
        "  smallest text: %.0f px = %.1f mm, %.1f arcmin at %.1f m (minimum %.0f "
        "arcmin = %d px)\n",
        px, px * pitch, angle, static_cast<double>(w.viewing_distance_m), display::kMinTextArcmin,
        display::min_legible_px(pitch, w.viewing_distance_m));

    // Not errors (the wall draws them), but a cell this short shows at most two lines of text.
    for (std::size_t s = 0; s < layout.screens.size(); ++s) {
        const auto& screen = layout.screens[s];
        const float gap = display::cell_gap_px(g, screen, scale.min_px() * 0.4f);
        const auto rects = display::cell_rects(screen, display::canvas_rect(g), gap);
        for (std::size_t c = 0; c < rects.size(); ++c) {
            if (rects[c].h >= 3 * scale.min_px()) continue;
            std::printf(
                "  warning: screens[%zu].cells[%zu] (%s) is %.0f px tall, room for one "
                "line of the smallest text (%.0f px) and the panel's padding\n",
                s, c, screen.cells[c].widget.type.c_str(), rects[c].h, scale.min_px());
        }
    }
}

}  // namespace

int run_check_layout(const Options& options) {
    const std::string& file = options.positional.at(0);
    auto text = read_text_file(file, 4u << 20);
    if (!text) {
        std::fprintf(stderr, "tsur-wall: %s\n", text.error().c_str());
        return 2;
    }
    const auto types = widget_type_names();
    const config::LayoutCheck check = config::check_layout(text.value(), file, types);
    if (check.ok()) {
        // Valid JSON that the wall cannot draw legibly is refused too, with the reason.
        const auto undrawable = display::undrawable_problems(check.layout);
        if (undrawable.empty()) {
            print_summary(file, check.layout);
            return 0;
        }
        for (const std::string& p : undrawable) std::printf("%s: %s\n", file.c_str(), p.c_str());
        std::printf("%s: %zu problem%s: cannot be drawn at this viewing distance\n", file.c_str(),
                    undrawable.size(), undrawable.size() == 1 ? "" : "s");
        return 1;
    }
    for (const auto& p : check.problems) {
        std::printf("%s\n", config::format_problem(file, p).c_str());
    }
    std::printf("%s: %zu problem%s\n", file.c_str(), check.problems.size(),
                check.problems.size() == 1 ? "" : "s");
    return 1;
}

}  // namespace tsur::app
