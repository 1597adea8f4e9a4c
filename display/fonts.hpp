// Font roles baked at sizes chosen for the output: Cyrillic, typographic dashes, №, ₽, °, …
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include <imgui.h>

namespace tsur::display {

/// Text roles, smallest to largest; each is baked once at a pixel size derived from the output.
enum class TextRole : std::uint8_t { small, body, heading, number, huge };
inline constexpr std::size_t kTextRoleCount = 5;

/// Pixel sizes of each role. `min_px` is the smallest text on screen.
struct TypeScale {
    std::array<float, kTextRoleCount> px{};
    float min_px() const { return px[0]; }
    /// Sizes for an output `height_px` tall: small text is 2.2 % of the height (48 px at 2160,
    /// 24 px at 1080), the ratios between roles are fixed.
    static TypeScale for_height(float height_px);
};

/// The fonts of one ImGui context (render thread only); raw pointers are owned by the atlas.
struct FontSet {
    TypeScale scale;
    std::array<ImFont*, kTextRoleCount> regular{};
    std::array<ImFont*, kTextRoleCount> bold{};

    ImFont* font(TextRole r, bool is_bold = false) const {
        return (is_bold ? bold : regular)[static_cast<std::size_t>(r)];
    }
    float px(TextRole r) const { return scale.px[static_cast<std::size_t>(r)]; }
};

/// TTF bytes of the two faces, read by the caller (display/ does no I/O).
struct FontFiles {
    std::vector<std::uint8_t> regular;
    std::vector<std::uint8_t> bold;
};

/// Bakes every role into `atlas` with the FreeType builder; returns the fonts.
FontSet build_fonts(ImFontAtlas& atlas, const FontFiles& files, const TypeScale& scale);

}  // namespace tsur::display
