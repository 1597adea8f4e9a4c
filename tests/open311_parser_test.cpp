// Open311 GeoReport v2: the spec's real sample responses (with their quirks) and the mapping file.
#include "formats/open311_parser.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "support/open311_fixture.hpp"
#include "support/paths.hpp"

namespace tsur {
namespace {

using test::at;

class Open311 : public test::Open311Fixture {};

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
