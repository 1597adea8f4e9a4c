// Native v1 feed parser: valid documents, each kind of bad record and of bad document.
#include "formats/feed_parser.hpp"
#include "formats/feed_reasons.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>

#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using model::TimePoint;

std::string feed_fixture(const std::string& name) {
    return test::read_file(test::data_path("feeds/" + name));
}

using test::at;

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80           ? 1
                                : (c >> 5) == 0x6  ? 2
                                : (c >> 4) == 0xE  ? 3
                                : (c >> 3) == 0x1E ? 4
                                                   : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

class FeedParser : public ::testing::Test {
protected:
    model::Result<model::FeedDocument> parse(std::string_view body) const {
        return net::parse_feed_v1(body, region_);
    }
    std::string muni_id(model::MunicipalityIndex i) const { return region_.municipalities[i].id; }

    model::Region region_ = test::udmurtia_region();
};

TEST_F(FeedParser, ParsesValidDocumentIntoExpectedIncidents) {
    const auto doc = parse(feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& d = doc.value();
    EXPECT_EQ(d.schema, "tsur.feed.v1");
    EXPECT_EQ(d.region_code, "RU-UD");
    EXPECT_EQ(d.region_name, "Удмуртская Республика");
    EXPECT_EQ(d.time_zone, "Europe/Samara");
    EXPECT_EQ(d.as_of, at("2026-11-23T10:15:00Z"));
    EXPECT_TRUE(d.rejected.empty());

    std::vector<std::string> ids;
    for (const auto& inc : d.incidents) ids.push_back(inc.id);
    const std::vector<std::string> expected_ids = {
        "UD-000101", "UD-000102", "UD-000103", "UD-000104", "UD-000105",
        "UD-000106", "UD-000107", "UD-000108", "UD-000109", "UD-000110"};
    EXPECT_EQ(ids, expected_ids);

    const auto& first = d.incidents[0];
    EXPECT_EQ(first.channel, model::Channel::vk);
    EXPECT_EQ(first.sector, model::Sector::roads);
    EXPECT_EQ(muni_id(first.municipality), "izhevsk");
    ASSERT_TRUE(first.location.has_value());
    EXPECT_DOUBLE_EQ(first.location->lat, 56.8521);
    EXPECT_DOUBLE_EQ(first.location->lon, 53.2115);
    EXPECT_EQ(first.title, "Яма на ул. Пушкинской");
    EXPECT_EQ(first.category, "road_repair");
    EXPECT_EQ(first.status, model::Status::in_progress);
    EXPECT_EQ(first.priority, model::Priority::normal);
    EXPECT_EQ(first.created_at, at("2026-11-23T08:00:00Z"));
    EXPECT_FALSE(first.feed_due_at.has_value());
    EXPECT_FALSE(first.answered_at.has_value());
    EXPECT_EQ(first.agency, "Минтранс УР");
}

TEST_F(FeedParser, ConvertsOffsetTimesToUtc) {
    const auto doc = parse(feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& heating = doc.value().incidents[1];
    EXPECT_EQ(heating.created_at, at("2026-11-22T08:30:00Z"));
    ASSERT_TRUE(heating.feed_due_at.has_value());
    EXPECT_EQ(*heating.feed_due_at, at("2026-12-02T08:30:00Z"));
    EXPECT_EQ(heating.priority, model::Priority::high);
    EXPECT_EQ(muni_id(heating.municipality), "sarapul");
}

TEST_F(FeedParser, KeepsOptionalFieldsAbsentWhenOmitted) {
    const auto doc = parse(feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& waste = doc.value().incidents[2];
    EXPECT_FALSE(waste.location.has_value());
    EXPECT_TRUE(waste.category.empty());
    EXPECT_EQ(waste.priority, model::Priority::normal);
    EXPECT_EQ(waste.status, model::Status::answered);
    ASSERT_TRUE(waste.answered_at.has_value());
    EXPECT_EQ(*waste.answered_at, at("2026-11-21T15:20:00Z"));
    EXPECT_EQ(doc.value().incidents[3].created_at, at("2026-11-20T06:45:10Z"));
}

TEST_F(FeedParser, AcceptsRecordCreatedLessThanAnHourAfterAsOf) {
    const auto doc = parse(feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& late = doc.value().incidents[8];
    EXPECT_EQ(late.id, "UD-000109");
    EXPECT_GT(late.created_at, doc.value().as_of);
}

TEST_F(FeedParser, ParsesHistoryAndRisks) {
    const auto doc = parse(feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& h = doc.value().history;
    ASSERT_EQ(h.size(), 6u);
    const auto nov20 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 20};
    EXPECT_EQ(h[0].day, nov20);
    EXPECT_EQ(h[2].day, nov20 + std::chrono::days{2});
    EXPECT_EQ(muni_id(h[0].municipality), "izhevsk");
    EXPECT_EQ(h[0].sector, model::Sector::roads);
    EXPECT_EQ(h[1].count, 4u);
    EXPECT_EQ(muni_id(h[5].municipality), "sarapul");
    EXPECT_EQ(h[5].sector, model::Sector::waste);
    EXPECT_EQ(h[5].count, 2u);

    const auto& r = doc.value().risks;
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].date, std::chrono::sys_days{std::chrono::year{2027} / 9 / 15});
    EXPECT_EQ(r[0].sector, model::Sector::housing);
    EXPECT_EQ(r[1].title, "Паводок на малых реках");
    EXPECT_FALSE(r[1].sector.has_value());
}

TEST_F(FeedParser, DropsEachBadRecordAndCountsItsReason) {
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    std::vector<std::string> ids;
    for (const auto& inc : doc.value().incidents) ids.push_back(inc.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"OK-1", "R-unknown-municipality", "OK-2", "OK-3"}));

    const std::map<std::string, std::uint32_t> expected = {{"not_an_object", 2},
                                                           {"missing_id", 2},
                                                           {"bad_id", 1},
                                                           {"duplicate_id", 1},
                                                           {"missing_channel", 1},
                                                           {"unknown_channel", 1},
                                                           {"missing_sector", 1},
                                                           {"unknown_sector", 1},
                                                           {"missing_status", 1},
                                                           {"unknown_status", 1},
                                                           {"unknown_priority", 1},
                                                           {"missing_municipality", 1},
                                                           {"bad_latitude", 3},
                                                           {"bad_longitude", 2},
                                                           {"missing_title", 1},
                                                           {"bad_title", 1},
                                                           {"bad_category", 1},
                                                           {"bad_agency", 1},
                                                           {"missing_created_at", 1},
                                                           {"bad_created_at", 1},
                                                           {"created_in_future", 1},
                                                           {"created_too_old", 1},
                                                           {"bad_due_at", 1},
                                                           {"due_before_created", 1},
                                                           {"bad_answered_at", 1},
                                                           {"answered_before_created", 1},
                                                           {"bad_history_series", 5},
                                                           {"bad_risk", 4}};
    EXPECT_EQ(doc.value().rejected, expected);
}

