// The demo feed over loopback: snapshot JSON, ETag and 304, tick flooring, gzip, errors.
#include "demo/demo_feed.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "model/region_loader.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::net {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;
using namespace std::chrono_literals;

std::shared_ptr<const model::Region> udmurtia() {
    const auto json = test::read_file(test::asset_path("regions/RU-UD/region.json"));
    const auto csv = test::read_file(test::asset_path("regions/RU-UD/municipalities.csv"));
    auto region = model::parse_region(json, csv, "region.json", "municipalities.csv");
    if (!region) throw std::runtime_error(region.error());
    return std::make_shared<const model::Region>(region.take());
}

const model::TimePoint kStart = test::at("2026-11-23T10:15:07Z");

/// A DemoFeedServer on its own io thread with a clock the test moves.
class FeedFixture : public ::testing::Test {
protected:
    void SetUp() override {
        now_seconds_ = kStart.time_since_epoch().count();
        DemoFeedOptions options;
        options.simulator.seed = 5;
        options.tick = 15s;
        options.clock = [this] { return model::TimePoint{model::Seconds{now_seconds_.load()}}; };
        server_ = std::make_unique<DemoFeedServer>(io_, udmurtia(), options);
        const auto port = server_->start();
        ASSERT_TRUE(port.ok()) << port.error();
        thread_ = std::thread([this] { io_.run(); });
    }
    void TearDown() override {
        asio::post(io_, [this] { server_->stop(); });
        guard_.reset();
        if (thread_.joinable()) thread_.join();
    }

    http::response<http::string_body> get(
        const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {},
        http::verb method = http::verb::get) {
        asio::io_context io;
        tcp::socket socket(io);
        socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_->port()));
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        for (const auto& [k, v] : headers) req.set(k, v);
        http::write(socket, req);
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(256 * 1024 * 1024);
        parser.skip(method == http::verb::head);
        http::read(socket, buffer, parser);
        return parser.release();
    }
    void advance(model::Seconds by) { now_seconds_ += by.count(); }

    asio::io_context io_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_ = asio::make_work_guard(io_);
    std::atomic<std::int64_t> now_seconds_{0};
    std::unique_ptr<DemoFeedServer> server_;
    std::thread thread_;
};

std::string gunzip(const std::string& data) {
    z_stream zs{};
    EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
    std::string out;
    std::array<char, 65536> chunk{};
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
        zs.avail_out = static_cast<uInt>(chunk.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(chunk.data(), chunk.size() - zs.avail_out);
    }
    inflateEnd(&zs);
    EXPECT_EQ(rc, Z_STREAM_END);
    return out;
}

TEST_F(FeedFixture, ServesTheSnapshotWithEtagAndDate) {
    const auto res = get("/v1/snapshot?region=RU-UD");
    ASSERT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res[http::field::content_type], "application/json");
    EXPECT_FALSE(res[http::field::etag].empty());
    EXPECT_EQ(res[http::field::date], "Mon, 23 Nov 2026 10:15:07 GMT");
    const auto doc = nlohmann::json::parse(res.body());
    EXPECT_EQ(doc["schema"], "tsur.feed.v1");
    EXPECT_EQ(doc["as_of"], "2026-11-23T10:15:00Z") << "as_of is floored to the 15 s tick";
    EXPECT_GT(doc["incidents"].size(), 1000u);
}

TEST_F(FeedFixture, MatchingIfNoneMatchGets304UntilTheNextTick) {
    const auto first = get("/v1/snapshot?region=RU-UD");
    const std::string etag{first[http::field::etag]};
    advance(5s);  // 10:15:12, same tick
    const auto again = get("/v1/snapshot?region=RU-UD", {{"If-None-Match", etag}});
    EXPECT_EQ(again.result_int(), 304u);
    EXPECT_TRUE(again.body().empty());
    EXPECT_EQ(again[http::field::etag], etag);
    const auto other = get("/v1/snapshot?region=RU-UD", {{"If-None-Match", "\"nope\", W/" + etag}});
    EXPECT_EQ(other.result_int(), 304u) << "a list and a weak tag match too";

    advance(10s);  // 10:15:22, next tick
    const auto later = get("/v1/snapshot?region=RU-UD", {{"If-None-Match", etag}});
    EXPECT_EQ(later.result_int(), 200u);
    EXPECT_NE(later[http::field::etag], etag);
    EXPECT_EQ(nlohmann::json::parse(later.body())["as_of"], "2026-11-23T10:15:15Z");
}

TEST_F(FeedFixture, GzipRoundTripsToTheSameJson) {
    const auto plain = get("/v1/snapshot?region=RU-UD");
    const auto zipped = get("/v1/snapshot?region=RU-UD", {{"Accept-Encoding", "deflate, gzip"}});
    ASSERT_EQ(zipped.result_int(), 200u);
    EXPECT_EQ(zipped[http::field::content_encoding], "gzip");
    EXPECT_LT(zipped.body().size(), plain.body().size() / 4);
    EXPECT_EQ(gunzip(zipped.body()), plain.body());
    EXPECT_EQ(zipped[http::field::etag], plain[http::field::etag]);
    EXPECT_EQ(zipped[http::field::vary], "Accept-Encoding");

    const auto refused = get("/v1/snapshot?region=RU-UD", {{"Accept-Encoding", "gzip;q=0"}});
    EXPECT_TRUE(refused[http::field::content_encoding].empty());
    EXPECT_EQ(refused.body(), plain.body());
}

TEST_F(FeedFixture, HeadAnswersWithoutTheBody) {
    const auto plain = get("/v1/snapshot?region=RU-UD");
    const auto head = get("/v1/snapshot?region=RU-UD", {}, http::verb::head);
    EXPECT_EQ(head.result_int(), 200u);
    EXPECT_EQ(head[http::field::content_length], std::to_string(plain.body().size()));
}

TEST_F(FeedFixture, WrongRegionGets400AndOtherPaths404) {
    EXPECT_EQ(get("/v1/snapshot?region=RU-TA").result_int(), 400u);
    EXPECT_EQ(get("/v1/snapshot").result_int(), 400u);
    EXPECT_EQ(get("/v1/snapshot?region=ru-ud").result_int(), 200u);
    EXPECT_EQ(get("/").result_int(), 404u);
    EXPECT_EQ(get("/v1/changes?since=0").result_int(), 404u);
}

TEST(DemoFeedServer, ReportsWhereItListens) {
    asio::io_context io;
    DemoFeedOptions options;
    DemoFeedServer server(io, udmurtia(), options);
    const auto port = server.start();
    ASSERT_TRUE(port.ok()) << port.error();
    EXPECT_NE(port.value(), 0);
    EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(port.value()));
    server.stop();
    io.run();
}

}  // namespace
}  // namespace tsur::net
