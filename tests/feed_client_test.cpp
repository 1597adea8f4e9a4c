// Feed client against a scripted loopback server: conditional GET, gzip, failures, backoff,
// body cap, bad and backwards documents, clock offset, bearer token, file:// and the cache.
#include "app/feed_source.hpp"
#include "feed/feed_client.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <boost/asio/steady_timer.hpp>
#include <ctime>
#include <fstream>

#include "model/region_loader.hpp"
#include "formats/feed_parser.hpp"
#include "support/paths.hpp"
#include "support/scripted_http_server.hpp"
#include "support/temp_dir.hpp"

namespace tsur {
namespace {

namespace chr = std::chrono;
using namespace std::chrono_literals;
using test::ScriptedReply;
using test::SeenRequest;

std::string gzip(std::string_view in) {
    z_stream z{};
    EXPECT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
              Z_OK);
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string http_date(chr::system_clock::time_point t) {
    const std::time_t tt = chr::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

ScriptedReply status_reply(unsigned status,
                           std::vector<std::pair<std::string, std::string>> headers = {}) {
    ScriptedReply r;
    r.status = status;
    r.body = status == 304 ? "" : "server says no";
    r.headers = std::move(headers);
    return r;
}

ScriptedReply hang_reply() {
    ScriptedReply r;
    r.hang = true;
    return r;
}

std::string with_as_of(std::string body, const std::string& as_of) {
    const std::string key = "\"as_of\": \"";
    const auto at = body.find(key) + key.size();
    body.replace(at, body.find('"', at) - at, as_of);
    return body;
}

using test::TempDir;

class FeedClientTest : public ::testing::Test {
protected:
    FeedClientTest() {
        auto region = model::parse_region(
            test::read_file(test::asset_path("regions/RU-UD/region.json")),
            test::read_file(test::asset_path("regions/RU-UD/municipalities.csv")), "region.json",
            "municipalities.csv");
        EXPECT_TRUE(region.ok()) << (region.ok() ? "" : region.error());
        region_ = std::make_shared<const model::Region>(region.take());
        rules_ = std::make_shared<const model::SlaRules>(model::SlaRules::defaults());
        fixture_ = test::read_file(test::data_path("feed_client/snapshot_v1.json"));
    }

    net::FeedClientConfig config_for(std::string url) const {
        net::FeedClientConfig c;
        c.url = std::move(url);
        c.poll_interval = 50ms;
        c.backoff_base = 20ms;
        c.backoff_cap = 100ms;
        c.connect_timeout = 2s;
        c.total_timeout = 5s;
        c.jitter_seed = 42;
        c.version = "1.2.3";
        return c;
    }

    net::IngestFn ingest() const {
        return app::make_ingest(app::v1_parser(region_), region_, rules_);
    }

    std::unique_ptr<net::FeedClient> make_client(net::FeedClientConfig c) {
        return std::make_unique<net::FeedClient>(io_, std::move(c), ingest(), store_, stats_,
                                                 clock_);
    }

    bool run_until(const std::function<bool()>& done, chr::milliseconds limit = 5s) {
        const auto deadline = chr::steady_clock::now() + limit;
        while (!done() && chr::steady_clock::now() < deadline) io_.run_for(5ms);
        return done();
    }

    std::uint64_t polls() const {
        std::uint64_t n = 0;
        for (const auto& [result, count] : stats_.snapshot().polls) n += count;
        return n;
    }
    std::uint64_t polls(net::PollResult result) const {
        const auto s = stats_.snapshot();
        const auto it = s.polls.find(result);
        return it == s.polls.end() ? 0 : it->second;
    }

    /// The outcome of one fetch_once against `c`.
    net::PollOutcome fetch_once(net::FeedClientConfig c) {
        auto client = make_client(std::move(c));
        std::optional<net::PollOutcome> outcome;
        client->fetch_once([&](const net::PollOutcome& o) { outcome = o; });
        EXPECT_TRUE(run_until([&] { return outcome.has_value(); }));
        return outcome.value_or(net::PollOutcome{});
    }

    ScriptedReply ok_reply(std::string body, std::string etag = "\"v1\"") const {
        ScriptedReply r;
        r.body = std::move(body);
        r.headers = {{"Content-Type", "application/json"}, {"ETag", std::move(etag)}};
        return r;
    }

    boost::asio::io_context io_;
    std::shared_ptr<const model::Region> region_;
    std::shared_ptr<const model::SlaRules> rules_;
    std::string fixture_;
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
};

TEST_F(FeedClientTest, PublishesThenKeepsSameSnapshotOnNotModified) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& req, std::size_t) {
        if (req.if_none_match == "\"v1\"") return status_reply(304);
        return ok_reply(fixture_);
    });
    auto client = make_client(config_for(server.url()));
    int wakeups = 0;
    client->on_publish([&](const model::SnapshotPtr&) { ++wakeups; });
    client->start();
    ASSERT_TRUE(run_until([&] { return polls() >= 3; }));