TEST_F(FeedParser, KeepsUnknownMunicipalityAsIncidentOfTheWholeRegion) {
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& incidents = doc.value().incidents;
    const auto it = std::find_if(incidents.begin(), incidents.end(),
                                 [](const auto& i) { return i.id == "R-unknown-municipality"; });
    ASSERT_NE(it, incidents.end());
    EXPECT_TRUE(model::is_region_wide(it->municipality));
    EXPECT_EQ(doc.value().region_wide,
              (std::map<std::string, std::uint32_t>{{"unknown_municipality", 1}}));
    ASSERT_EQ(doc.value().region_wide_examples.size(), 1u);
    EXPECT_EQ(doc.value().region_wide_examples[0].id, "R-unknown-municipality");
    const auto lines = net::region_wide_log_lines(doc.value());
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("1 record counted under the whole region (unknown_municipality 1)"),
              std::string::npos)
        << lines[0];
    EXPECT_NE(lines[0].find("\"R-unknown-municipality\""), std::string::npos) << lines[0];
}

TEST_F(FeedParser, FirstRecordWinsOnDuplicateId) {
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    EXPECT_EQ(doc.value().incidents.front().title, "Яма на дороге");
}

TEST_F(FeedParser, TruncatesOverlongTitleAtCodePointBoundary) {
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& title = doc.value().incidents.back().title;
    EXPECT_LE(title.size(), 300u);
    EXPECT_GT(title.size(), 290u);
    EXPECT_TRUE(title.ends_with("…"));
    EXPECT_TRUE(title.starts_with("Очень длинное обращение"));
    EXPECT_TRUE(valid_utf8(title));
}

