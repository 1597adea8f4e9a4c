// What the render loop tells the operator (log lines) and monitoring (the layout's state), kept
// apart from the loop so the loop reads as the order of its steps.
#pragma once

#include <string>

#include "app/layout_file.hpp"
#include "display/frame_context.hpp"
#include "display/frame_damage.hpp"
#include "display/window_target.hpp"
#include "state/render_health.hpp"

namespace tsur::app {

/// What monitoring must know about the layout on screen (/healthz layout_builtin,
/// layout_rejected); `file` null: the built-in overview was asked for.
net::LayoutState layout_state(const LayoutFile* file);

/// One line that tells an operator on a machine with no display what the wall is doing and
/// where the picture is.
std::string headless_notice(const display::WindowTarget& target, const std::string& status_address,
                            int width, int height);

/// The debug line that counts what one turn of the loop rasterised.
std::string redraw_line(const display::RedrawPlan& redraw);

/// The warning for a frame that drew characters as '?' (no glyph in the font); "" when none.
std::string missing_glyph_line(const display::GlyphTally& glyphs);

}  // namespace tsur::app
