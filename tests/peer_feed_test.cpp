// bench/peer_feed.py: the browser dashboard's snapshot becomes a feed v1 document the wall takes
// whole, so the side-by-side benchmark shows both apps the same incidents.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <string>

#include "model/enums.hpp"
#include "formats/feed_parser.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using test::at;

TEST(PeerFeed, ConvertsBrowserSnapshotRecordForRecord) {
    if (std::system("python3 -c pass >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
    const test::TempDir tmp;
    const auto snapshot = test::data_path("peer-web/snapshot-150.json");
    const auto out = tmp.path / "feed.json";
    const std::string cmd = "python3 '" + (test::source_dir() / "bench/peer_feed.py").string() +
                            "' convert '" + snapshot.string() + "' '" + out.string() +
                            "' --as-of 2026-11-23T10:15:00Z >/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

    const auto doc = net::parse_feed_v1(test::read_file(out), test::udmurtia_region());
    ASSERT_TRUE(doc.ok()) << doc.error();
    const auto& d = doc.value();
    EXPECT_TRUE(d.rejected.empty());
    EXPECT_EQ(d.as_of, at("2026-11-23T10:15:00Z"));

    const auto peer = nlohmann::json::parse(test::read_file(snapshot));
    std::map<std::string, std::string> peer_status;
    for (const auto& inc : peer["incidents"]) peer_status[inc["id"]] = inc["status"];
    ASSERT_EQ(d.incidents.size(), peer_status.size());
    int open = 0, peer_open = 0, overdue = 0, peer_overdue = 0;
    for (const auto& [id, status] : peer_status) {
        peer_open += status != "answered";
        peer_overdue += status == "overdue";
    }
    for (const auto& inc : d.incidents) {
        ASSERT_TRUE(peer_status.count(inc.id)) << inc.id;
        const std::string& was = peer_status[inc.id];
        EXPECT_EQ(model::is_open(inc.status), was != "answered") << inc.id;
        EXPECT_EQ(inc.answered_at.has_value(), was == "answered") << inc.id;
        ASSERT_TRUE(inc.feed_due_at.has_value()) << inc.id;
        open += model::is_open(inc.status);
        overdue += model::is_open(inc.status) && *inc.feed_due_at < d.as_of;
    }
    EXPECT_EQ(open, peer_open);
    EXPECT_GT(peer_overdue, 0);
    EXPECT_EQ(overdue, peer_overdue);
}

}  // namespace
}  // namespace tsur