TEST_F(FeedParser, KeepsGoodHistorySeriesAndRiskEntries) {
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& h = doc.value().history;
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(muni_id(h[0].municipality), "izhevsk");
    EXPECT_EQ(h[0].count, 5u);
    EXPECT_EQ(h[1].count, 6u);
    ASSERT_EQ(doc.value().risks.size(), 1u);
    EXPECT_EQ(doc.value().risks[0].sector, model::Sector::housing);
}

TEST_F(FeedParser, DropsWholeHistoryWhenItsHeaderIsBad) {
    const auto doc = parse(R"({"schema":"tsur.feed.v1","region":{"code":"RU-UD"},
        "as_of":"2026-11-23T10:15:00Z","incidents":[],
        "history":{"start":"2026-11-21","days":"2","series":[
            {"municipality":"izhevsk","sector":"roads","counts":[1,2]}]},
        "risks":{"date":"2027-01-01"}})");
    ASSERT_TRUE(doc.ok()) << doc.error();
    EXPECT_TRUE(doc.value().history.empty());
    EXPECT_TRUE(doc.value().risks.empty());
    const std::map<std::string, std::uint32_t> expected = {{"bad_history", 1}, {"bad_risks", 1}};
    EXPECT_EQ(doc.value().rejected, expected);
}

