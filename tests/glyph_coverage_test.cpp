// Every glyph renders: each label and formatter word of both languages has a glyph in every font
// role the wall bakes (so an alarm never reads "?ет связи"), and a drawn frame counts the
// characters that would fall back to '?'.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <string>
#include <tuple>
#include <vector>

#include "display/fonts.hpp"
#include "display/strings.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"
#include "display/widget_format.hpp"
#include "model/snapshot.hpp"
#include "demo/demo_simulator.hpp"
#include "formats/feed_parser.hpp"
#include "support/headless_wall.hpp"
#include "support/test_fonts.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

constexpr const char* kRoleNames[kTextRoleCount] = {"small", "body", "heading", "number", "huge"};

/// Characters of `text` that `font` would draw as its fallback glyph.
std::u32string missing_in(const ImFont* font, const std::string& text) {
    std::u32string missing;
    const char* p = text.c_str();
    const char* const end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            missing += static_cast<char32_t>(c);
    }
    return missing;
}

std::string codes(const std::u32string& s) {
    std::string out;
    char buf[12];
    for (const char32_t c : s) {
        std::snprintf(buf, sizeof buf, " U+%04X", static_cast<unsigned>(c));
        out += buf;
    }
    return out;
}

TEST(GlyphCoverage, EveryTextOfBothLanguagesHasAGlyphInEveryTextRole) {
    const FontFiles files = test::dejavu_fonts();
    // 1080 and 2160 lines: the sizes differ, the ranges must not.
    for (const float height : {1080.0f, 2160.0f}) {
        ImFontAtlas atlas;
        const FontSet fonts = build_fonts(atlas, files, TypeScale::for_height(height));
        std::size_t checked = 0;
        for (const Language lang : {Language::ru, Language::en}) {
            for (const std::string& text : all_texts(strings_for(lang))) {
                // The huge role is for the clock and counts (HugeRoleDrawsTheClockAndCounts).
                for (std::size_t r = 0; r < kTextRoleCount; ++r) {
                    if (static_cast<TextRole>(r) == TextRole::huge) continue;
                    for (const bool bold : {false, true}) {
                        const auto missing =
                            missing_in(fonts.font(static_cast<TextRole>(r), bold), text);
                        EXPECT_TRUE(missing.empty())
                            << "\"" << text << "\" in role " << kRoleNames[r]
                            << (bold ? " bold" : "") << " at " << height << " lines lacks"
                            << codes(missing);
                        ++checked;
                    }
                }
            }
        }
        EXPECT_GT(checked, 1000u);
    }
}

TEST(GlyphCoverage, AlarmTextsHaveTheirCapitalsInTheBigRoles) {
    // The regression the room saw: "?анные устарели", "?ет связи с сервером".
    ImFontAtlas atlas;
    const FontSet fonts = build_fonts(atlas, test::dejavu_fonts(), TypeScale::for_height(2160));
    const Strings& ru = strings_for(Language::ru);
    for (const std::string_view text : {ru.stale_prefix, ru.offline}) {
        EXPECT_TRUE(missing_in(fonts.font(TextRole::number, true), std::string(text)).empty())
            << text;
    }
}

TEST(GlyphCoverage, HugeRoleDrawsTheClockAndCounts) {
    ImFontAtlas atlas;
    const FontSet fonts = build_fonts(atlas, test::dejavu_fonts(), TypeScale::for_height(2160));
    const ImFont* huge = fonts.font(TextRole::huge, true);
    std::vector<std::string> texts = {"23:59", "00:00", "<5", format_count(1234567)};
    for (const Language lang : {Language::ru, Language::en}) {
        for (const long long n : {999LL, 1250LL, 45000LL, 2500000LL, 999500000LL, -1200LL}) {
            texts.push_back(format_compact(n, lang));
        }
    }
    for (const std::string& text : texts) {
        EXPECT_TRUE(missing_in(huge, text).empty())
            << text << " lacks" << codes(missing_in(huge, text));
    }
    // Control: the huge role holds no letters, which is what keeps the atlas small.
    EXPECT_FALSE(missing_in(huge, "Ижевск").empty());
}

TEST(GlyphCoverage, TallyCountsCharactersTheRoleLacks) {
    ImFontAtlas atlas;
    const FontSet fonts = build_fonts(atlas, test::dejavu_fonts(), TypeScale::for_height(1080));
    GlyphTally glyphs;
    FrameContext ctx;
    ctx.fonts = &fonts;
    ctx.glyphs = &glyphs;
    tally_glyphs(ctx, fonts.font(TextRole::body), "Нет связи");
    EXPECT_EQ(glyphs.missing, 0u);
    // Ukrainian "ї" and a CJK character are in no role; data text can hold them.
    tally_glyphs(ctx, fonts.font(TextRole::body), "Київ 中");
    EXPECT_EQ(glyphs.missing, 2u);
    EXPECT_EQ(glyphs.first, U'ї');
}

TEST(GlyphCoverage, FramesOfTheDemoAndItsAlarmsDrawNoFallbackGlyph) {
    test::HeadlessWall wall(1920, 1080);
    const auto now = test::at("2026-11-23T07:15:00Z");
    net::SimulatorOptions options;
    options.scale = 0.2;
    const net::DemoSimulator simulator(wall.region(), options);
    auto doc = net::parse_feed_v1(simulator.generate_json(now), *wall.region());
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto snap = model::build_snapshot(doc.take(), wall.region(), wall.rules());
    ASSERT_TRUE(snap);

    WallStatus live;
    live.has_data = true;
    WallStatus stale = live;
    stale.mode = WallStatus::Mode::stale;
    stale.data_age = std::chrono::hours{2};  // the full-screen banner, in the number role
    WallStatus offline;
    offline.mode = WallStatus::Mode::offline;  // no data: the full-screen "no connection"
    offline.layout_invalid = true;
    for (const auto& [name, status, data] :
         {std::tuple{"live", live, snap.get()}, std::tuple{"stale", stale, snap.get()},
          std::tuple{"offline", offline, static_cast<const model::Snapshot*>(nullptr)}}) {
        GlyphTally glyphs;
        wall.render(data, status, now, &glyphs);
        EXPECT_EQ(glyphs.missing, 0u)
            << name << ": first missing U+" << std::hex << static_cast<unsigned>(glyphs.first);
    }
}

}  // namespace
}  // namespace tsur::display
