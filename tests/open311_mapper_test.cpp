// Open311 requests mapped into the wall's incidents: region bounds, nearest municipality,
// defaults from the mapping file, sectors through service groups, bad requests counted.
#include <gtest/gtest.h>

#include <map>

#include "formats/open311_parser.hpp"
#include "support/open311_fixture.hpp"
#include "support/paths.hpp"

namespace tsur {
namespace {

using test::at;

class Open311Mapper : public test::Open311Fixture {};

TEST_F(Open311Mapper, RejectsPointsOutsideTheRegionByDefault) {
    const auto doc = map_json(sample("requests_example.json"), mapping());
    EXPECT_TRUE(doc.incidents.empty());
    EXPECT_EQ(doc.rejected, (std::map<std::string, std::uint32_t>{{"outside_region", 2}}));
}

TEST_F(Open311Mapper, MapsSampleRequestsKeepingOffsetsWhenOutsidePointsAreAllowed) {
    const auto doc = map_json(sample("requests_example.json"), mapping_keeping_outside_points());
    ASSERT_EQ(doc.incidents.size(), 2u);
    EXPECT_TRUE(doc.rejected.empty());
    const auto& closed = doc.incidents[0];
    EXPECT_EQ(closed.id, "311-638344");
    EXPECT_EQ(closed.status, model::Status::resolved);
    EXPECT_EQ(closed.sector, model::Sector::roads);
    EXPECT_EQ(closed.channel, model::Channel::app);
    EXPECT_EQ(closed.category, "006");
    EXPECT_EQ(closed.title, "Sidewalk and Curb Issues — 8TH AVE and JUDAH ST");
    EXPECT_EQ(closed.created_at, at("2010-04-14T14:37:38Z"));
    EXPECT_EQ(closed.feed_due_at, at("2010-04-15T14:37:38Z"));
    EXPECT_EQ(closed.answered_at, at("2010-04-14T14:37:38Z"));
    EXPECT_EQ(muni_id(closed.municipality), "izhevsk");
    EXPECT_FALSE(closed.location.has_value());
    const auto& open = doc.incidents[1];
    EXPECT_EQ(open.status, model::Status::in_progress);
    EXPECT_FALSE(open.answered_at.has_value());
}

TEST_F(Open311Mapper, PlacesPointInNearestMunicipality) {
    const auto doc = map_json(R"([{"service_request_id":"A1","status":"open",
        "service_code":"002","requested_datetime":"2010-04-19T10:00:00+04:00",
        "lat":"56.48","long":53.80}])",
                              mapping());
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_EQ(muni_id(doc.incidents[0].municipality), "sarapul");
    ASSERT_TRUE(doc.incidents[0].location.has_value());
    EXPECT_DOUBLE_EQ(doc.incidents[0].location->lat, 56.48);
    EXPECT_EQ(doc.incidents[0].sector, model::Sector::roads);
}

TEST_F(Open311Mapper, MissingCoordinatesAndExpectedTimeUseDefaults) {
    const auto doc = map_json(R"([{"service_request_id":7,"status":"open",
        "service_name":"Unknown thing","requested_datetime":"2010-04-19T06:37:38-08:00",
        "lat":null,"expected_datetime":null}])",
                              mapping());
    ASSERT_EQ(doc.incidents.size(), 1u);
    const auto& inc = doc.incidents[0];
    EXPECT_EQ(inc.id, "311-7");
    EXPECT_EQ(muni_id(inc.municipality), "izhevsk");
    EXPECT_FALSE(inc.location.has_value());
    EXPECT_FALSE(inc.feed_due_at.has_value());
    EXPECT_EQ(inc.sector, model::Sector::other);
}

