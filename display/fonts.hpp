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
/// The roles whose regular weight is baked: every other role is bold on the wall, and each
/// regular face left out saves the atlas (and the font texture) its glyphs.
inline constexpr std::array<bool, kTextRoleCount> kRegularRoles = {true, true, false, false, false};

/// Pixel sizes of each role. `min_px` is the smallest text on screen.
struct TypeScale {
    std::array<float, kTextRoleCount> px{};
    float min_px() const { return px[0]; }
    /// Sizes for an output `height_px` tall: small text is 2.2 % of the height (48 px at 2160,
    /// 24 px at 1080), the ratios between roles are fixed.
    static TypeScale for_height(float height_px);
};

/// The fonts of one ImGui context (render thread only); raw pointers are owned by the atlas.
/// Text is drawn at `scale` sizes; a role whose glyphs would not fit the atlas limits is baked
/// smaller (`baked`) and its glyphs are magnified when drawn.
struct FontSet {
    TypeScale scale;
    TypeScale baked;
    std::array<ImFont*, kTextRoleCount> regular{};
    std::array<ImFont*, kTextRoleCount> bold{};

    /// Headings, numbers and alarms are drawn bold only, so their regular weight is not baked
    /// (kRegularRoles): asking for it gives the bold font.
    ImFont* font(TextRole r, bool is_bold = false) const {
        const auto i = static_cast<std::size_t>(r);
        return is_bold || regular[i] == nullptr ? bold[i] : regular[i];
    }
    float px(TextRole r) const { return scale.px[static_cast<std::size_t>(r)]; }
};

/// TTF bytes of the two faces, read by the caller (display/ does no I/O).
struct FontFiles {
    std::vector<std::uint8_t> regular;
    std::vector<std::uint8_t> bold;
};

/// Largest glyph bitmap, in pixels, that a role may bake. Dear ImGui 1.86's FreeType builder
/// rasterises each glyph into a 256 KiB scratch chunk (4 bytes a pixel, 65536 pixels) and does
/// not check the size in release builds: a bigger glyph overwrites the heap. A quarter is kept
/// as margin for hinting differences.
inline constexpr int kMaxGlyphPixels = 49152;
/// Largest atlas texture, in pixels (4096 x 4096, 64 MiB as RGBA): what a mini-PC's GPU and
/// SDL's software renderer take without trouble.
inline constexpr int kMaxAtlasPixels = 4096 * 4096;

/// Bakes every role into `atlas` with the FreeType builder; returns the fonts. Never bakes a
/// glyph over kMaxGlyphPixels or an atlas over kMaxAtlasPixels (roles are baked smaller and
/// drawn magnified instead); throws when the fonts cannot be read.
FontSet build_fonts(ImFontAtlas& atlas, const FontFiles& files, const TypeScale& scale);

/// Largest glyph bitmap (width x height, pixels) of the font `ttf` baked at `px` over the role's
/// characters, as ImGui's FreeType builder sizes it (ascender + descender = px). 0 if unreadable.
int largest_glyph_pixels(const std::vector<std::uint8_t>& ttf, float px, TextRole role);

}  // namespace tsur::display
