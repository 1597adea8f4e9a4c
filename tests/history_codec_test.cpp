// The history file format: round trips, ids instead of indices, and errors that name the field.
#include "model/history_codec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

const sys_days kNov23 = sys_days{std::chrono::year{2026} / 11 / 23};

Region region_of(std::vector<std::string> ids) {
    Region r;
    r.code = "RU-UD";
    for (auto& id : ids) {
        Municipality m;
        m.id = std::move(id);
        r.municipalities.push_back(std::move(m));
    }
    return r;
}

HistoryBook sample_book(const Region& region) {
    HistoryBook book(region.municipalities.size());
    const auto cells = region.municipalities.size() * kSectorCount;
    HistoryBook::DayCounts busy(cells, 0);
    busy[0 * kSectorCount + index_of(Sector::roads)] = 3;
    busy[1 * kSectorCount + index_of(Sector::housing)] = 17;
    busy[2 * kSectorCount + index_of(Sector::other)] = 4000000000u;
    book.set_day(kNov23 - days{1}, busy);
    book.set_day(kNov23, HistoryBook::DayCounts(cells, 0));  // a quiet day, still a day
    return book;
}

TEST(HistoryCodec, RoundTripKeepsEveryDayAndCount) {
    const Region region = region_of({"izhevsk", "sarapul", "votkinsk"});
    const HistoryBook book = sample_book(region);
    const std::string text = encode_history(book, region);
    EXPECT_NE(text.find("\"schema\":\"tsur.history.v1\""), std::string::npos);
    EXPECT_NE(text.find("\"izhevsk\":{\"roads\":3}"), std::string::npos);

    auto decoded = decode_history(text, region, "history.json");
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(decoded.value().book.days(), book.days());
    EXPECT_EQ(decoded.value().unknown_municipalities, 0u);
    EXPECT_EQ(decoded.value().unknown_sectors, 0u);
}

TEST(HistoryCodec, SurvivesAReorderedMunicipalityList) {
    const Region before = region_of({"izhevsk", "sarapul", "votkinsk"});
    const Region after = region_of({"votkinsk", "glazov", "izhevsk", "sarapul"});
    const std::string text = encode_history(sample_book(before), before);
    auto decoded = decode_history(text, after, "history.json");
    ASSERT_TRUE(decoded) << decoded.error();
    const HistoryBook& book = decoded.value().book;
    EXPECT_EQ(book.count(kNov23 - days{1}, *after.find("izhevsk"), Sector::roads), 3u);
    EXPECT_EQ(book.count(kNov23 - days{1}, *after.find("sarapul"), Sector::housing), 17u);
    EXPECT_EQ(book.count(kNov23 - days{1}, *after.find("votkinsk"), Sector::other), 4000000000u);
    EXPECT_EQ(book.count(kNov23 - days{1}, *after.find("glazov"), Sector::roads), 0u);
}

TEST(HistoryCodec, SkipsAndCountsUnknownIds) {
    const Region region = region_of({"izhevsk"});
    const std::string text = R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
        {"day":"2026-11-22","counts":{"izhevsk":{"roads":2,"teleportation":5},
                                      "atlantis":{"roads":1},"lemuria":{"waste":1}}}]})";
    auto decoded = decode_history(text, region, "history.json");
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(decoded.value().unknown_municipalities, 2u);
    EXPECT_EQ(decoded.value().unknown_sectors, 1u);
    EXPECT_EQ(decoded.value().book.count(kNov23 - days{1}, 0, Sector::roads), 2u);
}

struct BadCase {
    const char* text;
    const char* field;
};

TEST(HistoryCodec, ErrorsNameTheFileAndField) {
    const Region region = region_of({"izhevsk"});
    const std::vector<BadCase> cases{
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
            {"day":"2026-11-22","counts":{"izhevsk":{"roads":-1}}}]})",
         "days[0].counts.izhevsk.roads"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
            {"day":"2026-11-22","counts":{}},
            {"day":"2026-11-31","counts":{}}]})",
         "days[1].day"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
            {"day":"2026-11-22","counts":{}}, {"day":"2026-11-22","counts":{}}]})",
         "days[1].day"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
            {"day":"2026-11-22","counts":[]}]})",
         "days[0].counts"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[
            {"day":"2026-11-22","counts":{"izhevsk":{"roads":2.5}}}]})",
         "days[0].counts.izhevsk.roads"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":{}})", "days"},
        {R"({"schema":"tsur.history.v1","region":"RU-TA","days":[]})", "region"},
        {R"({"schema":"tsur.feed.v1","region":"RU-UD","days":[]})", "schema"},
        {R"({"schema":"tsur.history.v1","region":"RU-UD","days":[)", "not valid JSON"},
    };
    for (const auto& c : cases) {
        auto decoded = decode_history(c.text, region, "/var/lib/tsur-wall/history.json");
        ASSERT_FALSE(decoded) << c.text;
        EXPECT_NE(decoded.error().find("/var/lib/tsur-wall/history.json: "), std::string::npos)
            << decoded.error();
        EXPECT_NE(decoded.error().find(c.field), std::string::npos) << decoded.error();
    }
}

TEST(HistoryCodec, EmptyBookIsAnEmptyDayList) {
    const Region region = region_of({"izhevsk"});
    auto decoded = decode_history(encode_history(HistoryBook(1), region), region, "h.json");
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_TRUE(decoded.value().book.empty());
}

}  // namespace
}  // namespace tsur::model