    const auto expected = net::parse_feed_v1(fixture_, *region_);
    ASSERT_TRUE(expected.ok());
    const auto published = store_.current_published();
    ASSERT_TRUE(published && published->snapshot);
    EXPECT_EQ(published->origin, net::SnapshotOrigin::feed);
    EXPECT_EQ(published->generation, 1u);
    EXPECT_EQ(published->snapshot->as_of, expected.value().as_of);
    EXPECT_EQ(published->snapshot->incidents.size(), expected.value().incidents.size());
    EXPECT_EQ(wakeups, 1);
    EXPECT_EQ(server.requests()[0].if_none_match, "");
    EXPECT_EQ(server.requests()[1].if_none_match, "\"v1\"");
    EXPECT_EQ(polls(net::PollResult::ok), 1u);
    EXPECT_GE(polls(net::PollResult::not_modified), 2u);
    EXPECT_EQ(stats_.snapshot().last_result, net::PollResult::not_modified);
    EXPECT_TRUE(stats_.snapshot().last_success.has_value());
    EXPECT_EQ(server.requests()[0].target, "/v1/snapshot?region=RU-UD");
}

TEST_F(FeedClientTest, DecodesGzipBody) {
    const std::string packed = gzip(fixture_);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& req, std::size_t) {
        if (req.accept_encoding.find("gzip") == std::string::npos) return ok_reply(fixture_);
        auto r = ok_reply(packed);
        r.headers.emplace_back("Content-Encoding", "gzip");
        return r;
    });
    const auto outcome = fetch_once(config_for(server.url()));
    EXPECT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    ASSERT_NE(store_.current(), nullptr);
    EXPECT_NE(server.requests().at(0).accept_encoding.find("gzip"), std::string::npos);
    // Less came over the wire than the document holds: it really travelled compressed.
    EXPECT_LT(stats_.snapshot().bytes_received, fixture_.size());
}

TEST_F(FeedClientTest, RecoversAfterServerError) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        if (i == 0) return status_reply(500);
        return ok_reply(fixture_);
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return store_.current() != nullptr; }));
    EXPECT_EQ(polls(net::PollResult::http_5xx), 1u);
    EXPECT_EQ(polls(net::PollResult::ok), 1u);
    const auto s = stats_.snapshot();
    EXPECT_EQ(s.consecutive_failures, 0u);
    EXPECT_NE(s.last_error.find("HTTP 500"), std::string::npos) << s.last_error;
    // The first retry comes after base backoff (<= 20 ms with jitter), not after a poll interval.
    EXPECT_LT(server.requests()[1].at - server.requests()[0].at, 1s);
}

