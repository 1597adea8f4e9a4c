// The feed client against a server that lies: an as_of or Date from the future, a Retry-After
// that would overflow, a document whose records are all refused, error bodies with any status.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "app/feed_source.hpp"
#include "model/sla_rules.hpp"
#include "feed/feed_client.hpp"
#include "formats/feed_parser.hpp"
#include "server/http_handler.hpp"
#include "formats/open311_parser.hpp"
#include "feed/snapshot_cache.hpp"
#include "support/fault_feed_document.hpp"
#include "support/region_fixture.hpp"
#include "support/scripted_http_server.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

namespace chr = std::chrono;
using namespace std::chrono_literals;
using test::ScriptedReply;
using test::SeenRequest;

const model::TimePoint kYear2099 = test::at("2099-01-01T00:00:00Z");

model::TimePoint minutes_ago(int n) {
    return chr::floor<model::Seconds>(chr::system_clock::now()) - chr::minutes{n};
}

ScriptedReply json_reply(std::string body, unsigned status = 200) {
    ScriptedReply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = {{"Content-Type", "application/json"}};
    return r;
}

bool mentions(const std::vector<std::string>& lines, std::string_view text) {
    for (const auto& l : lines) {
        if (l.find(text) != std::string::npos) return true;
    }
    return false;
}

class HostileFeed : public ::testing::Test {
protected:
    HostileFeed()
        : region_(std::make_shared<const model::Region>(test::udmurtia_region())),
          rules_(std::make_shared<const model::SlaRules>(model::SlaRules::defaults())) {}

    net::FeedClientConfig config_for(std::string url) const {
        net::FeedClientConfig c;
        c.url = std::move(url);
        c.poll_interval = 50ms;
        c.backoff_base = 20ms;
        c.backoff_cap = 100ms;
        c.retry_after_cap = 300ms;
        c.connect_timeout = 2s;
        c.total_timeout = 5s;
        c.jitter_seed = 3;
        c.cache_file = dir_.path / "feed.cache";
        return c;
    }

    std::unique_ptr<net::FeedClient> make_client(net::FeedClientConfig c) {
        auto client = std::make_unique<net::FeedClient>(
            io_, std::move(c), app::make_ingest(app::v1_parser(region_), region_, rules_), store_,
            stats_, clock_);
        client->on_poll([this](const net::PollOutcome& o) { outcomes_.push_back(o); });
        return client;
    }

    bool run_until(const std::function<bool()>& done, chr::milliseconds limit = 5s) {
        const auto deadline = chr::steady_clock::now() + limit;
        while (!done() && chr::steady_clock::now() < deadline) io_.run_for(5ms);
        return done();
    }

    std::optional<model::TimePoint> cached_as_of() const {
        const auto loaded = net::SnapshotCache(dir_.path / "feed.cache").load();
        if (!loaded || !loaded.value()) return std::nullopt;
        return loaded.value()->as_of;
    }

    test::TempDir dir_;
    boost::asio::io_context io_;
    std::shared_ptr<const model::Region> region_;
    std::shared_ptr<const model::SlaRules> rules_;
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
    std::vector<net::PollOutcome> outcomes_;
};

TEST_F(HostileFeed, DocumentFrom2099IsRefusedAndTheNextCorrectOneIsShown) {
    const auto good = minutes_ago(3);
    const auto later = minutes_ago(1);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        if (i == 0) return json_reply(test::fault_feed_document(good));
        if (i == 1) return json_reply(test::fault_feed_document(kYear2099));
        return json_reply(test::fault_feed_document(later));
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return outcomes_.size() >= 3; }));

    EXPECT_EQ(outcomes_[0].result, net::PollResult::ok);
    EXPECT_EQ(outcomes_[1].result, net::PollResult::as_of_future);
    EXPECT_FALSE(outcomes_[1].published);
    EXPECT_NE(outcomes_[1].message.find("2099-01-01T00:00:00Z"), std::string::npos)
        << outcomes_[1].message;
    EXPECT_NE(outcomes_[1].message.find("10 min ahead"), std::string::npos) << outcomes_[1].message;
    // The next correct document is not "backwards": it is shown at the very next poll.
    EXPECT_EQ(outcomes_[2].result, net::PollResult::ok) << outcomes_[2].message;
    ASSERT_TRUE(store_.current());
    EXPECT_EQ(store_.current()->as_of, later);
    EXPECT_EQ(cached_as_of(), later) << "the 2099 document must never be cached";
    EXPECT_LT(clock_.now(), chr::system_clock::now() + 1min) << "server time moved to 2099";
    EXPECT_EQ(stats_.snapshot().polls.at(net::PollResult::as_of_future), 1u);
}

TEST_F(HostileFeed, CacheFrom2099IsIgnoredAtStartAndCorrectDataFollows) {
    // What a wall without this check wrote: the cache must not lock the restarted wall out.
    const auto body = test::fault_feed_document(kYear2099);
    ASSERT_TRUE(
        net::SnapshotCache(dir_.path / "feed.cache").store(body, kYear2099, "tsur.feed.v1"));
    const auto now_ish = minutes_ago(1);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        return json_reply(test::fault_feed_document(now_ish));
    });
    auto client = make_client(config_for(server.url()));
    const auto restored = client->restore_from_cache();
    ASSERT_FALSE(restored.ok());
    EXPECT_NE(restored.error().find("ahead of this wall's clock"), std::string::npos)
        << restored.error();
    EXPECT_EQ(store_.current(), nullptr);
    EXPECT_EQ(clock_.offset(), 0ms);

    client->start();
    ASSERT_TRUE(run_until([&] { return store_.current() != nullptr; }));
    EXPECT_EQ(store_.current()->as_of, now_ish);
    EXPECT_EQ(cached_as_of(), now_ish);
}

