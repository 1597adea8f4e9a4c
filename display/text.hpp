// Text and panel drawing shared by widgets: measuring, eliding with "…", aligning, panel frames.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "display/frame_context.hpp"

namespace tsur::display {

enum class Align : std::uint8_t { left, centre, right };

struct TextStyle {
    TextRole role = TextRole::body;
    bool bold = false;
    ImU32 color = 0xFFFFFFFFu;
};

/// Width and height of `text` in the style's font at its role size.
ImVec2 measure_text(const FrameContext& ctx, const TextStyle& style, std::string_view text);

/// `text` cut at a UTF-8 boundary with "…" appended so it fits `max_width` (unchanged if it fits).
std::string elide(const FrameContext& ctx, const TextStyle& style, std::string_view text,
                  float max_width);

/// Draws `text` with its top edge at y, aligned inside [x, x + width]; elided to fit the width.
/// Returns the drawn width.
float draw_text(const FrameContext& ctx, const TextStyle& style, float x, float y, float width,
                std::string_view text, Align align = Align::left);

/// Adds to ctx.glyphs every character of `text` that `font` would draw as its fallback '?'.
/// draw_text and the map's direct AddText calls do, so /metrics sees what the room sees.
void tally_glyphs(const FrameContext& ctx, const ImFont* font, std::string_view text);

/// Draws a panel background with a title bar; returns the content rectangle below the title.
Rect draw_panel(const FrameContext& ctx, std::string_view title);

/// Standard padding inside panels, proportional to the small text size.
float pad(const FrameContext& ctx);

}  // namespace tsur::display
