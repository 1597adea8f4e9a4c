// Open311 as other cities' servers speak it: "Open"/"Closed", timestamps without an offset,
// error bodies with any status, and where the mapping file lives.
#include <gtest/gtest.h>

#include <map>

#include "config/app_config.hpp"
#include "formats/open311_parser.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using test::at;

class Open311Interop : public ::testing::Test {
protected:
    /// The shipped mapping with `line` added after its opening brace.
    model::Result<net::Open311Mapping> mapping_with(const std::string& line) const {
        std::string text = test::read_file(test::asset_path("open311/mapping.json"));
        if (!line.empty()) text.insert(text.find("\"region\""), line + ",\n  ");
        return net::parse_open311_mapping(text, region_, "mapping.json");
    }
    model::FeedDocument map_sample(const std::string& name, const net::Open311Mapping& m) const {
        const auto requests =
            net::parse_open311_requests(test::read_file(test::data_path("open311/" + name)));
        EXPECT_TRUE(requests.ok()) << requests.error();
        return net::map_open311_requests(requests.value(), {}, m, region_,
                                         at("2026-11-23T10:00:00Z"));
    }
    const model::Incident* find(const model::FeedDocument& doc, const std::string& id) const {
        for (const auto& inc : doc.incidents) {
            if (inc.id == id) return &inc;
        }
        return nullptr;
    }

    model::Region region_ = test::udmurtia_region();
};

TEST_F(Open311Interop, OffsetlessTimestampsAreRefusedWithoutAZone) {
    const auto m = mapping_with("");
    ASSERT_TRUE(m.ok()) << m.error();
    const auto doc = map_sample("requests_offsetless.json", m.value());
    // Only the one request with "Z" survives, and the log names the others by id.
    ASSERT_EQ(doc.incidents.size(), 1u);
    EXPECT_EQ(doc.incidents[0].id, "311-900104");
    EXPECT_EQ(doc.rejected, (std::map<std::string, std::uint32_t>{{"bad_created_at", 3}}));
    ASSERT_EQ(doc.rejected_examples.size(), 3u);
    EXPECT_EQ(doc.rejected_examples[0].id, "900101");
    EXPECT_EQ(doc.rejected_examples[0].reason, "bad_created_at");
}

TEST_F(Open311Interop, TimestampZoneReadsOffsetlessTimesAndStatusesIgnoreCase) {
    for (const std::string zone : {"\"+04:00\"", "\"region\""}) {
        const auto m = mapping_with("\"timestamp_zone\": " + zone);
        ASSERT_TRUE(m.ok()) << m.error();
        const auto doc = map_sample("requests_offsetless.json", m.value());
        EXPECT_TRUE(doc.rejected.empty()) << zone;
        ASSERT_EQ(doc.incidents.size(), 4u) << zone;
        const auto* open = find(doc, "311-900101");
        ASSERT_TRUE(open);
        EXPECT_EQ(open->status, model::Status::in_progress);  // "Open"
        EXPECT_EQ(open->created_at, at("2026-11-20T05:15:00Z"));
        const auto* closed = find(doc, "311-900102");
        ASSERT_TRUE(closed);
        EXPECT_EQ(closed->status, model::Status::resolved);  // "Closed"
        EXPECT_EQ(closed->created_at, at("2026-11-18T10:40:12Z"));
        ASSERT_TRUE(closed->answered_at);
        EXPECT_EQ(*closed->answered_at, at("2026-11-19T04:05:00Z"));
        EXPECT_EQ(find(doc, "311-900103")->status, model::Status::in_progress);  // "OPEN"
        // An explicit offset still wins over the mapping's zone.
        EXPECT_EQ(find(doc, "311-900104")->created_at, at("2026-11-19T16:00:00Z"));
    }
}

TEST_F(Open311Interop, XmlFormAgreesWithJson) {
    const auto m = mapping_with("\"timestamp_zone\": \"+04:00\"");
    ASSERT_TRUE(m.ok()) << m.error();
    const auto doc = map_sample("requests_offsetless.xml", m.value());
    EXPECT_TRUE(doc.rejected.empty());
    ASSERT_EQ(doc.incidents.size(), 2u);
    EXPECT_EQ(find(doc, "311-900101")->created_at, at("2026-11-20T05:15:00Z"));
    EXPECT_EQ(find(doc, "311-900102")->status, model::Status::resolved);
}