TEST_F(FeedClientTest, HonoursRetryAfterOn503) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        if (i == 0) return status_reply(503, {{"Retry-After", "1"}});
        return ok_reply(fixture_);
    });
    auto client = make_client(config_for(server.url()));
    std::vector<net::PollOutcome> outcomes;
    client->on_poll([&](const net::PollOutcome& o) { outcomes.push_back(o); });
    const auto started = chr::steady_clock::now();
    client->start();
    ASSERT_TRUE(run_until([&] { return store_.current() != nullptr; }));
    ASSERT_GE(server.requests().size(), 2u);
    EXPECT_GE(server.requests()[1].at - server.requests()[0].at, 1s);
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes[0].result, net::PollResult::http_5xx);
    EXPECT_EQ(outcomes[0].next_poll, 1000ms);
    // A second passed on the io thread: the heartbeat must have moved on since start.
    EXPECT_GT(stats_.heartbeat(), started + 900ms);
}

TEST_F(FeedClientTest, CountsConnectionRefused) {
    unsigned short port = 0;
    {
        boost::asio::ip::tcp::acceptor probe(io_, {boost::asio::ip::make_address("127.0.0.1"), 0});
        port = probe.local_endpoint().port();
    }
    const auto outcome =
        fetch_once(config_for("http://127.0.0.1:" + std::to_string(port) + "/v1/snapshot"));
    EXPECT_EQ(outcome.result, net::PollResult::connect_failed);
    EXPECT_EQ(polls(net::PollResult::connect_failed), 1u);
    EXPECT_EQ(stats_.snapshot().consecutive_failures, 1u);
    EXPECT_EQ(store_.current(), nullptr);
}

TEST_F(FeedClientTest, AbortsBodyOverCap) {
    ASSERT_GT(fixture_.size(), 1000u);
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        auto r = ok_reply(fixture_);
        r.chunked = i == 1;  // no Content-Length: only the running byte count can catch it
        return r;
    });
    auto c = config_for(server.url());
    c.max_body_bytes = 1000;
    EXPECT_EQ(fetch_once(c).result, net::PollResult::too_large);
    EXPECT_EQ(fetch_once(c).result, net::PollResult::too_large);
    EXPECT_EQ(polls(net::PollResult::too_large), 2u);
    EXPECT_EQ(store_.current(), nullptr);
    c.max_body_bytes = fixture_.size();
    EXPECT_EQ(fetch_once(c).result, net::PollResult::ok);
}

TEST_F(FeedClientTest, BadDocumentKeepsLastSnapshot) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        return i == 0 ? ok_reply(fixture_, "\"a\"")
                      : ok_reply("{\"schema\": \"tsur.feed.v1\",", "\"b\"");
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return polls() >= 2; }));
    const auto first = store_.current();
    ASSERT_NE(first, nullptr);
    ASSERT_TRUE(run_until([&] { return polls() >= 3; }));
    EXPECT_EQ(store_.current(), first);
    EXPECT_EQ(store_.generation(), 1u);
    EXPECT_GE(polls(net::PollResult::bad_document), 2u);
    const auto s = stats_.snapshot();
    EXPECT_EQ(s.last_result, net::PollResult::bad_document);
    EXPECT_GE(s.consecutive_failures, 2u);
    EXPECT_FALSE(s.last_error.empty());
    // A rejected document's ETag is not remembered, so the next poll asks for the whole thing.
    EXPECT_EQ(server.requests()[2].if_none_match, "\"a\"");
}

TEST_F(FeedClientTest, RejectsAsOfGoingBackwards) {
    const std::string older = with_as_of(fixture_, "2026-11-23T10:00:00Z");
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t i) {
        return i == 0 ? ok_reply(fixture_, "\"new\"") : ok_reply(older, "\"old\"");
    });
    auto c = config_for(server.url());
    EXPECT_EQ(fetch_once(c).result, net::PollResult::ok);
    const auto shown = store_.current();
    const auto outcome = fetch_once(c);
    EXPECT_EQ(outcome.result, net::PollResult::as_of_backwards);
    EXPECT_NE(outcome.message.find("2026-11-23T10:00:00Z"), std::string::npos) << outcome.message;
    EXPECT_EQ(store_.current(), shown);
    EXPECT_EQ(polls(net::PollResult::as_of_backwards), 1u);
}

