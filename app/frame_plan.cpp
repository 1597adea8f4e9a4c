// Type sizes come from the whole canvas, never from one viewport, so every PC of a wall bakes the
// same fonts and their pictures stitch together.
#include "app/frame_plan.hpp"

#include "display/legibility.hpp"

namespace tsur::app {

config::Wall builtin_wall(int width, int height, const config::DisplaySettings& display) {
    config::Wall wall;
    wall.panel_width_px = width;
    wall.panel_height_px = height;
    wall.viewing_distance_m = static_cast<float>(display.viewing_distance_m);
    if (display.panels) {
        wall.panel_width_mm = static_cast<float>(display.panels->width_mm);
        wall.panel_height_mm = static_cast<float>(display.panels->height_mm);
        const auto bezel = static_cast<float>(display.panels->bezel_mm);
        wall.bezel = config::Bezel{bezel, bezel, bezel, bezel, false};
    }
    return wall;
}

std::string ignored_display_settings(const config::DisplaySettings& display) {
    const config::DisplaySettings defaults;
    std::string out;
    if (display.panels) out = "display.panels";
    if (display.viewing_distance_m != defaults.viewing_distance_m) {
        out += out.empty() ? "display.viewing_distance_m" : " and display.viewing_distance_m";
    }
    if (!out.empty()) out += " ignored: the layout file states its own wall";
    return out;
}

std::optional<ViewportChoice> choose_viewport(const std::optional<config::ViewportSpec>& flag,
                                              const config::DisplaySettings& display,
                                              const std::string& config_file) {
    if (flag) return ViewportChoice{*flag, "--viewport"};
    if (!display.viewport) return std::nullopt;
    return ViewportChoice{*display.viewport, config_file + ": display.viewport"};
}

model::Result<FramePlan> plan_frame(const config::Layout& layout, bool builtin, int output_width,
                                    int output_height,
                                    const std::optional<ViewportChoice>& viewport,
                                    const config::DisplaySettings& display) {
    FramePlan plan;
    plan.builtin = builtin;
    if (builtin) {
        // Text sizes follow the same legibility rule check-layout reports; without a panel
        // size the pixel pitch is unknown and the output's height alone decides.
        const config::Wall wall = builtin_wall(output_width, output_height, display);
        plan.geometry = display::wall_geometry(wall);
        plan.type = display::type_scale_for(wall);
        plan.viewport = display::viewport_of_canvas(plan.geometry);
        return plan;
    }
    plan.geometry = display::wall_geometry(layout.wall);
    plan.type = display::type_scale_for(layout.wall);
    if (viewport) {
        auto v = display::resolve_viewport(viewport->spec, plan.geometry);
        if (!v) return model::Error{viewport->source + ": " + v.error()};
        plan.viewport = v.take();
    } else {
        plan.viewport = display::viewport_of_canvas(plan.geometry);
    }
    return plan;
}

std::filesystem::path resolve_layout_path(const std::string& name_or_path,
                                          const std::filesystem::path& data_dir) {
    const std::filesystem::path p(name_or_path);
    if (p.is_absolute() || p.has_parent_path() || p.extension() == ".json") return p;
    return data_dir / "layouts" / (name_or_path + ".json");
}

}  // namespace tsur::app
