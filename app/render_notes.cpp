// The operator reads these lines in the journal of a wall nobody stands in front of: each names
// what happened and where to look next.
#include "app/render_notes.hpp"

#include <cstdio>

namespace tsur::app {

net::LayoutState layout_state(const LayoutFile* file) {
    if (!file) return net::LayoutState::ok;
    if (!file->layout()) return net::LayoutState::builtin;
    return file->rejected() ? net::LayoutState::rejected : net::LayoutState::ok;
}

std::string headless_notice(const display::WindowTarget& target, const std::string& status_address,
                            int width, int height) {
    std::string line = "display: running headless (SDL video driver '" + target.video_driver() +
                       "', " + std::to_string(width) + "x" + std::to_string(height) + ")";
    if (!target.fallback_reason().empty()) line += " because " + target.fallback_reason();
    line += "; nothing is shown on a screen. See the picture with ";
    line += status_address.empty()
                ? std::string("--screenshot OUT.png")
                : "--screenshot OUT.png, or at http://" + status_address +
                      "/screenshot.png (with the status token unless the layout is public)";
    line +=
        ", or run under X11 (DISPLAY), Wayland (WAYLAND_DISPLAY) or on a console with a GPU "
        "(SDL_VIDEODRIVER=kmsdrm)";
    return line;
}

std::string redraw_line(const display::RedrawPlan& redraw) {
    switch (redraw.kind) {
        case display::RedrawPlan::Kind::none:
            return "redraw: none (frame unchanged)";
        case display::RedrawPlan::Kind::partial: {
            char share[16];
            std::snprintf(share, sizeof share, "%.1f", redraw.damaged_share * 100);
            return "redraw: partial, " + std::to_string(redraw.rects.size()) + " rectangles, " +
                   share + " % of the frame";
        }
        case display::RedrawPlan::Kind::full:
            break;
    }
    return "redraw: full";
}

std::string missing_glyph_line(const display::GlyphTally& glyphs) {
    if (glyphs.missing == 0) return {};
    char code[16];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(glyphs.first));
    return "the frame drew " + std::to_string(glyphs.missing) +
           " characters as '?' (no glyph in the font), first U+" + code;
}

}  // namespace tsur::app