TEST_F(FeedClientTest, DateHeaderSetsClockOffset) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        auto r = ok_reply(fixture_);
        r.headers.emplace_back("Date", http_date(chr::system_clock::now() + 5min));
        return r;
    });
    EXPECT_EQ(clock_.offset(), 0ms);
    EXPECT_EQ(fetch_once(config_for(server.url())).result, net::PollResult::ok);
    EXPECT_GT(clock_.offset(), 5min - 2s);
    EXPECT_LT(clock_.offset(), 5min + 2s);
}

TEST_F(FeedClientTest, AsOfIsALowerBoundForServerTime) {
    const auto ahead = chr::floor<chr::seconds>(chr::system_clock::now()) + 5min;
    const std::string body = with_as_of(fixture_, model::format_rfc3339(ahead));
    test::ScriptedHttpServer server(
        io_, [&](const SeenRequest&, std::size_t) { return ok_reply(body); });
    EXPECT_EQ(fetch_once(config_for(server.url())).result, net::PollResult::ok);
    EXPECT_GE(clock_.now(), ahead);
    EXPECT_LT(clock_.offset(), 5min + 2s);
}

TEST_F(FeedClientTest, SendsBearerTokenFromFileAndUserAgent) {
    TempDir dir;
    const auto token_file = dir.path / "token";
    std::ofstream(token_file) << "  s3cr3t-token \n";
    std::filesystem::permissions(
        token_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    test::ScriptedHttpServer server(
        io_, [&](const SeenRequest&, std::size_t) { return ok_reply(fixture_); });
    auto c = config_for(server.url());
    c.token_file = token_file;
    EXPECT_EQ(fetch_once(c).result, net::PollResult::ok);
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests()[0].authorization, "Bearer s3cr3t-token");
    EXPECT_EQ(server.requests()[0].user_agent, "tsur-wall/1.2.3");

    c.token_file = dir.path / "missing";
    const auto outcome = fetch_once(c);
    EXPECT_EQ(outcome.result, net::PollResult::token_unreadable);
    EXPECT_NE(outcome.message.find("missing"), std::string::npos) << outcome.message;
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(FeedClientTest, ReadsFileUrl) {
    const auto outcome = fetch_once(
        config_for("file://" + test::data_path("feed_client/snapshot_v1.json").string()));
    EXPECT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    EXPECT_TRUE(outcome.published);
    EXPECT_EQ(outcome.next_poll, 0ms);
    ASSERT_NE(store_.current(), nullptr);
    EXPECT_EQ(store_.current()->as_of, model::parse_rfc3339("2026-11-23T10:15:00Z"));
}

TEST_F(FeedClientTest, TimesOutOnSilentServerWithoutBlockingIoThread) {
    test::ScriptedHttpServer server(io_,
                                    [&](const SeenRequest&, std::size_t) { return hang_reply(); });
    auto c = config_for(server.url());
    c.total_timeout = 300ms;
    int ticks = 0;
    boost::asio::steady_timer ticker(io_);
    std::function<void()> tick = [&] {
        ticker.expires_after(10ms);
        ticker.async_wait([&](boost::system::error_code ec) {
            if (ec) return;
            ++ticks;
            tick();
        });
    };
    tick();
    const auto outcome = fetch_once(c);
    ticker.cancel();
    EXPECT_EQ(outcome.result, net::PollResult::timeout);
    EXPECT_GE(outcome.duration, 300ms);
    // The io thread kept serving other handlers while the transfer waited. A blocked thread would
    // tick at most once; 3 (not 30 = 300 ms / 10 ms) holds on a machine busy with other work.
    EXPECT_GE(ticks, 3);
}

TEST_F(FeedClientTest, WritesCacheOnAcceptAndRestoresItAtStart) {
    TempDir dir;
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& req, std::size_t) {
        if (req.if_none_match == "\"v1\"") return status_reply(304);
        return ok_reply(fixture_);
    });
    auto c = config_for(server.url());
    c.cache_file = dir.path / "state" / "feed.cache";  // the directory does not exist yet
    {
        auto client = make_client(c);
        client->start();
        ASSERT_TRUE(run_until([&] { return polls() >= 3; }));
    }
    EXPECT_EQ(stats_.snapshot().cache_writes, 1u);  // 304s do not rewrite it
    const auto live = store_.current();

    net::SnapshotStore fresh;
    net::FeedClient restarted(io_, c, ingest(), fresh, stats_, clock_);
    const auto restored = restarted.restore_from_cache();
    ASSERT_TRUE(restored.ok()) << restored.error();
    EXPECT_TRUE(restored.value());
    const auto published = fresh.current_published();
    ASSERT_TRUE(published);
    EXPECT_EQ(published->origin, net::SnapshotOrigin::cache);
    EXPECT_EQ(published->snapshot->as_of, live->as_of);
    EXPECT_EQ(published->snapshot->incidents.size(), live->incidents.size());
}