TEST_F(Open311Interop, UnknownStatusStaysRefused) {
    const auto m = mapping_with("");
    ASSERT_TRUE(m.ok()) << m.error();
    const auto requests = net::parse_open311_requests_json(
        R"([{"service_request_id":"A","status":"Pending","requested_datetime":"2026-11-20T09:00:00Z"},
            {"service_request_id":"B","status":"opened","requested_datetime":"2026-11-20T09:00:00Z"}])");
    ASSERT_TRUE(requests.ok());
    const auto doc = net::map_open311_requests(requests.value(), {}, m.value(), region_,
                                               at("2026-11-23T10:00:00Z"));
    EXPECT_EQ(doc.rejected, (std::map<std::string, std::uint32_t>{{"unknown_status", 2}}));
}

TEST_F(Open311Interop, TimestampZoneMustBeAnOffset) {
    for (const std::string bad : {"\"Europe/Samara\"", "\"+25:00\"", "4", "\"\""}) {
        const auto m = mapping_with("\"timestamp_zone\": " + bad);
        ASSERT_FALSE(m.ok()) << bad;
        EXPECT_NE(m.error().find("mapping.json: field 'timestamp_zone'"), std::string::npos)
            << m.error();
    }
    const auto utc = mapping_with("\"timestamp_zone\": \"Z\"");
    ASSERT_TRUE(utc.ok()) << utc.error();
    ASSERT_TRUE(utc.value().timestamp_zone);
    EXPECT_EQ(*utc.value().timestamp_zone, model::Seconds{0});
}

TEST_F(Open311Interop, ServerErrorIsReadFromAnyBody) {
    EXPECT_EQ(net::open311_server_error(R"([{"code":403,"description":"Invalid api_key"}])"),
              "403: Invalid api_key");
    EXPECT_EQ(net::open311_server_error(
                  "<?xml version=\"1.0\"?><errors><error><code>404</code>"
                  "<description>No such jurisdiction</description></error></errors>"),
              "404: No such jurisdiction");
    // Not the error form: nothing to quote.
    EXPECT_EQ(net::open311_server_error("<html><body>502 Bad Gateway</body></html>"), std::nullopt);
    EXPECT_EQ(net::open311_server_error("server says no"), std::nullopt);
    EXPECT_EQ(net::open311_server_error(R"([{"service_request_id":"1","status":"open"}])"),
              std::nullopt);
    // A hostile description is one short line.
    const std::string long_text(5000, 'x');
    const auto cut =
        net::open311_server_error(R"([{"code":400,"description":"a\nb)" + long_text + "\"}]");
    ASSERT_TRUE(cut);
    EXPECT_EQ(cut->find('\n'), std::string::npos);
    EXPECT_LE(cut->size(), 300u);
}

TEST(Open311MappingConfig, MappingPathIsAConfigKey) {
    const auto c = config::parse_app_config(
        R"({"feed": {"type": "open311", "url": "https://h/v2/requests.json",
                     "mapping": "/etc/tsur-wall/open311-mapping.json"}})",
        "config.json");
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c.value().feed.mapping_file,
              std::filesystem::path("/etc/tsur-wall/open311-mapping.json"));

    const auto relative = config::parse_app_config(
        R"({"feed": {"type": "open311", "url": "https://h/v2/requests.json",
                     "mapping": "mapping.json"}})",
        "config.json");
    ASSERT_FALSE(relative.ok());
    EXPECT_NE(relative.error().find("feed.mapping: expected an absolute path"), std::string::npos)
        << relative.error();

    const auto native = config::parse_app_config(
        R"({"feed": {"url": "https://h/api", "mapping": "/etc/m.json"}})", "config.json");
    ASSERT_FALSE(native.ok());
    EXPECT_NE(native.error().find("feed.mapping: only for feed.type \"open311\""),
              std::string::npos)
        << native.error();
}

}  // namespace
}  // namespace tsur
