// Open311 GeoReport v2: the spec's real sample responses (with their quirks) and the mapping.
#include "formats/open311_parser.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "support/paths.hpp"
#include "support/region_fixture.hpp"

namespace tsur {
namespace {

std::string sample(const std::string& name) {
    return test::read_file(test::data_path("open311/" + name));
}

model::TimePoint at(std::string_view rfc3339) { return model::parse_rfc3339(rfc3339).value(); }

class Open311 : public ::testing::Test {
protected:
    net::Open311Mapping mapping(const std::string& edit_from = "",
                                const std::string& edit_to = "") const {
        std::string text = test::read_file(test::asset_path("open311/mapping.json"));
        if (!edit_from.empty()) text.replace(text.find(edit_from), edit_from.size(), edit_to);
        auto m = net::parse_open311_mapping(text, region_, "mapping.json");
        EXPECT_TRUE(m.ok()) << m.error();
        return m.take();
    }
    net::Open311Mapping mapping_keeping_outside_points() const {
        return mapping("\"outside_region\": \"reject\"",
                       "\"outside_region\": \"default_municipality\"");
    }
    model::FeedDocument map_json(const std::string& requests_json, const net::Open311Mapping& m,
                                 model::TimePoint as_of = at("2010-04-20T00:00:00Z")) const {
        const auto requests = net::parse_open311_requests_json(requests_json);
        EXPECT_TRUE(requests.ok()) << requests.error();
        return net::map_open311_requests(requests.value(), {}, m, region_, as_of);
    }
    std::string muni_id(model::MunicipalityIndex i) const { return region_.municipalities[i].id; }

    model::Region region_ = test::udmurtia_region();
};

TEST_F(Open311, QuotesLeadingZeroNumbersOutsideStringsOnly) {
    const std::string in = R"({"a":001,"b":"001","c":0,"d":-01,"e":0.5,"f":10,"g":"x\"007",)"
                           R"("h":[006, 1e5, -0.25]})";
    const std::string expected = R"({"a":"001","b":"001","c":0,"d":"-01","e":0.5,"f":10,)"
                                 R"("g":"x\"007","h":["006", 1e5, -0.25]})";
    EXPECT_EQ(net::quote_leading_zero_numbers(in), expected);
}

TEST_F(Open311, SpecJsonIsInvalidJsonYetParsesWithZeroPaddedCodes) {
    const std::string body = sample("services_example.json");
    EXPECT_FALSE(nlohmann::json::accept(body));
    const auto services = net::parse_open311_services_json(body);
    ASSERT_TRUE(services.ok()) << services.error();
    ASSERT_EQ(services.value().size(), 3u);
    EXPECT_EQ(services.value()[0].service_code, "001");
    EXPECT_EQ(services.value()[0].group, "sanitation");
    EXPECT_EQ(services.value()[2].service_code, "003");
}

TEST_F(Open311, ServicesJsonAndXmlAgreeWhateverTheFieldOrder) {
    const auto json = net::parse_open311_services_json(sample("services_example.json"));
    const auto xml = net::parse_open311_services_xml(sample("services_example.xml"));
    ASSERT_TRUE(json.ok()) << json.error();
    ASSERT_TRUE(xml.ok()) << xml.error();
    ASSERT_EQ(json.value().size(), xml.value().size());
    for (std::size_t i = 0; i < json.value().size(); ++i) {
        const auto& a = json.value()[i];
        const auto& b = xml.value()[i];
        EXPECT_EQ(a.service_code, b.service_code);
        EXPECT_EQ(a.service_name, b.service_name);
        EXPECT_EQ(a.description, b.description);
        EXPECT_EQ(a.group, b.group);
        EXPECT_EQ(a.metadata, b.metadata);
    }
    EXPECT_EQ(xml.value()[1].service_name, "Construction plate shifted");
}

TEST_F(Open311, RequestsJsonAndXmlAgreeFieldByField) {
    const auto json = net::parse_open311_requests_json(sample("requests_example.json"));
    const auto xml = net::parse_open311_requests_xml(sample("requests_example.xml"));
    ASSERT_TRUE(json.ok()) << json.error();
    ASSERT_TRUE(xml.ok()) << xml.error();
    ASSERT_EQ(json.value().requests.size(), 2u);
    ASSERT_EQ(xml.value().requests.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = json.value().requests[i];
        const auto& b = xml.value().requests[i];
        EXPECT_EQ(a.service_request_id, b.service_request_id);
        EXPECT_EQ(a.status, b.status);
        EXPECT_EQ(a.status_notes, b.status_notes);
        EXPECT_EQ(a.service_code, b.service_code);
        EXPECT_EQ(a.description, b.description);
        EXPECT_EQ(a.agency_responsible, b.agency_responsible);
        EXPECT_EQ(a.requested_datetime, b.requested_datetime);
        EXPECT_EQ(a.expected_datetime, b.expected_datetime);
        EXPECT_EQ(a.address_id, b.address_id);
        EXPECT_EQ(a.zipcode, b.zipcode);
        EXPECT_EQ(a.lat, b.lat);
        EXPECT_EQ(a.lon, b.lon);
        EXPECT_EQ(a.media_url, b.media_url);
    }
    const auto& first = json.value().requests[0];
    EXPECT_EQ(first.service_request_id, "638344");
    EXPECT_EQ(first.service_code, "006");
    EXPECT_EQ(first.zipcode, "94122");
    EXPECT_EQ(first.lon, "-122.4651145");
    EXPECT_TRUE(first.description.empty());
}

