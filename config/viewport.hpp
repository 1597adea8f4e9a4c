// This PC's part of the wall as written in the config (display.viewport) or on the command line
// (--viewport): canvas pixels or a block of panels, before it meets a wall.
#pragma once

#include <string>
#include <string_view>

#include "model/result.hpp"

namespace tsur::config {

/// A viewport as written, before it meets a wall: X,Y,W,H in canvas pixels, or a block of
/// panels COL,ROW,COLS,ROWS. Immutable value.
struct ViewportSpec {
    enum class Unit { canvas_px, panels };
    Unit unit = Unit::canvas_px;
    int x = 0, y = 0, width = 0, height = 0;
};

/// Parses "X,Y,W,H" (canvas pixels: X and Y from 0, W and H from 64, all up to 65536) or
/// "panels:COL,ROW[,COLS,ROWS]"; the Error says what was expected and what was given, and the
/// caller names where the text came from.
model::Result<ViewportSpec> parse_viewport(std::string_view text);

/// The spec as it would be written: "1926,0,1920,1080" or "panels:1,1,2,1".
std::string viewport_text(const ViewportSpec& spec);

}  // namespace tsur::config
