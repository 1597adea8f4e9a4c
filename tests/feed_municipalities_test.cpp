// A v1 document's own municipality list (docs/feed-api.md 3.7): incidents are placed by it, the
// heatmap and board name its places, a bad block leaves the wall's own list, and the history book
// follows the list in use.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/history_store.hpp"
#include "display/board_rows.hpp"
#include "display/heatmap_data.hpp"
#include "display/strings.hpp"
#include "display/widget_common.hpp"
#include "formats/feed_parser.hpp"
#include "formats/feed_reasons.hpp"
#include "model/sla_rules.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

/// Two okrugs the shipped Udmurt list does not have, in the region's south and north.
constexpr const char* kTwoOkrugs = R"("municipalities": [
    {"id": "south-okrug", "name": "Южный округ", "name_en": "South Okrug", "lat": 56.5,
     "lon": 53.4, "population": 120000, "urban": true},
    {"id": "north-okrug", "name": "Северный округ", "lat": 57.9, "lon": 52.8}])";

std::string incident(const std::string& id, const std::string& municipality) {
    return R"({"id": ")" + id + R"(", "channel": "vk", "sector": "roads", "municipality": ")" +
           municipality + R"(", "title": "Яма", "status": "new",
           "created_at": "2026-11-23T08:00:00Z"})";
}

/// A v1 document with `incidents` (joined) and `block` ("municipalities": ...) before or after.
std::string document(const std::vector<std::string>& incidents, const std::string& block,
                     bool block_first = false) {
    std::string list;
    for (const auto& i : incidents) list += (list.empty() ? "" : ",") + i;
    const std::string head = R"({"schema": "tsur.feed.v1", "region": {"code": "RU-UD"},
        "as_of": "2026-11-23T10:15:00Z",)";
    const std::string body = R"("incidents": [)" + list + "]";
    if (block.empty()) return head + body + "}";
    return head + (block_first ? block + "," + body : body + "," + block) + "}";
}

struct Parsed {
    model::Region wall = test::udmurtia_region();
    model::FeedDocument doc;
};

Parsed parse(const std::string& body) {
    Parsed p;
    auto doc = net::parse_feed_v1(body, p.wall);
    EXPECT_TRUE(doc) << doc.error();
    if (doc) p.doc = doc.take();
    return p;
}

std::string name_of(const model::FeedDocument& doc, const model::Incident& inc) {
    if (model::is_region_wide(inc.municipality) || !doc.region) return "";
    return doc.region->municipalities.at(inc.municipality).name_ru;
}

TEST(FeedMunicipalities, IncidentsOnTheDocumentsIdsBelongToThem) {
    for (const bool block_first : {true, false}) {
        const auto p = parse(document({incident("A", "north-okrug"), incident("B", "south-okrug")},
                                      kTwoOkrugs, block_first));
        ASSERT_TRUE(p.doc.region);
        EXPECT_EQ(p.doc.region->municipalities.size(), 2u);
        EXPECT_EQ(p.doc.region->code, "RU-UD");
        EXPECT_EQ(p.doc.region->time_zone, p.wall.time_zone);
        ASSERT_EQ(p.doc.incidents.size(), 2u);
        EXPECT_EQ(name_of(p.doc, p.doc.incidents[0]), "Северный округ");
        EXPECT_EQ(name_of(p.doc, p.doc.incidents[1]), "Южный округ");
        EXPECT_TRUE(p.doc.region_wide.empty());
        EXPECT_TRUE(p.doc.rejected.empty());
    }
}

TEST(FeedMunicipalities, EntriesCarryTheirNamesCentresAndPopulation) {
    const auto p = parse(document({}, kTwoOkrugs));
    ASSERT_TRUE(p.doc.region);
    const model::Municipality& south = p.doc.region->municipalities[0];
    EXPECT_EQ(south.id, "south-okrug");
    EXPECT_EQ(south.name_en, "South Okrug");
    EXPECT_TRUE(south.urban);
    EXPECT_DOUBLE_EQ(south.centre.lat, 56.5);
    EXPECT_EQ(south.population, 120000);
    EXPECT_FALSE(p.doc.region->municipalities[1].population.has_value());
    // The capital's own id is not in the list: the place nearest Izhevsk (56.85 N) stands in.
    EXPECT_EQ(p.doc.region->capital, 0u);
}

TEST(FeedMunicipalities, UnknownIdIsCountedUnderTheWholeRegion) {
    // "izhevsk" is on the wall's own list, but the document's list replaces that list.
    const auto p = parse(document(
        {incident("A", "north-okrug"), incident("B", "atlantis"), incident("C", "izhevsk")},
        kTwoOkrugs));
    ASSERT_EQ(p.doc.incidents.size(), 3u);
    EXPECT_FALSE(model::is_region_wide(p.doc.incidents[0].municipality));
    EXPECT_TRUE(model::is_region_wide(p.doc.incidents[1].municipality));
    EXPECT_TRUE(model::is_region_wide(p.doc.incidents[2].municipality));
    EXPECT_EQ(p.doc.region_wide,
              (std::map<std::string, std::uint32_t>{{"unknown_municipality", 2}}));
}

