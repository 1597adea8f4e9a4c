// Bakes the font roles. Big roles get only the glyphs of the wall's own texts (both languages),
// so a 4K atlas stays a few megabytes; FreeType renders small sizes crisper than stb_truetype.
#include "display/fonts.hpp"

#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "display/strings.hpp"

namespace tsur::display {
namespace {

constexpr std::array<float, kTextRoleCount> kRatios = {1.0f, 1.2f, 1.35f, 2.4f, 3.2f};

// Characters outside GetGlyphRangesCyrillic() that data text (titles, names) commonly holds.
constexpr const char* kExtraText = "—–−…№₽°×→←↑↓▲▼●■«»“”„’ ";
// What numbers, times and counts are drawn with, beyond the labels of the string tables.
constexpr const char* kNumberText = "0123456789 +-−–—%,.:;·×/()?!…→↑↓\u2009";

// Every label and formatter word of both languages: a big role needs exactly these, so its atlas
// holds the letters the wall prints rather than whole alphabets.
void add_wall_texts(ImFontGlyphRangesBuilder& b) {
    for (const auto lang : {Language::ru, Language::en}) {
        for (const std::string& t : all_texts(strings_for(lang))) b.AddText(t.c_str());
    }
    b.AddText(kNumberText);
}

// Text roles also draw data: any Russian title, municipality or agency name.
void add_text_ranges(ImFontGlyphRangesBuilder& b) {
    static constexpr ImWchar kBase[] = {0x0020, 0x00FF,   // Latin, Latin-1 (° × « »)
                                        0x0401, 0x0401,   // Ё
                                        0x0410, 0x044F,   // А–я
                                        0x0451, 0x0451,   // ё
                                        0};
    b.AddRanges(kBase);
    b.AddText(kExtraText);
    add_wall_texts(b);
}

ImFont* add_font(ImFontAtlas& atlas, const std::vector<std::uint8_t>& ttf, float px,
                 const ImVector<ImWchar>& ranges) {
    ImFontConfig cfg;
    // The caller's bytes outlive the build below, and the atlas is never rebuilt afterwards.
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    void* data = const_cast<std::uint8_t*>(ttf.data());
    return atlas.AddFontFromMemoryTTF(data, static_cast<int>(ttf.size()), px, &cfg, ranges.Data);
}

}  // namespace

TypeScale TypeScale::for_height(float height_px) {
    TypeScale s;
    const float small = std::max(14.0f, height_px * 0.025f);
    for (std::size_t i = 0; i < kTextRoleCount; ++i) s.px[i] = std::round(small * kRatios[i]);
    return s;
}

FontSet build_fonts(ImFontAtlas& atlas, const FontFiles& files, const TypeScale& scale) {
    if (files.regular.empty() || files.bold.empty()) {
        throw std::runtime_error("fonts: regular and bold TTF data are required");
    }
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = 0;
    // The texture is as tall as the glyphs need: a power-of-two height would double a 4K atlas
    // (2048x2882 -> 2048x4096) for nothing, since SDL's renderers take any size.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    ImVector<ImWchar> text_ranges, big_ranges;
    {
        ImFontGlyphRangesBuilder b;
        add_text_ranges(b);
        b.BuildRanges(&text_ranges);
    }
    {
        ImFontGlyphRangesBuilder b;
        add_wall_texts(b);
        b.BuildRanges(&big_ranges);
    }

    FontSet set;
    set.scale = scale;
    for (std::size_t i = 0; i < kTextRoleCount; ++i) {
        const auto role = static_cast<TextRole>(i);
        const bool big = role == TextRole::huge || role == TextRole::number;
        const ImVector<ImWchar>& ranges = big ? big_ranges : text_ranges;
        set.regular[i] = add_font(atlas, files.regular, scale.px[i], ranges);
        set.bold[i] = add_font(atlas, files.bold, scale.px[i], ranges);
    }
    if (!atlas.Build()) throw std::runtime_error("fonts: atlas build failed");
    return set;
}

}  // namespace tsur::display
