// Through the wall's own start-up path: a v1 feed that sends no "history" still gets one, and
// the days it no longer holds survive a restart of the wall.
#include "app/wall_runtime.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "support/fault_feed_document.hpp"
#include "support/paths.hpp"

namespace tsur {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using std::chrono::sys_days;

/// Runs the wall on `feed_file` until it shows the document dated `as_of`; that snapshot.
model::SnapshotPtr run_until_shown(app::WallAssets& assets, const fs::path& state_dir,
                                   const fs::path& feed_file, model::TimePoint as_of) {
    app::RuntimeOptions options;
    options.conf.feed.url = "file://" + feed_file.string();
    options.conf.cache_dir = state_dir;
    options.conf.status_server.enabled = false;
    app::Logger log({}, [](std::string_view) {});
    app::WallRuntime runtime(assets, options, log);
    if (!runtime.start().ok()) return nullptr;
    model::SnapshotPtr snap;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        snap = runtime.store.current();
        if (snap && snap->as_of == as_of) break;
        std::this_thread::sleep_for(10ms);
    }
    runtime.stop();
    return snap && snap->as_of == as_of ? snap : nullptr;
}

std::uint32_t history_count(const model::Snapshot& snap, sys_days day, std::string_view muni,
                            model::Sector sector) {
    const auto m = snap.region->find(muni);
    std::uint32_t n = 0;
    for (const auto& d : snap.history) {
        if (d.day == day && d.municipality == m && d.sector == sector) n += d.count;
    }
    return n;
}

TEST(HistoryRuntime, FeedWithoutHistoryKeepsEarlierDaysAcrossARestart) {
    const fs::path dir =
        fs::temp_directory_path() / ("tsur-history-runtime-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path feed = dir / "snapshot.json";
    auto assets = app::load_wall_assets(test::source_dir(), "RU-UD");
    ASSERT_TRUE(assets.ok()) << assets.error();

    // The document's incidents were created 2 h, 20 h and 50 h before as_of (local days D, D-1
    // and D-2 in Izhevsk), and it has no "history" block. The later document must not lie in
    // the future of this PC's clock (the wall refuses that), so D is eleven days ago.
    const model::TimePoint first_as_of =
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
        std::chrono::days{11} + std::chrono::hours{10};
    std::ofstream(feed) << test::fault_feed_document(first_as_of);
    ASSERT_EQ(test::read_file(feed).find("\"history\""), std::string::npos);
    const auto first = run_until_shown(assets.value(), dir, feed, first_as_of);
    ASSERT_NE(first, nullptr);
    const sys_days day_d_minus_2 =
        std::chrono::floor<std::chrono::days>(first_as_of) - std::chrono::days{2};
    EXPECT_EQ(history_count(*first, day_d_minus_2, "izhevsk", model::Sector::waste), 1u);
    EXPECT_TRUE(fs::exists(dir / "history.json"));

    // Ten days later the feed holds none of those incidents any more; the wall restarted since.
    // Without its last-known-good cache, which would bring the old document itself back.
    fs::remove(dir / "feed.cache");
    const auto later_as_of = first_as_of + std::chrono::days{10};
    std::ofstream(feed, std::ios::trunc) << test::fault_feed_document(later_as_of);
    const auto later = run_until_shown(assets.value(), dir, feed, later_as_of);
    fs::remove_all(dir);
    ASSERT_NE(later, nullptr);
    EXPECT_EQ(history_count(*later, day_d_minus_2, "izhevsk", model::Sector::waste), 1u);
    EXPECT_EQ(history_count(*later, day_d_minus_2 + std::chrono::days{1}, "sarapul",
                            model::Sector::housing),
              1u);
    EXPECT_EQ(history_count(*later, day_d_minus_2 + std::chrono::days{10}, "izhevsk",
                            model::Sector::waste),
              1u);
}

}  // namespace
}  // namespace tsur
