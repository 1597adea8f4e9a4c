// Every shipped region pack: it loads as the wall loads it, its capital is one of its places,
// and the built-in map fits the whole region (Chukotka across 180°, Kaliningrad, Sakha, the
// federal cities, Arkhangelsk's islands) into the map box of a 1920x1080 overview.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/check_region_command.hpp"
#include "app/wall_assets.hpp"
#include "display/map/map_layout.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace tsur {
namespace {

app::WallAssets load(const std::string& code) {
    auto loaded = app::load_wall_assets(test::source_dir(), code);
    if (!loaded) throw std::runtime_error(loaded.error());
    return loaded.take();
}

bool inside(const display::Rect& r, ImVec2 p) {
    constexpr float kSlack = 0.5f;  // float rounding at the fitted edges
    return p.x >= r.x - kSlack && p.x <= r.right() + kSlack && p.y >= r.y - kSlack &&
           p.y <= r.bottom() + kSlack;
}

TEST(RegionPacks, EveryFederalSubjectShips) {
    const auto codes = test::shipped_region_codes();
    // 83 subjects in the sources with places (the two disputed Crimean features have none).
    EXPECT_EQ(codes.size(), 83u);
    for (const char* code : {"RU-UD", "RU-CHU", "RU-KGD", "RU-SA", "RU-MOW", "RU-SPE", "RU-ARK",
                             "RU-KHA", "RU-TA", "RU-KAM"}) {
        EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
    }
}

TEST(RegionPacks, EveryPackLoadsAndFitsTheOverviewMap) {
    const display::Rect content{0, 0, 1100, 900};  // the overview's map cell at 1920x1080
    for (const std::string& code : test::shipped_region_codes()) {
        SCOPED_TRACE(code);
        const app::WallAssets wa = load(code);
        const model::Region& region = *wa.assets.region;
        const model::RegionGeometry& geo = *wa.assets.geometry;
        EXPECT_EQ(region.code, code);
        EXPECT_FALSE(region.municipalities.empty());
        EXPECT_GE(region.utc_offset.count(), 2 * 3600);
        EXPECT_LE(region.utc_offset.count(), 12 * 3600);
        EXPECT_LT(geo.max_lon - geo.min_lon, 180.0) << "one contiguous picture";

        const auto capital = region.municipalities[region.capital].centre;
        const auto layout =
            display::layout_map(content, geo, {{150, 200}, {600, 40}}, 12.0f, true, capital);
        float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
        std::size_t outside = 0;
        for (const auto& f : geo.outline) {
            for (const auto& poly : f.polygons) {
                for (const auto& q : poly.points) {
                    const ImVec2 s = layout.projection.forward(q);
                    if (!inside(layout.map, s)) ++outside;
                    x0 = std::min(x0, s.x), x1 = std::max(x1, s.x);
                    y0 = std::min(y0, s.y), y1 = std::max(y1, s.y);
                }
            }
        }
        EXPECT_EQ(outside, 0u) << "outline vertices outside the map box";
        // Fitted: the region spans the map box along at least one axis.
        const bool fills = (x1 - x0) >= 0.85f * layout.map.w || (y1 - y0) >= 0.85f * layout.map.h;
        EXPECT_TRUE(fills) << (x1 - x0) << "x" << (y1 - y0) << " in " << layout.map.w << "x"
                           << layout.map.h;
        for (const auto& m : region.municipalities) {
            EXPECT_TRUE(inside(layout.map, layout.projection.forward(m.centre))) << m.id;
        }
    }
}

TEST(RegionPacks, ChukotkaIsOnePictureAcrossTheAntimeridian) {
    const app::WallAssets wa = load("RU-CHU");
    const auto& geo = *wa.assets.geometry;
    EXPECT_GT(geo.max_lon, 180.0);
    EXPECT_LT(geo.max_lon - geo.min_lon, 40.0);
    const auto& region = *wa.assets.region;
    // Провидения (173° W) sits east of Анадырь (177° E) on the map.
    const auto providence = region.find("provideniya");
    const auto anadyr = region.find("anadyr");
    ASSERT_TRUE(providence && anadyr);
    const auto layout = display::layout_map({0, 0, 1100, 900}, geo, {{150, 200}, {600, 40}}, 12.0f,
                                            true, region.municipalities[*anadyr].centre);
    const float px = layout.projection.forward(region.municipalities[*providence].centre).x;
    const float ax = layout.projection.forward(region.municipalities[*anadyr].centre).x;
    EXPECT_GT(px, ax);
    // A feed's point keeps GeoJSON longitudes: -173.2 projects where 186.8 does.
    EXPECT_NEAR(layout.projection.forward({64.4, -173.2}).x,
                layout.projection.forward({64.4, 186.8}).x, 1e-3);
}

TEST(RegionPacks, CheckRegionSaysWhatAPackHoldsAndLacks) {
    const auto kha = app::check_region_pack(test::source_dir(), "RU-KHA");
    EXPECT_TRUE(kha.loads);
    const auto has = [](const std::vector<std::string>& lines, std::string_view text) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(has(kha.holds, "capital: Хабаровск"));
    EXPECT_TRUE(has(kha.holds, "Asia/Vladivostok, UTC+10"));
    EXPECT_TRUE(has(kha.missing, "population totals"));
    EXPECT_TRUE(has(kha.missing, "towns, not municipal okrugs"));

    const auto ud = app::check_region_pack(test::source_dir(), "RU-UD");
    EXPECT_TRUE(ud.loads);
    EXPECT_TRUE(has(ud.holds, "capital: Ижевск"));
    EXPECT_TRUE(has(ud.holds, "municipal population totals: 25 of 30"));
    EXPECT_FALSE(has(ud.missing, "towns, not municipal okrugs"));

    const auto mow = app::check_region_pack(test::source_dir(), "RU-MOW");
    EXPECT_TRUE(has(mow.missing, "only the city itself"));

    const auto none = app::check_region_pack(test::source_dir(), "RU-XX");
    EXPECT_FALSE(none.loads);
    EXPECT_TRUE(has(none.missing, "no such pack"));
}

TEST(RegionPacks, ACentresOwnMunicipalityListWinsOverTheShippedTowns) {
    test::TempDir dir;
    const auto csv = dir.path / "municipalities.csv";
    std::ofstream(csv) << "id,name_ru,name_en,kind,center_ru,lat,lon,population\n"
                          "komsomolsk,Комсомольск-на-Амуре,Komsomolsk,urban_okrug,"
                          "Комсомольск-на-Амуре,50.55,137.0,250000\n"
                          "khab-go,город Хабаровск,Khabarovsk,urban_okrug,Хабаровск,48.48,135.08,"
                          "610000\n";
    auto loaded = app::load_wall_assets(
        test::source_dir(), "RU-KHA", app::CentreFiles{.calendar_dir = {}, .municipalities = csv});
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const model::Region& region = *loaded.value().assets.region;
    EXPECT_EQ(region.code, "RU-KHA");
    EXPECT_EQ(region.utc_offset, std::chrono::hours(10));
    ASSERT_EQ(region.municipalities.size(), 2u);
    // The pack's capital id is not in the list: the place nearest Хабаровск becomes the capital.
    EXPECT_EQ(region.municipalities[region.capital].id, "khab-go");
    EXPECT_FALSE(region.find("khabarovsk"));
}

}  // namespace
}  // namespace tsur