TEST(FeedMunicipalities, BadEntriesAreDroppedWithAReasonAndTheRestUsed) {
    const auto p = parse(document({incident("A", "north-okrug")},
                                  R"("municipalities": [
            {"id": "north-okrug", "name": "Северный округ", "lat": 57.9, "lon": 52.8},
            {"id": "north-okrug", "name": "Ещё один", "lat": 57.0, "lon": 52.0},
            {"id": "far", "name": "Далеко", "lat": 91, "lon": 52.0},
            {"id": "", "name": "Без id", "lat": 57.0, "lon": 52.0},
            {"id": "nameless", "lat": 57.0, "lon": 52.0},
            {"id": "crowd", "name": "Толпа", "lat": 57.0, "lon": 52.0, "population": -5},
            "not an object"])"));
    ASSERT_TRUE(p.doc.region);
    EXPECT_EQ(p.doc.region->municipalities.size(), 1u);
    EXPECT_EQ(p.doc.rejected, (std::map<std::string, std::uint32_t>{
                                  {"bad_municipality", 5}, {"duplicate_municipality", 1}}));
    EXPECT_EQ(net::rejected_records(p.doc.rejected), 0u) << "entries are not incidents";
    EXPECT_EQ(p.doc.incidents.size(), 1u);
    EXPECT_EQ(name_of(p.doc, p.doc.incidents[0]), "Северный округ");
}

TEST(FeedMunicipalities, MalformedBlockIsLoggedAndTheWallsListKept) {
    for (const std::string block :
         {R"("municipalities": "south-okrug")", R"("municipalities": {"id": "south-okrug"})",
          R"("municipalities": [])", R"("municipalities": [{"id": "south-okrug"}, 7])"}) {
        const auto p =
            parse(document({incident("A", "izhevsk"), incident("B", "south-okrug")}, block));
        EXPECT_FALSE(p.doc.region) << block;
        EXPECT_EQ(p.doc.rejected.count("bad_municipalities"), 1u) << block;
        const auto lines = net::municipalities_log_lines(p.doc);
        ASSERT_EQ(lines.size(), 1u) << block;
        EXPECT_NE(lines[0].find("municipalities block ignored"), std::string::npos) << lines[0];
        ASSERT_EQ(p.doc.incidents.size(), 2u);
        EXPECT_EQ(p.doc.incidents[0].municipality, *p.wall.find("izhevsk")) << block;
        EXPECT_TRUE(model::is_region_wide(p.doc.incidents[1].municipality)) << block;
    }
}

TEST(FeedMunicipalities, HugeBlockOfEmptyEntriesIsCountedAndIgnored) {
    std::string block = R"("municipalities": [)";
    for (int i = 0; i < 200000; ++i) block += i == 0 ? "{}" : ",{}";
    const auto p = parse(document({incident("A", "izhevsk")}, block + "]"));
    EXPECT_FALSE(p.doc.region);
    EXPECT_EQ(p.doc.rejected.at("bad_municipality"), 200000u);
    EXPECT_EQ(p.doc.rejected.at("bad_municipalities"), 1u);
    ASSERT_EQ(p.doc.incidents.size(), 1u);
    EXPECT_EQ(p.doc.incidents[0].municipality, *p.wall.find("izhevsk"));
}

TEST(FeedMunicipalities, DocumentWithoutTheBlockIsReadAsBefore) {
    for (const std::string& block : {std::string(), std::string(R"("municipalities": null)")}) {
        const auto p = parse(document(
            {incident("A", "izhevsk"), incident("B", "sarapul"), incident("C", "atlantis")},
            block));
        EXPECT_FALSE(p.doc.region);
        EXPECT_TRUE(p.doc.rejected.empty());
        EXPECT_TRUE(net::municipalities_log_lines(p.doc).empty());
        ASSERT_EQ(p.doc.incidents.size(), 3u);
        EXPECT_EQ(p.doc.incidents[0].municipality, *p.wall.find("izhevsk"));
        EXPECT_EQ(p.doc.incidents[1].municipality, *p.wall.find("sarapul"));
        EXPECT_TRUE(model::is_region_wide(p.doc.incidents[2].municipality));
        EXPECT_EQ(p.doc.region_wide,
                  (std::map<std::string, std::uint32_t>{{"unknown_municipality", 1}}));
    }
}

TEST(FeedMunicipalities, HistorySeriesNameTheDocumentsIds) {
    auto p = parse(document({}, std::string(kTwoOkrugs) + R"(, "history": {"start": "2026-11-22",
        "days": 2, "series": [{"municipality": "north-okrug", "sector": "roads",
        "counts": [4, 5]}, {"municipality": "izhevsk", "sector": "roads", "counts": [1, 1]}]})"));
    ASSERT_TRUE(p.doc.region);
    ASSERT_EQ(p.doc.history.size(), 2u);
    EXPECT_EQ(p.doc.history[0].municipality, *p.doc.region->find("north-okrug"));
    EXPECT_EQ(p.doc.rejected, (std::map<std::string, std::uint32_t>{{"bad_history_series", 1}}));
}

