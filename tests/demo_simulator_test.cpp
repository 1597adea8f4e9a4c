// The demo simulator: deterministic, realistic volumes and places, consistent statuses and history.
#include "demo/demo_simulator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "model/geojson_loader.hpp"
#include "model/region_loader.hpp"
#include "formats/feed_parser.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::net {
namespace {

using namespace std::chrono_literals;
using model::TimePoint;

std::shared_ptr<const model::Region> udmurtia() {
    const auto json = test::read_file(test::asset_path("regions/RU-UD/region.json"));
    const auto csv = test::read_file(test::asset_path("regions/RU-UD/municipalities.csv"));
    auto region = model::parse_region(json, csv, "region.json", "municipalities.csv");
    if (!region) throw std::runtime_error(region.error());
    return std::make_shared<const model::Region>(region.take());
}

std::vector<model::GeoPolygon> udmurtia_boundary() {
    const auto text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
    auto geometry = model::parse_region_geometry(text, "outline.geojson");
    if (!geometry) throw std::runtime_error(geometry.error());
    return outer_rings(geometry.value());
}

using test::at;

// A Monday morning in November, local time 14:15.
const TimePoint kNow = at("2026-11-23T10:15:00Z");

double km_between(model::GeoPoint a, model::GeoPoint b) {
    const double kx = 111.32 * std::cos((a.lat + b.lat) * 0.5 * M_PI / 180.0);
    return std::hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 111.32);
}

bool inside(const std::vector<model::GeoPolygon>& rings, model::GeoPoint p) {
    for (const auto& polygon : rings) {
        const auto& ring = polygon.points;
        int crossings = 0;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const auto& a = ring[i];
            const auto& b = ring[(i + 1) % ring.size()];
            if ((a.lat > p.lat) == (b.lat > p.lat)) continue;
            const double lon = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if (lon > p.lon) ++crossings;
        }
        if (crossings % 2 == 1) return true;
    }
    return false;
}

/// One simulation shared by the tests that only read it (generation is the slow part).
class DemoSimulatorFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        region_ = udmurtia();
        SimulatorOptions options;
        options.seed = 42;
        options.boundary = udmurtia_boundary();
        simulator_ = std::make_unique<DemoSimulator>(region_, options);
        doc_ = std::make_unique<model::FeedDocument>(simulator_->generate(kNow));
    }
    static void TearDownTestSuite() {
        doc_.reset();
        simulator_.reset();
        region_.reset();
    }

    static std::uint32_t history_at(model::MunicipalityIndex muni, model::Sector sector,
                                    std::chrono::sys_days day) {
        for (const auto& c : doc_->history) {
            if (c.municipality == muni && c.sector == sector && c.day == day) return c.count;
        }
        ADD_FAILURE() << "no history cell";
        return 0;
    }
    static std::chrono::sys_days today() {
        return std::chrono::floor<std::chrono::days>(kNow + region_->utc_offset);
    }

    static inline std::shared_ptr<const model::Region> region_;
    static inline std::unique_ptr<DemoSimulator> simulator_;
    static inline std::unique_ptr<model::FeedDocument> doc_;
};

TEST(DemoSimulator, SameSeedAndInstantGiveIdenticalJson) {
    const auto region = udmurtia();
    SimulatorOptions options;
    options.seed = 7;
    const DemoSimulator a(region, options);
    const DemoSimulator b(region, options);
    EXPECT_EQ(a.generate_json(kNow), b.generate_json(kNow));
    options.seed = 8;
    const DemoSimulator c(region, options);
    EXPECT_NE(a.generate_json(kNow), c.generate_json(kNow));
}