TEST_F(Open311Mapper, WithoutDefaultMunicipalityUnplacedRequestsCountUnderTheWholeRegion) {
    const auto m = mapping("\"default_municipality\": \"izhevsk\",", "");
    EXPECT_TRUE(model::is_region_wide(m.default_municipality));
    const auto doc = map_json(R"([{"service_request_id":7,"status":"open",
        "service_name":"Unknown thing","requested_datetime":"2010-04-19T06:37:38-08:00"}])",
                              m);
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_TRUE(model::is_region_wide(doc.incidents[0].municipality));
    EXPECT_TRUE(doc.rejected.empty());
    EXPECT_EQ(doc.region_wide, (std::map<std::string, std::uint32_t>{{"missing_municipality", 1}}));
    ASSERT_EQ(doc.region_wide_examples.size(), 1u);
    EXPECT_EQ(doc.region_wide_examples[0].id, "311-7");
}

TEST_F(Open311Mapper, KeptOutsidePointWithoutDefaultCountsUnderTheWholeRegion) {
    std::string text = test::read_file(test::asset_path("open311/mapping.json"));
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"\"default_municipality\": \"izhevsk\",", ""},
          {"\"outside_region\": \"reject\"", "\"outside_region\": \"default_municipality\""}}) {
        text.replace(text.find(from), from.size(), to);
    }
    const auto m = net::parse_open311_mapping(text, region_, "mapping.json");
    ASSERT_TRUE(m.ok()) << m.error();
    const auto doc = map_json(R"([{"service_request_id":"far","status":"open",
        "service_code":"002","requested_datetime":"2010-04-19T10:00:00+04:00",
        "lat":"55.75","long":37.62}])",
                              m.value());
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_TRUE(model::is_region_wide(doc.incidents[0].municipality));
    EXPECT_FALSE(doc.incidents[0].location.has_value());
    EXPECT_EQ(doc.region_wide, (std::map<std::string, std::uint32_t>{{"outside_region", 1}}));
}

TEST_F(Open311Mapper, MapsSectorThroughTheServiceGroup) {
    const auto services = net::parse_open311_services_json(sample("services_example.json"));
    ASSERT_TRUE(services.ok()) << services.error();
    const auto m = mapping("\"001\": \"waste\"", "\"999\": \"energy\"");
    const auto requests = net::parse_open311_requests_json(R"([{"service_request_id":"B",
        "status":"open","service_code":001,"requested_datetime":"2010-04-19T10:00:00Z"}])");
    ASSERT_TRUE(requests.ok()) << requests.error();
    const auto doc = net::map_open311_requests(requests.value(), services.value(), m, region_,
                                               at("2010-04-20T00:00:00Z"));
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_EQ(doc.incidents[0].sector, model::Sector::waste);  // group "sanitation"
}

TEST_F(Open311Mapper, DropsAndCountsBadRequests) {
    const auto doc = map_json(R"([
        17,
        {"status":"open","requested_datetime":"2010-04-19T10:00:00Z"},
        {"service_request_id":1.5,"status":"open","requested_datetime":"2010-04-19T10:00:00Z"},
        {"service_request_id":"C1","status":"pending","requested_datetime":"2010-04-19T10:00:00Z"},
        {"service_request_id":"C2","status":"open","requested_datetime":"19/04/2010"},
        {"service_request_id":"C3","status":"open","requested_datetime":"2010-04-19T10:00:00Z",
         "expected_datetime":"2010-04-18T10:00:00Z"},
        {"service_request_id":"C4","status":"open","requested_datetime":"2010-04-19T10:00:00Z",
         "lat":56.8},
        {"service_request_id":"C5","status":"open","requested_datetime":"2010-04-25T10:00:00Z"},
        {"service_request_id":"OK","status":"open","requested_datetime":"2010-04-19T10:00:00Z"},
        {"service_request_id":"OK","status":"closed","requested_datetime":"2010-04-19T10:00:00Z"}
    ])",
                              mapping());
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_EQ(doc.incidents[0].id, "311-OK");
    const std::map<std::string, std::uint32_t> expected = {
        {"not_an_object", 1},  {"missing_id", 1},        {"bad_id", 1},
        {"unknown_status", 1}, {"bad_created_at", 1},    {"due_before_created", 1},
        {"bad_longitude", 1},  {"created_in_future", 1}, {"duplicate_id", 1}};
    EXPECT_EQ(doc.rejected, expected);
}

}  // namespace
}  // namespace tsur