model::SnapshotPtr snapshot_of(const std::string& body) {
    auto p = parse(body);
    return model::build_snapshot(std::move(p.doc), std::make_shared<const model::Region>(p.wall),
                                 model::SlaRules::defaults());
}

TEST(FeedMunicipalities, HeatmapAndBoardNameTheDocumentsPlaces) {
    const auto snap =
        snapshot_of(document({incident("A", "north-okrug"), incident("B", "north-okrug"),
                              incident("C", "south-okrug"), incident("D", "atlantis")},
                             kTwoOkrugs));
    ASSERT_TRUE(snap->region);
    EXPECT_EQ(snap->region->municipalities.size(), 2u);
    display::FrameContext ctx;
    ctx.strings = &display::strings_for(display::Language::ru);

    const display::HeatmapData heat = display::build_heatmap(*snap, config::WidgetSpec{}, kNow);
    std::vector<std::string> rows;
    for (const auto& r : heat.rows) {
        rows.push_back(std::string(display::municipality_name(ctx, *snap, r.municipality)) + " " +
                       std::to_string(r.raw_total));
    }
    EXPECT_EQ(rows, (std::vector<std::string>{"Северный округ 2", "Южный округ 1",
                                              "весь регион, МО не указано 1"}));

    const auto board = display::build_public_rows(*snap, config::WidgetSpec{}, kNow);
    std::vector<std::string> names;
    for (const auto& r : board) {
        names.push_back(std::string(display::municipality_name(ctx, *snap, r.municipality)));
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Северный округ", "Южный округ",
                                               "весь регион, МО не указано"}));
}

TEST(FeedMunicipalities, SnapshotWithoutTheBlockUsesTheWallsRegion) {
    auto p = parse(document({incident("A", "izhevsk")}, ""));
    const auto wall = std::make_shared<const model::Region>(p.wall);
    const auto snap = model::build_snapshot(std::move(p.doc), wall, model::SlaRules::defaults());
    EXPECT_EQ(snap->region, wall);
}

struct CapturedLog {
    std::vector<std::string> lines;
    app::Logger log{app::LoggerOptions{}, [this](std::string_view l) { lines.emplace_back(l); }};
};

TEST(FeedMunicipalities, HistoryBookFollowsTheListInUse) {
    test::TempDir dir;
    CapturedLog captured;
    const auto wall = std::make_shared<const model::Region>(test::udmurtia_region());
    app::HistoryStore store(app::history_file(dir.path, false), wall, captured.log);
    store.load();
    const auto nov23 = std::chrono::floor<std::chrono::days>(kNow);
    // Twelve days on, the 23rd is no longer recounted from the snapshot: only the book has it.
    const auto later = kNow + std::chrono::days{12};
    const auto rules = model::SlaRules::defaults();
    // What the wall does with a document it publishes: fill, build, record.
    const auto publish = [&](model::FeedDocument& doc) {
        store.fill(doc);
        store.record(*model::build_snapshot(doc, wall, rules));
    };

    auto own = net::parse_feed_v1(
        document({incident("A", "izhevsk"), incident("B", "sarapul")}, ""), *wall);
    ASSERT_TRUE(own);
    publish(own.value());
    EXPECT_EQ(store.book().count(nov23, *wall->find("sarapul"), model::Sector::roads), 1u);

    const std::string with_sarapul = R"("municipalities": [
        {"id": "north-okrug", "name": "Северный округ", "lat": 57.9, "lon": 52.8},
        {"id": "sarapul", "name": "Сарапул", "lat": 56.47, "lon": 53.8}])";
    auto listed = net::parse_feed_v1(document({}, with_sarapul), *wall);
    ASSERT_TRUE(listed);
    listed.value().as_of = later;
    const auto feed_region = listed.value().region;
    ASSERT_TRUE(feed_region);
    publish(listed.value());
    // Sarapul's count moved to its index in the document's list; Izhevsk has no place there.
    EXPECT_EQ(store.book().municipality_count(), 2u);
    EXPECT_EQ(store.book().count(nov23, *feed_region->find("sarapul"), model::Sector::roads), 1u);
    EXPECT_EQ(store.book().count(nov23, *feed_region->find("north-okrug"), model::Sector::roads),
              0u);
    ASSERT_FALSE(listed.value().history.empty());
    for (const auto& d : listed.value().history) {
        EXPECT_LT(d.municipality, feed_region->municipalities.size());
    }

    auto back = net::parse_feed_v1(document({}, ""), *wall);
    ASSERT_TRUE(back);
    back.value().as_of = later;
    publish(back.value());
    EXPECT_EQ(store.book().municipality_count(), wall->municipalities.size());
    EXPECT_EQ(store.book().count(nov23, *wall->find("sarapul"), model::Sector::roads), 1u);
    EXPECT_EQ(store.book().count(nov23, *wall->find("izhevsk"), model::Sector::roads), 0u);
}

}  // namespace
}  // namespace tsur