TEST(DemoSimulator, LaterInstantKeepsEveryIncidentAsItWas) {
    const auto region = udmurtia();
    const DemoSimulator sim(region, SimulatorOptions{});
    const auto before = sim.generate(kNow);
    const auto after = sim.generate(kNow + 1h);
    std::map<std::string, const model::Incident*> later;
    for (const auto& inc : after.incidents) later[inc.id] = &inc;
    std::size_t still_there = 0;
    for (const auto& inc : before.incidents) {
        const auto it = later.find(inc.id);
        if (it == later.end()) continue;
        ++still_there;
        EXPECT_EQ(it->second->title, inc.title);
        EXPECT_EQ(it->second->created_at, inc.created_at);
        EXPECT_EQ(it->second->municipality, inc.municipality);
        EXPECT_EQ(it->second->location, inc.location);
        if (!model::is_open(inc.status)) {
            EXPECT_EQ(it->second->status, inc.status);
        }
    }
    EXPECT_GT(still_there, before.incidents.size() * 9 / 10);
    EXPECT_GT(after.incidents.size() + 200, before.incidents.size());
}

TEST_F(DemoSimulatorFixture, AboutAThousandNewIncidentsADay) {
    const auto week_ago = kNow - std::chrono::days{7};
    const auto created_last_week =
        std::count_if(doc_->incidents.begin(), doc_->incidents.end(),
                      [&](const auto& inc) { return inc.created_at >= week_ago; });
    const double per_day = static_cast<double>(created_last_week) / 7.0;
    EXPECT_GT(per_day, 750.0);
    EXPECT_LT(per_day, 1250.0);
    // About 7-8k incidents: the open ones plus the week's closed ones.
    EXPECT_GT(doc_->incidents.size(), 6000u);
    EXPECT_LT(doc_->incidents.size(), 11000u);
}

