// Region assets loader: the shipped RU-UD files, and errors that name file, line and column.
#include "model/region_loader.hpp"

#include <gtest/gtest.h>

#include "support/paths.hpp"
#include "support/region_fixture.hpp"

namespace tsur {
namespace {

constexpr std::string_view kHeader =
    "id,name_ru,name_en,kind,center_ru,lat,lon,population,source\n";
constexpr std::string_view kRegionJson =
    R"({"code":"RU-UD","name":"Удмуртская Республика","time_zone":"Europe/Samara",
        "utc_offset":"+04:00","capital":"izhevsk"})";

std::string csv(std::string_view rows) { return std::string(kHeader) + std::string(rows); }

TEST(RegionLoader, LoadsShippedUdmurtiaAssets) {
    const model::Region r = test::udmurtia_region();
    EXPECT_EQ(r.code, "RU-UD");
    EXPECT_EQ(r.name_ru, "Удмуртская Республика");
    EXPECT_EQ(r.time_zone, "Europe/Samara");
    EXPECT_EQ(r.utc_offset, model::Seconds{4 * 3600});
    ASSERT_EQ(r.municipalities.size(), 30u);
    const auto& capital = r.municipalities[r.capital];
    EXPECT_EQ(capital.id, "izhevsk");
    EXPECT_EQ(capital.name_ru, "Ижевск");
    EXPECT_TRUE(capital.urban);
    EXPECT_DOUBLE_EQ(capital.centre.lat, 56.84976);
    EXPECT_DOUBLE_EQ(capital.centre.lon, 53.20448);
    EXPECT_EQ(capital.centre_population, 631038);
    EXPECT_FALSE(capital.population.has_value());
    const auto yar = r.find("yarsky");
    ASSERT_TRUE(yar.has_value());
    EXPECT_FALSE(r.municipalities[*yar].urban);
    EXPECT_EQ(r.municipalities[*yar].name_en, "Yarsky District");
}

TEST(RegionLoader, ReadsQuotedFieldsCrlfAndByteOrderMark) {
    const std::string text =
        "\xEF\xBB\xBF" + csv("izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,631038,"
                             "\"GeoNames, \"\"cities\"\"\"\r\n"
                             "\r\n"
                             "yarsky,\"Ярский район\",Yarsky "
                             "District,municipal_okrug,Яр,58.2458,52.1054,7122,x\r\n");
    const auto r = model::parse_region_csv(text, "m.csv");
    ASSERT_TRUE(r.ok()) << r.error();
    ASSERT_EQ(r.value().municipalities.size(), 2u);
    EXPECT_EQ(r.value().municipalities[1].name_ru, "Ярский район");
    EXPECT_EQ(r.value().municipalities[1].centre_population, 7122);
}

TEST(RegionLoader, ErrorNamesFileLineAndColumnOfBadLatitude) {
    const auto r = model::parse_region_csv(
        csv("izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,631038,x\n"
            "yarsky,Ярский район,Yarsky,municipal_okrug,Яр,north,52.1,7122,x\n"),
        "municipalities.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("municipalities.csv:3:"), std::string::npos) << r.error();
    EXPECT_NE(r.error().find("'lat'"), std::string::npos) << r.error();
}

TEST(RegionLoader, RejectsMalformedRows) {
    const struct {
        std::string_view rows;
        std::string_view expected;
    } cases[] = {
        {"izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2\n", "fields"},
        {"izhevsk,Ижевск,Izhevsk,city,Ижевск,56.85,53.2,1,x\n", "'kind'"},
        {"Izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,1,x\n", "'id'"},
        {"izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,190,1,x\n", "'lon'"},
        {"izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,-5,x\n", "'population'"},
        {"izhevsk,\"Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,1,x\n", "quotes"},
        {"a,A,A,urban_okrug,A,1,1,1,x\na,B,B,urban_okrug,B,2,2,2,x\n", "duplicate id"},
        {"", "no municipalities"},
    };
    for (const auto& c : cases) {
        const auto r = model::parse_region_csv(csv(c.rows), "m.csv");
        ASSERT_FALSE(r.ok()) << c.rows;
        EXPECT_NE(r.error().find(c.expected), std::string::npos) << r.error();
        EXPECT_EQ(r.error().rfind("m.csv", 0), 0u) << r.error();
    }
}

TEST(RegionLoader, RejectsHeaderWithoutRequiredColumn) {
    const auto r = model::parse_region_csv("id,name_ru,lat,lon\nizhevsk,Ижевск,56,53\n", "m.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("m.csv:1:"), std::string::npos) << r.error();
    EXPECT_NE(r.error().find("'name_en'"), std::string::npos) << r.error();
}

TEST(RegionLoader, RegionJsonErrorsNameTheField) {
    const std::string rows = csv("izhevsk,Ижевск,Izhevsk,urban_okrug,Ижевск,56.85,53.2,1,x\n");
    ASSERT_TRUE(model::parse_region(kRegionJson, rows, "region.json", "m.csv").ok());
    const struct {
        std::string_view from, to, field;
    } cases[] = {
        {"\"capital\":\"izhevsk\"", "\"capital\":\"glazov\"", "'capital'"},
        {"\"+04:00\"", "\"4h\"", "'utc_offset'"},
        {"\"code\":\"RU-UD\"", "\"code\":7", "'code'"},
        {"\"time_zone\":\"Europe/Samara\"", "\"time_zone\":\"\"", "'time_zone'"},
    };
    for (const auto& c : cases) {
        std::string json(kRegionJson);
        json.replace(json.find(c.from), c.from.size(), c.to);
        const auto r = model::parse_region(json, rows, "region.json", "m.csv");
        ASSERT_FALSE(r.ok()) << json;
        EXPECT_NE(r.error().find("region.json"), std::string::npos) << r.error();
        EXPECT_NE(r.error().find(c.field), std::string::npos) << r.error();
    }
    EXPECT_FALSE(model::parse_region("{not json", rows, "region.json", "m.csv").ok());
}

}  // namespace
}  // namespace tsur
