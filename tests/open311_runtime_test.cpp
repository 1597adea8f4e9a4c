// End to end through the wall's own start-up path: a config with feed.type "open311" pointing at
// a loopback server that answers with the specification's sample responses (points moved into
// Udmurtia); the snapshot the runtime publishes must hold what those requests say.
#include "app/wall_runtime.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <mutex>
#include <thread>

#include "support/paths.hpp"
#include "support/scripted_http_server.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using namespace std::chrono_literals;

std::string sample(const std::string& name) {
    return test::read_file(test::data_path("open311/" + name));
}

using test::at;

TEST(Open311Runtime, PublishesTheSampleRequestsThroughTheWallRuntime) {
    const std::string services = sample("services_example.json");
    const std::string requests = sample("requests_udmurtia.json");
    boost::asio::io_context server_io;
    test::ScriptedHttpServer server(server_io, [&](const test::SeenRequest& r, std::size_t) {
        test::ScriptedReply reply;
        reply.headers = {{"Content-Type", "application/json"}};
        reply.body = r.target.starts_with("/open311/v2/services.json") ? services : requests;
        return reply;
    });
    std::thread server_thread([&] { server_io.run(); });

    const auto cache_dir = std::filesystem::temp_directory_path() /
                           ("tsur-open311-runtime-" + std::to_string(::getpid()));
    std::filesystem::remove_all(cache_dir);
    std::filesystem::create_directories(cache_dir);

    auto assets = app::load_wall_assets(test::source_dir(), "RU-UD");
    ASSERT_TRUE(assets.ok()) << assets.error();
    app::RuntimeOptions options;
    options.conf.feed.type = config::FeedType::open311;
    options.conf.feed.url = server.url("/open311/v2/requests.json");
    options.conf.cache_dir = cache_dir;
    options.conf.status_server.enabled = false;
    std::mutex log_mutex;
    std::vector<std::string> log_lines;
    app::Logger log({}, [&](std::string_view line) {
        std::lock_guard lock(log_mutex);
        log_lines.emplace_back(line);
    });

    model::SnapshotPtr snap;
    {
        app::WallRuntime runtime(assets.value(), options, log);
        const auto started = runtime.start();
        ASSERT_TRUE(started.ok()) << started.error();
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!(snap = runtime.store.current()) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(10ms);
        }
        runtime.stop();
    }
    server_io.stop();
    server_thread.join();
    std::filesystem::path cache = cache_dir / "feed.cache";
    const bool cached = std::filesystem::exists(cache);
    std::filesystem::remove_all(cache_dir);

    ASSERT_NE(snap, nullptr) << "nothing published; log: "
                             << (log_lines.empty() ? "" : log_lines.back());
    EXPECT_TRUE(cached) << "the merged document is the last-known-good cache";
    ASSERT_GE(server.requests().size(), 2u);
    EXPECT_EQ(server.requests()[0].target, "/open311/v2/services.json");
    const std::string& page = server.requests()[1].target;
    EXPECT_TRUE(page.starts_with("/open311/v2/requests.json?start_date=")) << page;
    EXPECT_NE(page.find("&page=1&page_size=1000"), std::string::npos) << page;

    ASSERT_EQ(snap->incidents.size(), 2u);
    EXPECT_TRUE(snap->rejected.empty());
    const model::Incident* closed = nullptr;
    const model::Incident* open = nullptr;
    for (const auto& i : snap->incidents) {
        if (i.id == "311-638344") closed = &i;
        if (i.id == "311-638349") open = &i;
    }
    ASSERT_TRUE(closed && open);
    const auto& region = *assets.value().assets.region;

    EXPECT_EQ(closed->status, model::Status::resolved);
    EXPECT_EQ(closed->sector, model::Sector::roads);  // "Sidewalk and Curb Issues" in the mapping
    EXPECT_EQ(closed->channel, model::Channel::app);
    EXPECT_EQ(closed->created_at, at("2010-04-14T14:37:38Z"));
    EXPECT_EQ(closed->due_at, at("2010-04-15T14:37:38Z"));
    EXPECT_EQ(closed->answered_at, at("2010-04-14T14:37:38Z"));
    EXPECT_EQ(closed->agency, "");  // agency_responsible is null and the mapping has no default
    EXPECT_EQ(region.municipalities[closed->municipality].id, "izhevsk");
    ASSERT_TRUE(closed->location.has_value());
    EXPECT_DOUBLE_EQ(closed->location->lat, 56.852221815);
    EXPECT_EQ(closed->title, "Sidewalk and Curb Issues — 8TH AVE and JUDAH ST");

    EXPECT_EQ(open->status, model::Status::in_progress);
    EXPECT_EQ(open->sector, model::Sector::roads);
    EXPECT_EQ(open->created_at, at("2010-04-19T14:37:38Z"));
    EXPECT_EQ(open->due_at, at("2010-04-19T14:37:38Z"));
    EXPECT_FALSE(open->answered_at.has_value());
    EXPECT_EQ(region.municipalities[open->municipality].id, "sarapul");
}

}  // namespace
}  // namespace tsur
