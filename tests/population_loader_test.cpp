// Municipal population totals: parsing, validation, and the shipped Udmurtia table.
#include "model/population_loader.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "model/region_loader.hpp"
#include "support/paths.hpp"

namespace tsur {
namespace {

model::Region udmurtia() {
    const auto json = test::read_file(test::asset_path("regions/RU-UD/region.json"));
    const auto csv = test::read_file(test::asset_path("regions/RU-UD/municipalities.csv"));
    auto region = model::parse_region(json, csv, "region.json", "municipalities.csv");
    EXPECT_TRUE(region) << region.error();
    return region.take();
}

TEST(PopulationLoader, SetsTotalsAndDatesAndListsTheMissing) {
    model::Region r = udmurtia();
    const auto report = model::apply_population_csv(
        "id,population,reference_date,source\n"
        "izhevsk,623472,2021-10-01,census\n"
        "sarapul,91115,2021-10-01,\"census, table 5\"\n",
        "population.csv", r);
    ASSERT_TRUE(report) << report.error();
    EXPECT_EQ(report.value().applied, 2u);
    EXPECT_EQ(report.value().missing_ids.size(), r.municipalities.size() - 2);
    const auto izh = *r.find("izhevsk");
    EXPECT_EQ(r.municipalities[izh].population, 623472);
    EXPECT_EQ(r.municipalities[izh].population_date, "2021-10-01");
    EXPECT_FALSE(r.municipalities[*r.find("yarsky")].population.has_value());
}

TEST(PopulationLoader, RejectsAFigureWithoutSourceAndChangesNothing) {
    model::Region r = udmurtia();
    const auto report = model::apply_population_csv(
        "id,population,reference_date,source\n"
        "izhevsk,623472,2021-10-01,census\n"
        "sarapul,91115,2021-10-01,\n",
        "population.csv", r);
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().find("population.csv:3"), std::string::npos);
    EXPECT_NE(report.error().find("source"), std::string::npos);
    EXPECT_FALSE(r.municipalities[*r.find("izhevsk")].population.has_value())
        << "a bad table must not leave half its figures in";
}

TEST(PopulationLoader, RejectsNonPositivePopulationAndBadDate) {
    model::Region r = udmurtia();
    auto zero = model::apply_population_csv(
        "id,population,reference_date,source\nizhevsk,0,2021-10-01,x\n", "p.csv", r);
    ASSERT_FALSE(zero);
    EXPECT_NE(zero.error().find("'population'"), std::string::npos);
    auto date = model::apply_population_csv(
        "id,population,reference_date,source\nizhevsk,5,01.10.2021,x\n", "p.csv", r);
    ASSERT_FALSE(date);
    EXPECT_NE(date.error().find("reference_date"), std::string::npos);
    auto header = model::apply_population_csv("id,population\nizhevsk,5\n", "p.csv", r);
    ASSERT_FALSE(header);
    EXPECT_NE(header.error().find("p.csv:1"), std::string::npos);
}

TEST(PopulationLoader, SkipsUnknownIdsButReportsThem) {
    model::Region r = udmurtia();
    const auto report = model::apply_population_csv(
        "id,population,reference_date,source\natlantis,5,2021-10-01,x\nizhevsk,7,2021-10-01,x\n",
        "p.csv", r);
    ASSERT_TRUE(report);
    ASSERT_EQ(report.value().unknown_ids.size(), 1u);
    EXPECT_EQ(report.value().unknown_ids[0], "atlantis");
    EXPECT_EQ(report.value().applied, 1u);
}

TEST(PopulationLoader, ShippedUdmurtiaTableIsPlausible) {
    model::Region r = udmurtia();
    const auto text = test::read_file(test::asset_path("regions/RU-UD/population.csv"));
    const auto report = model::apply_population_csv(text, "population.csv", r);
    ASSERT_TRUE(report) << report.error();
    EXPECT_TRUE(report.value().unknown_ids.empty());
    EXPECT_GE(report.value().applied, 20u) << "most municipalities have a figure";
    std::int64_t sum = 0;
    for (const auto& m : r.municipalities) {
        if (!m.population) continue;
        sum += *m.population;
        // An urban okrug is its town: within a fifth of GeoNames' (older) figure for the town.
        // A district's centre may be a town outside it (Glazovsky, Votkinsky), so no such check.
        if (m.urban) {
            EXPECT_GT(*m.population, m.centre_population * 80 / 100) << m.id;
            EXPECT_LT(*m.population, m.centre_population * 120 / 100) << m.id;
        }
        EXPECT_GT(*m.population, 5'000) << m.id;
        EXPECT_LT(*m.population, 1'000'000) << m.id;
    }
    // The 2021 census counted 1,452,914 in the whole republic; the rows present cannot exceed it
    // by more than the drift between 2020 estimates and the census.
    EXPECT_LT(sum, 1'452'914 * 103 / 100);
    EXPECT_GT(sum, 1'452'914 * 80 / 100);
}

}  // namespace
}  // namespace tsur