TEST_F(Open311, TrimsTrailingWhitespaceOfMediaUrl) {
    const auto json = net::parse_open311_requests_json(sample("requests_example.json"));
    ASSERT_TRUE(json.ok()) << json.error();
    EXPECT_EQ(json.value().requests[0].media_url,
              "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg");
}

TEST_F(Open311, KeepsStatusNotes) {
    const auto json = net::parse_open311_requests_json(sample("requests_example.json"));
    ASSERT_TRUE(json.ok()) << json.error();
    EXPECT_EQ(json.value().requests[0].status_notes, "Duplicate request.");
    EXPECT_TRUE(json.value().requests[1].status_notes.empty());
}

TEST_F(Open311, RejectsPointsOutsideTheRegionByDefault) {
    const auto doc = map_json(sample("requests_example.json"), mapping());
    EXPECT_TRUE(doc.incidents.empty());
    EXPECT_EQ(doc.rejected, (std::map<std::string, std::uint32_t>{{"outside_region", 2}}));
}

TEST_F(Open311, MapsSampleRequestsKeepingOffsetsWhenOutsidePointsAreAllowed) {
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

TEST_F(Open311, PlacesPointInNearestMunicipality) {
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

TEST_F(Open311, MissingCoordinatesAndExpectedTimeUseDefaults) {
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

TEST_F(Open311, WithoutDefaultMunicipalityUnplacedRequestsCountUnderTheWholeRegion) {
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

TEST_F(Open311, KeptOutsidePointWithoutDefaultCountsUnderTheWholeRegion) {
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

TEST_F(Open311, MapsSectorThroughTheServiceGroup) {
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

TEST_F(Open311, DropsAndCountsBadRequests) {
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

TEST_F(Open311, ReportsServerErrorResponses) {
    const auto json =
        net::parse_open311_requests_json(R"([{"code":403,"description":"Invalid api_key"}])");
    ASSERT_FALSE(json.ok());
    EXPECT_NE(json.error().find("403"), std::string::npos) << json.error();
    const auto xml = net::parse_open311_requests_xml(
        "<errors><error><code>404</code><description>No such jurisdiction</description>"
        "</error></errors>");
    ASSERT_FALSE(xml.ok());
    EXPECT_NE(xml.error().find("No such jurisdiction"), std::string::npos) << xml.error();
}

TEST_F(Open311, RejectsBodiesOfTheWrongShape) {
    EXPECT_FALSE(net::parse_open311_requests_json("<html>502</html>").ok());
    EXPECT_FALSE(net::parse_open311_requests_json(R"({"requests":[]})").ok());
    EXPECT_FALSE(net::parse_open311_requests_xml("[1,2]").ok());
    EXPECT_FALSE(net::parse_open311_requests_xml("<services></services>").ok());
    std::string nested;
    for (int i = 0; i < 5000; ++i) nested += "<a>";
    const auto too_deep = net::parse_open311_requests_xml(nested);
    ASSERT_FALSE(too_deep.ok());
    EXPECT_NE(too_deep.error().find("deeper"), std::string::npos) << too_deep.error();
}

TEST_F(Open311, SurvivesCorruptedSamples) {
    std::mt19937 rng(311);
    for (const char* name : {"requests_example.json", "requests_example.xml",
                             "services_example.json", "services_example.xml"}) {
        const std::string original = sample(name);
        std::uniform_int_distribution<std::size_t> pos(0, original.size() - 1);
        const std::string alphabet = "<>/\"{}[]:,0-\\ \xD0";
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        for (int i = 0; i < 300; ++i) {
            std::string body = original;
            for (int k = 0; k < 3; ++k) body[pos(rng)] = alphabet[pick(rng)];
            const auto reqs = std::string(name).ends_with(".xml")
                                  ? net::parse_open311_requests_xml(body)
                                  : net::parse_open311_requests_json(body);
            if (reqs.ok()) {
                const auto doc =
                    net::map_open311_requests(reqs.value(), {}, mapping_keeping_outside_points(),
                                              region_, at("2010-04-20T00:00:00Z"));
                EXPECT_LE(doc.incidents.size(), 2u);
            } else {
                EXPECT_EQ(reqs.error().rfind("open311: ", 0), 0u) << reqs.error();
            }
        }
    }
}

TEST_F(Open311, MappingErrorsNameFileAndField) {
    std::string text = test::read_file(test::asset_path("open311/mapping.json"));
    const std::string from = "\"default_municipality\": \"izhevsk\"";
    text.replace(text.find(from), from.size(), "\"default_municipality\": \"kazan\"");
    const auto m = net::parse_open311_mapping(text, region_, "mapping.json");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().find("mapping.json"), std::string::npos) << m.error();
    EXPECT_NE(m.error().find("default_municipality"), std::string::npos) << m.error();
}

}  // namespace
}  // namespace tsur
