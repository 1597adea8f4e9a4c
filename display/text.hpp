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
/// Returns the drawn width. Every text of the wall goes through here or draw_text_at, so that
/// ctx.scene (when set) holds each run as `kind`, and ctx.glyphs each '?'.
float draw_text(const FrameContext& ctx, const TextStyle& style, float x, float y, float width,
                std::string_view text, Align align = Align::left, SceneKind kind = SceneKind::text);

/// Draws `text` unelided with its top-left corner at `at` (map counts and labels, placed by
/// their own rules). `group` 0 starts a new group; `value` is the incidents a count stands for.
void draw_text_at(const FrameContext& ctx, const TextStyle& style, ImVec2 at, std::string_view text,
                  SceneKind kind, std::uint32_t group = 0, std::uint64_t value = 0);

/// The box the glyphs of `text` drawn at `at` actually cover (the ink, not the line's em box):
/// what the scene report records, so that digits in a tight header or upright column labels
/// count as touching only where their letters do.
Rect text_ink(const FrameContext& ctx, const TextStyle& style, ImVec2 at, std::string_view text);

/// Records a text run drawn by other means (turned upright) with its on-screen box.
void record_text(const FrameContext& ctx, SceneKind kind, std::string_view text, const Rect& box,
                 std::uint32_t group = 0, std::uint64_t value = 0);

/// Records a circular mark drawn at `c` with radius `r` in ctx.scene, if any.
void record_circle(const FrameContext& ctx, SceneKind kind, ImVec2 c, float r,
                   std::uint32_t group = 0, std::uint64_t value = 0);

/// A fresh scene group for items drawn together (0 when nothing is recorded).
std::uint32_t scene_group(const FrameContext& ctx);

/// Adds to ctx.glyphs every character of `text` that `font` would draw as its fallback '?'.
/// draw_text and draw_text_at do, so /metrics sees what the room sees.
void tally_glyphs(const FrameContext& ctx, const ImFont* font, std::string_view text);

/// Draws a panel background with a title bar; returns the content rectangle below the title.
/// A `note` (the page "1/3") sits at the right of the title bar, the title elided before it.
Rect draw_panel(const FrameContext& ctx, std::string_view title, std::string_view note = {});

/// The rectangle draw_panel returns, without drawing: for widgets that plan before their title.
Rect panel_content(const FrameContext& ctx, bool titled);
/// The same for a cell `cell` drawn in the type sizes `scale`: for checks that have no fonts.
Rect panel_content(const Rect& cell, const TypeScale& scale, bool titled);

/// Standard padding inside panels, proportional to the small text size.
float pad(const FrameContext& ctx);

}  // namespace tsur::display