TEST_F(FeedClientTest, CorruptCacheIsNotPublished) {
    TempDir dir;
    auto c = config_for("http://127.0.0.1:9/");
    c.cache_file = dir.path / "feed.cache";
    EXPECT_FALSE(make_client(c)->restore_from_cache().value());  // none yet: nothing, no error
    std::ofstream(*c.cache_file)
        << "TSURCACHE1\nlength 5\ncrc32 00000000\nas_of 2026-11-23T10:15:00Z\n"
           "kind tsur.feed.v1\n\nhello";
    const auto restored = make_client(c)->restore_from_cache();
    ASSERT_FALSE(restored.ok());
    EXPECT_NE(restored.error().find("checksum"), std::string::npos) << restored.error();
    EXPECT_EQ(store_.current(), nullptr);
}

// peer-web's server and many plain file servers send no ETag: the same document comes back whole
// every poll until the data changes.
TEST_F(FeedClientTest, RepeatedBodyWithoutEtagIsNotParsedOrCachedAgain) {
    TempDir dir;
    const std::string changed = with_as_of(fixture_, "2026-11-23T10:15:30Z");
    bool data_changed = false;
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        ScriptedReply r;
        r.body = data_changed ? changed : fixture_;
        r.headers = {{"Content-Type", "application/json"}};
        return r;
    });
    auto c = config_for(server.url());
    c.skip_repeated_body = true;
    c.cache_file = dir.path / "feed.cache";
    auto client = make_client(c);
    int wakeups = 0;
    client->on_publish([&](const model::SnapshotPtr&) { ++wakeups; });
    client->start();
    ASSERT_TRUE(run_until([&] { return polls() >= 3; }));
    EXPECT_EQ(wakeups, 1);
    EXPECT_EQ(polls(net::PollResult::ok), 1u);
    EXPECT_GE(polls(net::PollResult::not_modified), 2u);
    EXPECT_EQ(stats_.snapshot().cache_writes, 1u);
    EXPECT_EQ(stats_.snapshot().consecutive_failures, 0u);

    data_changed = true;
    ASSERT_TRUE(run_until([&] { return wakeups == 2; }));
    EXPECT_EQ(model::format_rfc3339(store_.current()->as_of), "2026-11-23T10:15:30Z");
}

// Open311 bodies carry no as_of: the poll's instant is the data's time, so an equal body is news.
TEST_F(FeedClientTest, RepeatedBodyIsPublishedAgainUnlessSkippingIsAsked) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest&, std::size_t) {
        ScriptedReply r;
        r.body = fixture_;
        r.headers = {{"Content-Type", "application/json"}};
        return r;
    });
    auto client = make_client(config_for(server.url()));
    client->start();
    ASSERT_TRUE(run_until([&] { return polls() >= 3; }));
    EXPECT_GE(polls(net::PollResult::ok), 3u);
    EXPECT_EQ(polls(net::PollResult::not_modified), 0u);
}

}  // namespace
}  // namespace tsur
