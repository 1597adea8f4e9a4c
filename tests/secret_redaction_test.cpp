// Issue 20: a feed URL carrying secrets (an api_key in the query, user:password@) goes through
// every failure path (connection refused, HTTP 500, a bad body, a timeout, an error text that
// echoes the key); neither the log, /healthz, /metrics nor the poll's error text may contain them.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/feed_source.hpp"
#include "app/logger.hpp"
#include "model/region_loader.hpp"
#include "model/sla_rules.hpp"
#include "feed/feed_client.hpp"
#include "formats/feed_parser.hpp"
#include "server/status_server.hpp"
#include "support/paths.hpp"
#include "support/scripted_http_server.hpp"

namespace tsur {
namespace {

using namespace std::chrono_literals;
using test::ScriptedReply;
using test::SeenRequest;

constexpr const char* kKey = "SECRETKEY0123456789";
constexpr const char* kPassword = "pa55w0rd-hunter2";

std::string secret_url(unsigned short port) {
    return std::string("http://bob:") + kPassword + "@127.0.0.1:" + std::to_string(port) +
           "/open311/v2/requests.json?api_key=" + kKey + "&page=1";
}

class SecretRedactionTest : public ::testing::Test {
protected:
    SecretRedactionTest() {
        auto region = model::parse_region(
            test::read_file(test::asset_path("regions/RU-UD/region.json")),
            test::read_file(test::asset_path("regions/RU-UD/municipalities.csv")), "region.json",
            "municipalities.csv");
        EXPECT_TRUE(region.ok());
        region_ = std::make_shared<const model::Region>(region.take());
    }

    /// One poll of `url`; its outcome is logged the way the wall logs it (WallRuntime).
    net::PollOutcome poll(const std::string& url) {
        net::FeedClientConfig c;
        c.url = url;
        c.poll_interval = 50ms;
        c.connect_timeout = 2s;
        c.total_timeout = 400ms;
        c.version = "1.2.3";
        net::FeedClient client(
            io_, c,
            app::make_ingest(app::v1_parser(region_), region_,
                             std::make_shared<const model::SlaRules>(model::SlaRules::defaults())),
            store_, stats_, clock_);
        std::optional<net::PollOutcome> outcome;
        io_.restart();  // a previous poll may have left the context out of work, i.e. stopped
        client.fetch_once([&](const net::PollOutcome& o) {
            outcome = o;
            const std::string result(net::id_of(o.result));
            log_.log(app::LogLevel::warning, "feed_poll " + result,
                     "feed poll " + result + ": " + o.message);
        });
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!outcome && std::chrono::steady_clock::now() < deadline) io_.run_for(5ms);
        EXPECT_TRUE(outcome.has_value());
        return outcome.value_or(net::PollOutcome{});
    }

    /// Everything a local user or the journal could see.
    std::string all_outputs() {
        net::RenderHealth render;
        net::StatusServer status(io_, {}, store_, stats_, render, clock_);
        std::string out;
        for (const char* target : {"/healthz", "/metrics"}) {
            net::HttpRequestView req;
            req.method = "GET";
            req.target = target;
            out += status.handle(req).body + "\n";
        }
        for (const auto& line : lines_) out += line;
        return out;
    }

    void expect_no_secret(const std::string& where, const std::string& text) {
        EXPECT_EQ(text.find(kKey), std::string::npos) << where << ":\n" << text;
        EXPECT_EQ(text.find(kPassword), std::string::npos) << where << ":\n" << text;
    }

    boost::asio::io_context io_;
    std::shared_ptr<const model::Region> region_;
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
    std::vector<std::string> lines_;
    app::Logger log_{{.min_level = app::LogLevel::debug},
                     [this](std::string_view line) { lines_.emplace_back(line); }};
};

TEST_F(SecretRedactionTest, NoFailurePathLeaksTheKeyOrThePassword) {
    // Connection refused: a port that was free a moment ago.
    unsigned short closed_port = 0;
    {
        boost::asio::ip::tcp::acceptor a(io_, {boost::asio::ip::make_address("127.0.0.1"), 0});
        closed_port = a.local_endpoint().port();
    }
    std::vector<net::PollResult> results;
    const auto refused = poll(secret_url(closed_port));
    results.push_back(refused.result);
    expect_no_secret("connect refused", refused.message);
    EXPECT_NE(refused.message.find("127.0.0.1"), std::string::npos) << "the host stays";

    test::ScriptedHttpServer server(io_, [](const SeenRequest&, std::size_t i) {
        ScriptedReply r;
        switch (i) {
            case 0:
                r.status = 500;
                r.body = "boom";
                break;
            case 1:
                r.body = "this is not json";
                break;
            case 2:
                r.hang = true;
                break;
            default:
                // A server that echoes the request, key and all, in its error text.
                r.status = 403;
                r.body = std::string("invalid api_key ") + kKey + " for bob:" + kPassword;
                break;
        }
        return r;
    });
    for (int i = 0; i < 4; ++i) {
        const auto o = poll(secret_url(server.port()));
        results.push_back(o.result);
        const std::string result(net::id_of(o.result));
        expect_no_secret("poll " + result, o.message);
        expect_no_secret("last_error after " + result, stats_.snapshot().last_error);
    }
    EXPECT_EQ(results, (std::vector<net::PollResult>{
                           net::PollResult::connect_failed, net::PollResult::http_5xx,
                           net::PollResult::bad_document, net::PollResult::timeout,
                           net::PollResult::http_4xx}));
    // The log also redacts what a caller forgot to: a raw URL handed straight to it.
    log_.warning("open311: no services URL beside " + secret_url(server.port()));
    const std::string everything = all_outputs();
    expect_no_secret("log, /healthz and /metrics", everything);
    EXPECT_NE(everything.find("api_key=REDACTED"), std::string::npos) << everything;
    EXPECT_GE(lines_.size(), 6u);
}

}  // namespace
}  // namespace tsur