TEST_F(DemoSimulatorFixture, IzhevskHasTheMostIncidents) {
    std::map<model::MunicipalityIndex, int> by_muni;
    for (const auto& inc : doc_->incidents) ++by_muni[inc.municipality];
    const auto izhevsk = *region_->find("izhevsk");
    const auto top =
        std::max_element(by_muni.begin(), by_muni.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    EXPECT_EQ(top->first, izhevsk);
    const double share = by_muni[izhevsk] / static_cast<double>(doc_->incidents.size());
    EXPECT_GT(share, 0.30);
    EXPECT_LT(share, 0.60);
    EXPECT_EQ(by_muni.size(), region_->municipalities.size()) << "every municipality gets some";
}

TEST_F(DemoSimulatorFixture, EveryPointLiesNearItsCentreAndInsideTheRegion) {
    const auto boundary = udmurtia_boundary();
    for (const auto& inc : doc_->incidents) {
        ASSERT_TRUE(inc.location.has_value()) << inc.id;
        const auto& centre = region_->municipalities[inc.municipality].centre;
        EXPECT_LT(km_between(*inc.location, centre), 20.0) << inc.id;
        EXPECT_TRUE(inside(boundary, *inc.location))
            << inc.id << " at " << inc.location->lat << "," << inc.location->lon;
    }
}

TEST_F(DemoSimulatorFixture, StatusesAreConsistentWithTheirTimes) {
    std::array<int, model::kStatusCount> by_status{};
    for (const auto& inc : doc_->incidents) {
        ++by_status[model::index_of(inc.status)];
        EXPECT_LE(inc.created_at, kNow) << inc.id;
        if (model::is_open(inc.status)) {
            EXPECT_FALSE(inc.answered_at.has_value()) << inc.id;
        } else {
            ASSERT_TRUE(inc.answered_at.has_value()) << inc.id;
            EXPECT_GE(*inc.answered_at, inc.created_at) << inc.id;
            EXPECT_LE(*inc.answered_at, kNow) << inc.id;
            EXPECT_GE(*inc.answered_at, kNow - std::chrono::days{7}) << inc.id;
        }
        if (inc.feed_due_at) {
            EXPECT_GT(*inc.feed_due_at, inc.created_at) << inc.id;
        }
    }
    for (std::size_t s = 0; s < model::kStatusCount; ++s) {
        EXPECT_GT(by_status[s], 0) << model::kStatusIds[s];
    }
}

TEST_F(DemoSimulatorFixture, MostAnswersAreOnTimeSomeLateSomeOverdue) {
    int on_time = 0, late = 0, overdue_open = 0, no_due_social = 0, due_social = 0;
    for (const auto& inc : doc_->incidents) {
        if (model::is_social(inc.channel)) ++(inc.feed_due_at ? due_social : no_due_social);
        if (!inc.feed_due_at) continue;
        if (inc.answered_at) ++(*inc.answered_at <= *inc.feed_due_at ? on_time : late);
        if (!inc.answered_at && *inc.feed_due_at < kNow) ++overdue_open;
    }
    EXPECT_GT(on_time, 4 * late);
    EXPECT_GT(late, 0);
    EXPECT_GT(overdue_open, 0);
    EXPECT_GT(due_social, 0) << "social posts with an explicit due time";
    EXPECT_GT(no_due_social, 0) << "social posts left to the wall's SLA rules";
}

TEST_F(DemoSimulatorFixture, HistoryCoversSixtyDaysAndTodayMatchesIncidents) {
    std::set<std::chrono::sys_days> days;
    for (const auto& c : doc_->history) days.insert(c.day);
    ASSERT_EQ(days.size(), 60u);
    EXPECT_EQ(*days.rbegin(), today());
    EXPECT_EQ(doc_->history.size(), 60u * region_->municipalities.size() * model::kSectorCount);

    std::map<std::pair<int, int>, std::uint32_t> created_today;
    for (const auto& inc : doc_->incidents) {
        if (std::chrono::floor<std::chrono::days>(inc.created_at + region_->utc_offset) ==
            today()) {
            ++created_today[{inc.municipality, static_cast<int>(inc.sector)}];
        }
    }
    for (std::size_t m = 0; m < region_->municipalities.size(); ++m) {
        for (std::size_t s = 0; s < model::kSectorCount; ++s) {
            const auto muni = static_cast<model::MunicipalityIndex>(m);
            EXPECT_EQ(history_at(muni, static_cast<model::Sector>(s), today()),
                      (created_today[{static_cast<int>(m), static_cast<int>(s)}]))
                << region_->municipalities[m].id << " " << model::kSectorIds[s];
        }
    }
}

TEST_F(DemoSimulatorFixture, HistoryHasFewerIncidentsAtWeekends) {
    std::array<double, 7> by_weekday{};
    std::array<int, 7> days_seen{};
    std::map<std::chrono::sys_days, double> per_day;
    for (const auto& c : doc_->history) per_day[c.day] += c.count;
    per_day.erase(today());  // today is not over yet
    for (const auto& [day, count] : per_day) {
        const auto wd = (std::chrono::weekday{day}.c_encoding() + 6) % 7;
        by_weekday[wd] += count;
        ++days_seen[wd];
    }
    const double weekday_mean =
        (by_weekday[0] + by_weekday[1] + by_weekday[2] + by_weekday[3] + by_weekday[4]) /
        (days_seen[0] + days_seen[1] + days_seen[2] + days_seen[3] + days_seen[4]);
    const double weekend_mean = (by_weekday[5] + by_weekday[6]) / (days_seen[5] + days_seen[6]);
    EXPECT_LT(weekend_mean, 0.85 * weekday_mean);
}

TEST_F(DemoSimulatorFixture, NightsAreQuieterThanDays) {
    int night = 0, day = 0;
    for (const auto& inc : doc_->incidents) {
        const auto hour = model::to_local(inc.created_at, region_->utc_offset).hour;
        if (hour >= 1 && hour < 5) ++night;
        if (hour >= 10 && hour < 14) ++day;
    }
    EXPECT_GT(day, 4 * night);
}

TEST_F(DemoSimulatorFixture, PlantedSpikesStandOutOfTheirBaseline) {
    const auto check = [&](const char* muni_id, model::Sector sector, int spike_days) {
        const auto muni = *region_->find(muni_id);
        // Against the same weekday, so the weekly rhythm cannot hide or fake a spike.
        std::vector<double> baseline;
        for (int d = 8; d < 60; d += 7) {
            if (d < spike_days) continue;
            baseline.push_back(history_at(muni, sector, today() - std::chrono::days{d}));
        }
        std::sort(baseline.begin(), baseline.end());
        const double median = baseline[baseline.size() / 2];
        // Yesterday is a whole day of the spike; today is only partly over.
        const double yesterday = history_at(muni, sector, today() - std::chrono::days{1});
        EXPECT_GT(yesterday, 2.5 * std::max(median, 1.0)) << muni_id << " median " << median;
    };
    check("glazov", model::Sector::transport, 2);
    check("izhevsk", model::Sector::social, 3);
}

TEST_F(DemoSimulatorFixture, LocalPatternsShowInTheSectorMix) {
    const auto share = [&](const char* muni_id, model::Sector sector, std::string_view category) {
        const auto muni = *region_->find(muni_id);
        int all = 0, hit = 0;
        for (const auto& inc : doc_->incidents) {
            if (inc.municipality != muni) continue;
            ++all;
            hit += inc.sector == sector && (category.empty() || inc.category == category);
        }
        return hit / static_cast<double>(std::max(all, 1));
    };
    EXPECT_GT(share("mozhga", model::Sector::housing, "water_quality"),
              3 * share("izhevsk", model::Sector::housing, "water_quality"));
    EXPECT_GT(share("sarapul", model::Sector::waste, ""),
              1.8 * share("izhevsk", model::Sector::waste, ""));
}

TEST_F(DemoSimulatorFixture, RiskCalendarHasUpcomingEntries) {
    EXPECT_GE(doc_->risks.size(), 3u);
    for (const auto& r : doc_->risks) {
        EXPECT_FALSE(r.title.empty());
        EXPECT_GE(r.date, today() - std::chrono::days{14});
        EXPECT_LE(r.date, today() + std::chrono::days{180});
    }
}

TEST_F(DemoSimulatorFixture, JsonCarriesTheSameDocumentAndParses) {
    const auto json = simulator_->generate_json(kNow);
    const auto parsed = nlohmann::json::parse(json);
    EXPECT_EQ(parsed["schema"], "tsur.feed.v1");
    EXPECT_EQ(parsed["region"]["code"], "RU-UD");
    EXPECT_EQ(parsed["region"]["utc_offset"], "+04:00");
    EXPECT_EQ(parsed["as_of"], "2026-11-23T10:15:00Z");
    ASSERT_EQ(parsed["incidents"].size(), doc_->incidents.size());
    const auto& first = parsed["incidents"][0];
    const auto& typed = doc_->incidents[0];
    EXPECT_EQ(first["id"], typed.id);
    EXPECT_EQ(first["title"], typed.title);
    EXPECT_EQ(first["created_at"], model::format_rfc3339(typed.created_at));
    EXPECT_EQ(parsed["history"]["days"], 60);
    EXPECT_EQ(parsed["history"]["start"], "2026-09-25");
    EXPECT_EQ(parsed["history"]["series"].size(),
              region_->municipalities.size() * model::kSectorCount);
}

TEST_F(DemoSimulatorFixture, FeedParserAcceptsEveryRecord) {
    const auto json = simulator_->generate_json(kNow);
    auto parsed = parse_feed_v1(json, *region_);
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    EXPECT_TRUE(parsed.value().rejected.empty());
    EXPECT_EQ(parsed.value().incidents.size(), doc_->incidents.size());
}

TEST(DemoSimulator, ScaleMultipliesTheVolume) {
    const auto region = udmurtia();
    SimulatorOptions options;
    const auto base = DemoSimulator(region, options).generate(kNow).incidents.size();
    options.scale = 3.0;
    const auto big = DemoSimulator(region, options).generate(kNow).incidents.size();
    EXPECT_GT(big, base * 5 / 2);
    EXPECT_LT(big, base * 7 / 2);
}

}  // namespace
}  // namespace tsur::net