TEST_F(HostileFeed, ShownSnapshotFromTheFutureIsReplacedByCorrectData) {
    // A snapshot already shown with a far-future as_of (accepted by an older wall, or the PC's
    // clock was stepped back since): correct data must replace it, not be "backwards".
    auto future = net::parse_feed_v1(test::fault_feed_document(kYear2099), *region_);
    ASSERT_TRUE(future.ok());
    store_.publish(model::build_snapshot(future.take(), region_, *rules_),
                   net::SnapshotOrigin::feed);
    const auto now_ish = minutes_ago(1);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        return json_reply(test::fault_feed_document(now_ish));
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return !outcomes_.empty(); }));
    EXPECT_EQ(outcomes_[0].result, net::PollResult::ok) << outcomes_[0].message;
    EXPECT_EQ(store_.current()->as_of, now_ish);
    EXPECT_TRUE(mentions(outcomes_[0].notes, "replacing the shown snapshot"))
        << outcomes_[0].notes.size();
}

TEST_F(HostileFeed, DateHeaderFrom2099DoesNotMoveServerTime) {
    const auto now_ish = minutes_ago(1);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        auto r = json_reply(test::fault_feed_document(now_ish));
        r.headers.emplace_back("Date", net::http_date(kYear2099));
        return r;
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return outcomes_.size() >= 2; }));
    EXPECT_EQ(outcomes_[0].result, net::PollResult::ok);
    EXPECT_LT(clock_.offset(), 1min);
    EXPECT_TRUE(mentions(outcomes_[0].notes, "server Date 2099-01-01T00:00:00Z"));
    // Said once, not at every poll.
    EXPECT_FALSE(mentions(outcomes_[1].notes, "server Date"));
}

TEST_F(HostileFeed, HugeRetryAfterWaitsTheCapNotLess) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        ScriptedReply r;
        r.status = 503;
        r.body = "busy";
        r.headers = {{"Retry-After", "9223372036854775807"}};
        return r;
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return !outcomes_.empty(); }));
    EXPECT_EQ(outcomes_[0].result, net::PollResult::http_5xx);
    EXPECT_EQ(outcomes_[0].next_poll, 300ms);
}

TEST_F(HostileFeed, AllRecordsRejectedKeepsLastGoodDataAndNamesThem) {
    const auto good = minutes_ago(3);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        if (i == 0) return json_reply(test::fault_feed_document(good));
        return json_reply(test::all_rejected_document(minutes_ago(1)));
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return outcomes_.size() >= 2; }));
    const auto& o = outcomes_[1];
    EXPECT_EQ(o.result, net::PollResult::all_rejected);
    EXPECT_FALSE(net::is_success(o.result));
    EXPECT_NE(o.message.find("all 7 records"), std::string::npos) << o.message;
    EXPECT_NE(o.message.find("unknown_status 7"), std::string::npos) << o.message;
    ASSERT_TRUE(store_.current());
    EXPECT_EQ(store_.current()->as_of, good) << "the last good data must stay";
    EXPECT_EQ(cached_as_of(), good);
    // Five records by id, then one summary: a log that a bad feed cannot flood.
    ASSERT_EQ(o.notes.size(), 6u);
    EXPECT_EQ(o.notes[0], "record \"UD-OPEN-1\" dropped: unknown_status");
    EXPECT_EQ(o.notes[4], "record \"UD-OPEN-5\" dropped: unknown_status");
    EXPECT_NE(o.notes[5].find("7 records dropped in all (unknown_status 7)"), std::string::npos)
        << o.notes[5];
    EXPECT_EQ(stats_.snapshot().rejected_records.at("unknown_status"), 7u * (outcomes_.size() - 1));
    EXPECT_TRUE(net::is_content_failure(net::PollResult::all_rejected));
}

TEST_F(HostileFeed, ServerErrorDescriptionIsShownForAnyStatus) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        if (i == 0) return json_reply(R"([{"code":403,"description":"Invalid api_key"}])", 403);
        if (i == 1) {
            return json_reply(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>"
                "<description>jurisdiction_id not found</description></error></errors>",
                404);
        }
        return json_reply(R"([{"code":400,"description":"start_date\nmust be before end_date"}])",
                          400);
    });
    auto c = config_for(server.url());
    c.describe_error = [](std::string_view body) { return net::open311_server_error(body); };
    auto client = make_client(c);
    client->start();
    ASSERT_TRUE(run_until([&] { return outcomes_.size() >= 3; }));
    EXPECT_EQ(outcomes_[0].result, net::PollResult::http_4xx);
    EXPECT_NE(outcomes_[0].message.find("HTTP 403"), std::string::npos) << outcomes_[0].message;
    EXPECT_NE(outcomes_[0].message.find("the server says: 403: Invalid api_key"), std::string::npos)
        << outcomes_[0].message;
    EXPECT_NE(outcomes_[1].message.find("404: jurisdiction_id not found"), std::string::npos)
        << outcomes_[1].message;
    // A newline from the server cannot split the log line.
    EXPECT_NE(outcomes_[2].message.find("400: start_date must be before end_date"),
              std::string::npos)
        << outcomes_[2].message;
}

}  // namespace
}  // namespace tsur
