// Type sizes come from the whole canvas, never from one viewport, so every PC of a wall bakes the
// same fonts and their pictures stitch together.
#include "app/frame_plan.hpp"

#include "display/legibility.hpp"

namespace tsur::app {

model::Result<FramePlan> plan_frame(const config::Layout& layout, bool builtin, int output_width,
                                    int output_height, const std::optional<std::string>& viewport) {
    FramePlan plan;
    plan.builtin = builtin;
    if (builtin) {
        config::Wall wall;
        wall.panel_width_px = output_width;
        wall.panel_height_px = output_height;
        plan.geometry = display::wall_geometry(wall);
        plan.type = display::TypeScale::for_height(static_cast<float>(output_height));
        plan.viewport = display::viewport_of_canvas(plan.geometry);
        return plan;
    }
    plan.geometry = display::wall_geometry(layout.wall);
    plan.type = display::type_scale_for(layout.wall);
    if (viewport) {
        auto v = display::parse_viewport(*viewport, plan.geometry);
        if (!v) return model::Error{"--viewport: " + v.error()};
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