TEST_F(FeedParser, RejectsBodyThatIsNotJson) {
    const auto doc = parse(feed_fixture("not_json.txt"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("not valid JSON"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsHtmlErrorPage) {
    const auto doc = parse(feed_fixture("html_error.html"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("HTML"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsWrongSchema) {
    const auto doc = parse(feed_fixture("wrong_schema.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("'schema'"), std::string::npos) << doc.error();
    EXPECT_NE(doc.error().find("tsur.feed.v2"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsDocumentOfAnotherRegion) {
    const auto doc = parse(feed_fixture("wrong_region.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("'region.code'"), std::string::npos) << doc.error();
    EXPECT_NE(doc.error().find("RU-TA"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsMissingAsOf) {
    const auto doc = parse(feed_fixture("missing_as_of.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("'as_of'"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsAsOfThatIsNotRfc3339) {
    const auto doc = parse(feed_fixture("bad_as_of.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("'as_of'"), std::string::npos) << doc.error();
    EXPECT_NE(doc.error().find("RFC 3339"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsIncidentsThatAreNotAnArray) {
    const auto doc = parse(feed_fixture("incidents_not_array.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("'incidents'"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsTruncatedBody) {
    const std::string body = feed_fixture("truncated.json");
    const auto doc = parse(body);
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("not valid JSON"), std::string::npos) << doc.error();
    // Where it breaks off, not byte 0.
    EXPECT_NE(doc.error().find("at byte " + std::to_string(body.size())), std::string::npos)
        << doc.error();
}

TEST_F(FeedParser, RejectsNumberTooLargeForADouble) {
    const auto doc = parse(feed_fixture("number_overflow.json"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("1e999"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsEmptyBodyAndNonObjectTopLevel) {
    for (const std::string_view body : {"", "  \n", "[]", "null", "\"tsur.feed.v1\"", "42"}) {
        const auto doc = parse(body);
        ASSERT_FALSE(doc.ok()) << "body: " << body;
        EXPECT_NE(doc.error().find("feed:"), std::string::npos) << doc.error();
    }
}

TEST_F(FeedParser, RejectsBodyOverTheSizeLimit) {
    const std::string body(net::kMaxFeedBytes + 1, ' ');
    const auto doc = parse(body);
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("64 MiB"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, SkipsDeeplyNestedUnknownFieldWithoutRecursing) {
    const std::string nested = std::string(100000, '[') + std::string(100000, ']');
    const std::string body = R"({"schema":"tsur.feed.v1","region":{"code":"RU-UD"},"extra":)" +
                             nested + R"(,"as_of":"2026-11-23T10:15:00Z","incidents":[]})";
    const auto doc = parse(body);
    ASSERT_TRUE(doc.ok()) << doc.error();
    EXPECT_TRUE(doc.value().incidents.empty());
}

TEST_F(FeedParser, EveryStrictPrefixOfAValidDocumentIsAnError) {
    const std::string body = feed_fixture("valid_udmurtia.json");
    const std::size_t end = body.find_last_of('}');
    for (std::size_t len = 0; len < end; len += 7) {
        const auto doc = parse(std::string_view(body).substr(0, len));
        EXPECT_FALSE(doc.ok()) << "prefix of " << len << " bytes parsed";
    }
}

TEST_F(FeedParser, SurvivesRandomlyCorruptedBodies) {
    const std::string original = feed_fixture("bad_records.json");
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<std::size_t> pos(0, original.size() - 1);
    const std::string alphabet = "{}[]\",:0-9e.ntf\\ \xD0\xFF";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::size_t parsed = 0;
    for (int i = 0; i < 500; ++i) {
        std::string body = original;
        for (int k = 0; k < 3; ++k) body[pos(rng)] = alphabet[pick(rng)];
        const auto doc = parse(body);
        if (doc.ok()) {
            ++parsed;
            EXPECT_LE(doc.value().incidents.size(), 40u);
        } else {
            EXPECT_EQ(doc.error().rfind("feed: ", 0), 0u) << doc.error();
        }
    }
    EXPECT_GT(parsed, 0u);
}

/// A document around one incident: `extra` is spliced in after the required fields (a leading
/// comma included), `tail` after the incidents array.
std::string one_incident(const std::string& extra, const std::string& tail = "") {
    return R"({"schema":"tsur.feed.v1","region":{"code":"RU-UD"},"as_of":"2026-11-23T10:15:00Z",
        "incidents":[{"id":"UD-1","channel":"vk","sector":"roads","municipality":"izhevsk",
        "title":"Яма","status":"new","created_at":"2026-11-23T08:00:00Z")" +
           extra + "}]" + tail + "}";
}

TEST_F(FeedParser, AcceptsUtf8ByteOrderMark) {
    const auto doc = parse("\xEF\xBB\xBF" + feed_fixture("valid_udmurtia.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    EXPECT_EQ(doc.value().incidents.size(), 10u);
}

TEST_F(FeedParser, RejectsInvalidUtf8InAString) {
    std::string body = one_incident("");
    body.replace(body.find("Яма"), 2, "\xFF\xFE");
    const auto doc = parse(body);
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("not valid JSON"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsContentAfterTheTopLevelObject) {
    const auto doc = parse(one_incident("") + R"( {"schema":"tsur.feed.v1"})");
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("not valid JSON"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, RejectsMalformedValueInsideAnIgnoredField) {
    for (const std::string extra : {R"(,"note":[1 2])", R"(,"note":{"a" 1})", R"(,"note":[tru])",
                                    R"(,"note":{"a":[1,]})", R"(,"note":"\x")"}) {
        const auto doc = parse(one_incident(extra));
        ASSERT_FALSE(doc.ok()) << extra;
        EXPECT_NE(doc.error().find("not valid JSON"), std::string::npos) << doc.error();
    }
}

TEST_F(FeedParser, RejectsNumberTooLargeForADoubleInsideAnIgnoredField) {
    const auto doc = parse(one_incident(R"(,"note":{"weights":[1, 1e999]})"));
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().find("1e999"), std::string::npos) << doc.error();
}

TEST_F(FeedParser, IgnoresWellFormedUnknownFieldsInsideRecords) {
    const auto doc = parse(one_incident(
        R"(,"note":{"tags":["a",{"b":[null,true,false,-1.5e3]}]},"lat":56.85,"lon":53.2,"n":null)"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    ASSERT_EQ(doc.value().incidents.size(), 1u);
    ASSERT_TRUE(doc.value().incidents[0].location.has_value());
    EXPECT_DOUBLE_EQ(doc.value().incidents[0].location->lat, 56.85);
}

TEST_F(FeedParser, ReadsCoordinateWithMoreThanNineteenDigits) {
    const auto doc = parse(one_incident(R"(,"lat":56.852100000000000000000001,"lon":53.2)"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    ASSERT_EQ(doc.value().incidents.size(), 1u);
    ASSERT_TRUE(doc.value().incidents[0].location.has_value());
    EXPECT_DOUBLE_EQ(doc.value().incidents[0].location->lat, 56.8521);
}

TEST_F(FeedParser, ReadsExponentOfManyDigitsAsJsonAllowsIt) {
    const auto tiny = parse(one_incident(R"(,"lat":1e-99999999999999999999,"lon":53.2)"));
    ASSERT_TRUE(tiny.ok()) << tiny.error();
    ASSERT_EQ(tiny.value().incidents.size(), 1u);
    ASSERT_TRUE(tiny.value().incidents[0].location.has_value());
    EXPECT_EQ(tiny.value().incidents[0].location->lat, 0.0);

    const auto huge = parse(one_incident(R"(,"lat":1e99999999999999999999,"lon":53.2)"));
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().find("1e99999999999999999999"), std::string::npos) << huge.error();
}

TEST_F(FeedParser, MatchesKeysWrittenWithEscapes) {
    std::string body = one_incident("");
    body.replace(body.find(R"("title")"), 7, R"("t\u0069tle")");
    const auto doc = parse(body);
    ASSERT_TRUE(doc.ok()) << doc.error();
    ASSERT_EQ(doc.value().incidents.size(), 1u);
    EXPECT_EQ(doc.value().incidents[0].title, "Яма");
}

TEST_F(FeedParser, LastOfDuplicateKeysWins) {
    const auto doc = parse(one_incident(R"(,"title":"Второй","status":"answered")"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    ASSERT_EQ(doc.value().incidents.size(), 1u);
    EXPECT_EQ(doc.value().incidents[0].title, "Второй");
    EXPECT_EQ(doc.value().incidents[0].status, model::Status::answered);
}

TEST_F(FeedParser, HistoryCountsMustFitThirtyTwoBits) {
    const auto doc = parse(one_incident("", R"(,"history":{"start":"2026-11-21","days":2,"series":[
        {"municipality":"izhevsk","sector":"roads","counts":[-0,4294967295]},
        {"municipality":"izhevsk","sector":"waste","counts":[1,4294967296]},
        {"municipality":"izhevsk","sector":"housing","counts":[1,18446744073709551616]},
        {"municipality":"izhevsk","sector":"energy","counts":[1,2.0]}]})"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& h = doc.value().history;
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0].count, 0u);
    EXPECT_EQ(h[1].count, 4294967295u);
    const std::map<std::string, std::uint32_t> expected = {{"bad_history_series", 3}};
    EXPECT_EQ(doc.value().rejected, expected);
}

TEST_F(FeedParser, BadDocumentsNeverThrow) {
    const std::string deep_object = R"({"schema":"tsur.feed.v1","x":)" + std::string(50000, '{') +
                                    std::string(50000, '}') + "}";
    for (const std::string& body :
         {deep_object, std::string(R"({"schema":"tsur.feed.v1","incidents":[{"id":)"),
          std::string(R"({"a":1}})"), std::string(R"({"a":"\uD800"})"),
          std::string("{\"a\":\"\x01\"}"), std::string(R"(["a")"), std::string("{\0}", 3)}) {
        model::Result<model::FeedDocument> doc = model::Error{"not run"};
        EXPECT_NO_THROW(doc = parse(body));
        ASSERT_FALSE(doc.ok());
        EXPECT_EQ(doc.error().rfind("feed: ", 0), 0u) << doc.error();
    }
}

TEST_F(FeedParser, ReasonListCoversEveryCountedReason) {
    const auto reasons = net::rejection_reasons();
    const std::set<std::string_view> unique(reasons.begin(), reasons.end());
    EXPECT_EQ(unique.size(), reasons.size());
    const auto doc = parse(feed_fixture("bad_records.json"));
    ASSERT_TRUE(doc.ok()) << doc.error();
    for (const auto& [reason, count] : doc.value().rejected) {
        EXPECT_TRUE(unique.contains(reason)) << reason;
    }
}

}  // namespace
}  // namespace tsur
