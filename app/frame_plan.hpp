// Which layout the wall shows and how its canvas maps onto this PC's output.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "config/app_config.hpp"
#include "config/layout.hpp"
#include "display/fonts.hpp"
#include "display/wall_geometry.hpp"
#include "model/result.hpp"

namespace tsur::app {

/// Geometry, viewport and type sizes for one layout on one output; an immutable value.
struct FramePlan {
    display::WallGeometry geometry;
    display::ViewportMap viewport;
    display::TypeScale type;
    bool builtin = false;  ///< the overview: its canvas is the output itself
};

/// This PC's part of the canvas as asked for, and who asked: every error about it names `source`.
struct ViewportChoice {
    config::ViewportSpec spec;
    std::string source;  ///< "--viewport", or "/etc/tsur-wall/wall.json: display.viewport"
};

/// --viewport (`flag`) wins over the config's display.viewport (read from `config_file`); none
/// when neither is given.
std::optional<ViewportChoice> choose_viewport(const std::optional<config::ViewportSpec>& flag,
                                              const config::DisplaySettings& display,
                                              const std::string& config_file);

/// The built-in overview fills whatever output it gets, read from the config's viewing distance
/// on the config's panels (`display`); a layout file brings its own canvas and wall, and
/// `viewport` picks this PC's part of it (default: the whole canvas). An Error about the
/// viewport starts with its source.
model::Result<FramePlan> plan_frame(const config::Layout& layout, bool builtin, int output_width,
                                    int output_height,
                                    const std::optional<ViewportChoice>& viewport,
                                    const config::DisplaySettings& display = {});

/// The physical wall the built-in overview fills: one output of `width` x `height` pixels, the
/// config's panel size and bezels (none: pitch unknown) and its viewing distance.
config::Wall builtin_wall(int width, int height, const config::DisplaySettings& display);

/// The config's display settings a layout file overrides with its own wall ("" when none):
/// one log line, so a value that changes nothing on this wall says so.
std::string ignored_display_settings(const config::DisplaySettings& display);

/// A layout named in config ("situation-room") is looked up in DATA/layouts/NAME.json; a path
/// is used as it is.
std::filesystem::path resolve_layout_path(const std::string& name_or_path,
                                          const std::filesystem::path& data_dir);

}  // namespace tsur::app
