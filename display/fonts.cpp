// Bakes the font roles. Big roles get only the glyphs of the wall's own texts (both languages),
// so a 4K atlas stays a few megabytes; FreeType renders small sizes crisper than stb_truetype.
#include "display/fonts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "display/strings.hpp"

namespace tsur::display {
namespace {

constexpr std::array<float, kTextRoleCount> kRatios = {1.0f, 1.2f, 1.35f, 2.4f, 3.2f};

// Characters outside GetGlyphRangesCyrillic() that data text (titles, names) commonly holds.
constexpr const char* kExtraText =
    "—–−…№₽°×→←↑↓▲▼●■«»“”„’ ";
// What numbers, times and counts are drawn with, beyond the labels of the string tables.
constexpr const char* kNumberText = "0123456789 +-−–—%,.:;·×/()?!…→↑↓\u2009";
// What huge-role counts add to kNumberText (format_compact's units, the public "<5").
constexpr const char* kHugeExtra = "kM<";

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
    static constexpr ImWchar kBase[] = {0x0020, 0x00FF,  // Latin, Latin-1 (° × « »)
                                        0x0401, 0x0401,  // Ё
                                        0x0410, 0x044F,  // А–я
                                        0x0451, 0x0451,  // ё
                                        0};
    b.AddRanges(kBase);
    b.AddText(kExtraText);
    add_wall_texts(b);
}

ImVector<ImWchar> role_ranges(TextRole role) {
    ImFontGlyphRangesBuilder b;
    // The huge role draws the clock and the tile counts only: digits, separators, the "k"/"M"
    // of compact counts and the "<" of public ones. It was a third of a 4K atlas with letters.
    if (role == TextRole::huge) {
        b.AddText(kNumberText);
        b.AddText(kHugeExtra);
    } else if (role == TextRole::number) {
        // Numbers, and the alarms ("Нет связи с сервером") of the full-screen notice: every
        // character of every label of both languages, and nothing else, keeps its atlas small.
        add_wall_texts(b);
    } else {
        add_text_ranges(b);
    }
    ImVector<ImWchar> out;
    b.BuildRanges(&out);
    return out;
}

struct FtLibraryDeleter {
    void operator()(FT_Library lib) const { FT_Done_FreeType(lib); }
};
struct FtFaceDeleter {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};

// Mirrors ImGui's FreeTypeFont::SetPixelHeight and LoadGlyph (REAL_DIM request, hinted outline),
// plus two pixels a side for the anti-aliased edge.
int measure_largest_glyph(const std::vector<std::uint8_t>& ttf, int px,
                          const ImVector<ImWchar>& ranges) {
    FT_Library raw_lib = nullptr;
    if (FT_Init_FreeType(&raw_lib) != 0) return 0;
    const std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter> lib(raw_lib);
    FT_Face raw_face = nullptr;
    if (FT_New_Memory_Face(lib.get(), ttf.data(), static_cast<FT_Long>(ttf.size()), 0, &raw_face) !=
        0) {
        return 0;
    }
    const std::unique_ptr<FT_FaceRec_, FtFaceDeleter> face(raw_face);
    FT_Select_Charmap(face.get(), FT_ENCODING_UNICODE);
    FT_Size_RequestRec req{};
    req.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
    req.height = static_cast<FT_Long>(px) * 64;
    if (FT_Request_Size(face.get(), &req) != 0) return 0;
    long largest = 0;
    for (int r = 0; r + 1 < ranges.Size && ranges[r] != 0; r += 2) {
        for (unsigned cp = ranges[r]; cp <= ranges[r + 1]; ++cp) {
            const FT_UInt index = FT_Get_Char_Index(face.get(), cp);
            if (index == 0) continue;
            if (FT_Load_Glyph(face.get(), index, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_NORMAL) != 0) {
                continue;
            }
            const FT_Glyph_Metrics& m = face->glyph->metrics;
            const long w = (m.width + 63) / 64 + 4;
            const long h = (m.height + 63) / 64 + 4;
            largest = std::max(largest, w * h);
        }
    }
    return static_cast<int>(std::min<long>(largest, 1L << 30));
}

// The biggest whole pixel size not above `px` whose glyphs of both faces stay under the limit.
float bounded_bake_px(const FontFiles& files, float px, TextRole role) {
    // Below this size no glyph box can reach the limit (it would have to be 1.6 px wide and
    // 1.25 px tall, about 1.9 by 1.5 em), so the usual 1080p and 4K sizes skip the measuring.
    if (2.0f * px * px <= static_cast<float>(kMaxGlyphPixels)) return px;
    const ImVector<ImWchar> ranges = role_ranges(role);
    int bake = static_cast<int>(px);
    for (int attempt = 0; attempt < 16 && bake > 8; ++attempt) {
        const int area = std::max(measure_largest_glyph(files.regular, bake, ranges),
                                  measure_largest_glyph(files.bold, bake, ranges));
        if (area <= kMaxGlyphPixels) break;
        // Area grows with the square of the size; step a little under the estimate.
        const double ratio = std::sqrt(static_cast<double>(kMaxGlyphPixels) / area);
        bake = std::min(bake - 1, static_cast<int>(bake * ratio * 0.98));
    }
    return static_cast<float>(std::max(bake, 8));
}

ImFont* add_font(ImFontAtlas& atlas, const std::vector<std::uint8_t>& ttf, float px,
                 const ImVector<ImWchar>& ranges) {
    ImFontConfig cfg;
    // ImGui 1.86 copies bytes it does not own (AddFont); build_fonts frees the copies once built.
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

int largest_glyph_pixels(const std::vector<std::uint8_t>& ttf, float px, TextRole role) {
    return measure_largest_glyph(ttf, static_cast<int>(px), role_ranges(role));
}

FontSet build_fonts(ImFontAtlas& atlas, const FontFiles& files, const TypeScale& scale) {
    if (files.regular.empty() || files.bold.empty()) {
        throw std::runtime_error("fonts: regular and bold TTF data are required");
    }
    std::array<ImVector<ImWchar>, kTextRoleCount> ranges;
    FontSet set;
    set.scale = scale;
    for (std::size_t i = 0; i < kTextRoleCount; ++i) {
        const auto role = static_cast<TextRole>(i);
        ranges[i] = role_ranges(role);
        set.baked.px[i] = bounded_bake_px(files, scale.px[i], role);
    }
    // A huge wall's atlas can outgrow a texture even with every glyph bounded; bake all roles
    // smaller, in proportion, until it fits. Four tries cover any size the scale produces.
    for (int attempt = 0;; ++attempt) {
        atlas.Clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        atlas.FontBuilderFlags = 0;
        // The texture is as tall as the glyphs need: a power-of-two height would double a 4K
        // atlas (2048x2882 -> 2048x4096) for nothing, since SDL's renderers take any size.
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        for (std::size_t i = 0; i < kTextRoleCount; ++i) {
            set.regular[i] = kRegularRoles[i]
                                 ? add_font(atlas, files.regular, set.baked.px[i], ranges[i])
                                 : nullptr;
            set.bold[i] = add_font(atlas, files.bold, set.baked.px[i], ranges[i]);
        }
        if (!atlas.Build()) throw std::runtime_error("fonts: atlas build failed");
        const double pixels = static_cast<double>(atlas.TexWidth) * atlas.TexHeight;
        if (pixels <= kMaxAtlasPixels || attempt == 4) break;
        const float shrink = static_cast<float>(std::sqrt(kMaxAtlasPixels / pixels) * 0.95);
        for (float& px : set.baked.px) px = std::max(8.0f, std::floor(px * shrink));
    }
    // The atlas is never rebuilt: a new type scale makes a new session. The TTF copies AddFont
    // made (0.7 MB per role and weight, ~5 MB in all) are only needed to build.
    atlas.ClearInputData();
    return set;
}

}  // namespace tsur::display
