// The status server over loopback: /healthz verdicts, /metrics content, /screenshot.png hand-off,
// the bearer token, request limits and unknown paths.
#include "server/status_server.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>
#include <thread>

#include "formats/feed_parser.hpp"
#include "support/time_literal.hpp"

namespace tsur::net {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;
using Response = http::response<http::string_body>;

/// The wall's shared state as the status server sees it, plus the server on its own io thread.
class StatusServerTest : public ::testing::Test {
protected:
    ~StatusServerTest() override { stop(); }

    void start(StatusServerOptions options = {}) {
        options.port = 0;
        options.version = "9.8.7";
        options.on_screenshot_request = [this] { wakeups_.fetch_add(1); };
        server_.emplace(io_, std::move(options), store_, stats_, render_, clock_);
        const auto port = server_->start();
        ASSERT_TRUE(port.ok()) << port.error();
        port_ = port.value();
        thread_ = std::thread([this] { io_.run(); });
    }

    void stop() {
        if (!thread_.joinable()) return;
        asio::post(io_, [this] { server_->stop(); });
        guard_.reset();
        thread_.join();
    }

    /// Publishes a snapshot whose as_of lies `age` before the server clock's now.
    void publish_data_aged(std::chrono::seconds age, std::size_t incidents = 3) {
        auto snap = std::make_shared<model::Snapshot>();
        snap->as_of = clock_.now() - age;
        snap->version = static_cast<std::uint64_t>(snap->as_of.time_since_epoch().count());
        snap->incidents.resize(incidents);
        store_.publish(std::move(snap));
    }

    void present_frame(bool blank = false, PngBytes png = nullptr) {
        FrameReport r;
        r.fingerprint = 0xabcdef12345678ull + render_.frames();
        r.blank = blank;
        r.build_time = std::chrono::milliseconds{3};
        r.state = DisplayState::live;
        r.png = std::move(png);
        render_.frame_presented(r);
    }

    Response request(const std::string& raw, bool head = false) {
        asio::io_context io;
        tcp::socket socket(io);
        socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
        asio::write(socket, asio::buffer(raw));
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.skip(head);
        parser.body_limit(64 << 20);
        http::read(socket, buffer, parser);
        return parser.release();
    }

    Response get(const std::string& target, const std::string& extra_headers = "") {
        return request("GET " + target + " HTTP/1.1\r\nHost: wall\r\n" + extra_headers + "\r\n");
    }

    nlohmann::json healthz_body() { return nlohmann::json::parse(get("/healthz").body()); }

    /// A token file only its owner can read (0600), removed when the test ends.
    std::filesystem::path token_file(const std::string& token) {
        token_path_ = std::filesystem::temp_directory_path() /
                      ("tsur-status-token-" + std::to_string(::getpid()));
        std::ofstream(token_path_) << token << "\n";
        std::filesystem::permissions(
            token_path_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return token_path_;
    }
    void TearDown() override {
        if (!token_path_.empty()) std::filesystem::remove(token_path_);
    }

    asio::io_context io_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_ = asio::make_work_guard(io_);
    SnapshotStore store_;
    FeedStats stats_;
    RenderHealth render_;
    model::ServerClock clock_;
    std::optional<StatusServer> server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
    std::atomic<int> wakeups_{0};
    std::filesystem::path token_path_;
};

TEST_F(StatusServerTest, HealthzIsOkWithFreshDataAndARecentFrame) {
    publish_data_aged(std::chrono::seconds{40});
    stats_.record_poll(net::PollResult::ok, "", std::chrono::milliseconds{12});
    present_frame();
    start();
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res[http::field::content_type], "application/json");
    EXPECT_EQ(res[http::field::cache_control], "no-store");
    const auto j = nlohmann::json::parse(res.body());
    EXPECT_EQ(j["status"], "ok");
    EXPECT_EQ(j["version"], "9.8.7");
    EXPECT_GE(j["data"]["age_s"].get<int>(), 40);
    EXPECT_LE(j["data"]["age_s"].get<int>(), 42);
    EXPECT_EQ(j["data"]["incidents"], 3);
    EXPECT_EQ(j["feed"]["last_result"], "ok");
    EXPECT_EQ(j["feed"]["consecutive_failures"], 0);
    EXPECT_EQ(j["display"]["frames"], 1);
    EXPECT_EQ(j["display"]["state"], "live");
    EXPECT_EQ(j["display"]["fingerprint"], "00abcdef12345678");
    EXPECT_EQ(j["display"]["blank"], false);
    EXPECT_TRUE(j["display"]["last_present"].is_string());
}

TEST_F(StatusServerTest, HealthzIs503WhenTheDataIsOlderThanTheThreshold) {
    publish_data_aged(std::chrono::minutes{11});
    stats_.record_poll(net::PollResult::timeout, "timed out after 60 s", std::chrono::seconds{60});
    present_frame();
    start();  // default threshold: 10 minutes
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 503u);
    const auto j = nlohmann::json::parse(res.body());
    EXPECT_EQ(j["status"], "data_stale");
    EXPECT_EQ(j["feed"]["last_error"], "timed out after 60 s");
    EXPECT_EQ(j["feed"]["errors"], 1);
    EXPECT_EQ(j["feed"]["consecutive_failures"], 1);
}

TEST_F(StatusServerTest, StaleThresholdComesFromTheOptions) {
    publish_data_aged(std::chrono::minutes{11});
    present_frame();
    StatusServerOptions o;
    o.stale_after = std::chrono::minutes{15};
    start(o);
    EXPECT_EQ(get("/healthz").result_int(), 200u);
}

TEST_F(StatusServerTest, HealthzIs503OnABlankFrame) {
    publish_data_aged(std::chrono::seconds{10});
    present_frame(/*blank=*/true);
    start();
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 503u);
    EXPECT_EQ(nlohmann::json::parse(res.body())["display"]["fault"], "blank_frame");
}

TEST_F(StatusServerTest, NoDataYetIsStartingNotAFailure) {
    start();
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(nlohmann::json::parse(res.body())["status"], "starting");
}

TEST_F(StatusServerTest, HealthzNamesACalendarEndingWithinSixtyDays) {
    // Server time 2026-11-20; the wall's calendar lists 2026 only, so it ends in 41 days.
    const auto target = test::at("2026-11-20T09:00:00Z");
    clock_.set_offset(std::chrono::duration_cast<std::chrono::milliseconds>(
        target - std::chrono::system_clock::now()));
    publish_data_aged(std::chrono::seconds{40});
    present_frame();
    StatusServerOptions options;
    options.calendar = std::make_shared<const model::WorkCalendar>(
        std::set{std::chrono::sys_days{std::chrono::year{2026} / 11 / 4}},
        std::set<std::chrono::sys_days>{}, model::Seconds{4 * 3600});
    start(std::move(options));
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 200u) << "nothing on the wall is wrong yet";
    const auto j = nlohmann::json::parse(res.body());
    ASSERT_EQ(j["problems"].size(), 1u) << res.body();
    EXPECT_EQ(j["problems"][0], "calendar_ending");
    EXPECT_NE(j["details"]["calendar_ending"].get<std::string>().find("2026-12-31"),
              std::string::npos);
    EXPECT_EQ(j["calendar"]["days_left"], 41);
    const std::string m = get("/metrics").body();
    EXPECT_NE(m.find("tsur_problem{problem=\"calendar_ending\"} 1\n"), std::string::npos);
}

TEST_F(StatusServerTest, MetricsPreRegisterEveryReasonAndState) {
    publish_data_aged(std::chrono::seconds{5}, 7);
    stats_.record_poll(net::PollResult::ok, "", std::chrono::milliseconds{5});
    stats_.record_poll(net::PollResult::ok, "", std::chrono::milliseconds{5});
    stats_.add_rejected({{"bad_latitude", 4}});
    stats_.add_bytes(1234);
    present_frame();
    present_frame();
    start();
    const auto res = get("/metrics");
    ASSERT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
    const std::string& m = res.body();
    auto has = [&](const std::string& line) { return m.find(line + "\n") != std::string::npos; };
    EXPECT_TRUE(has("tsur_polls_total{result=\"ok\"} 2"));
    EXPECT_TRUE(has("tsur_polls_total{result=\"timeout\"} 0"));
    EXPECT_TRUE(has("tsur_bytes_received_total 1234"));
    EXPECT_TRUE(has("tsur_rejected_records_total{reason=\"bad_latitude\"} 4"));
    for (const auto reason : rejection_reasons()) {
        EXPECT_NE(m.find("tsur_rejected_records_total{reason=\"" + std::string(reason) + "\"}"),
                  std::string::npos)
            << reason;
    }
    EXPECT_TRUE(has("tsur_snapshot_incidents 7"));
    EXPECT_TRUE(has("tsur_display_state{state=\"live\"} 1"));
    EXPECT_TRUE(has("tsur_display_state{state=\"scheduled_off\"} 0"));
    EXPECT_TRUE(has("tsur_frame_seconds_bucket{le=\"0.0025\"} 0"));
    EXPECT_TRUE(has("tsur_frame_seconds_bucket{le=\"0.005\"} 2"));
    EXPECT_TRUE(has("tsur_frame_seconds_bucket{le=\"+Inf\"} 2"));
    EXPECT_TRUE(has("tsur_frame_seconds_count 2"));
    EXPECT_TRUE(has("tsur_cache_writes_total 0"));
    EXPECT_TRUE(has("# TYPE tsur_frame_seconds histogram"));
    EXPECT_NE(m.find("tsur_data_age_seconds "), std::string::npos);
}

TEST_F(StatusServerTest, ScreenshotAsksTheRenderThreadAndThenServesItsPng) {
    present_frame();
    StatusServerOptions o;
    o.token_file = token_file("s3cret-token");
    start(o);
    const std::string auth = "Authorization: Bearer s3cret-token\r\n";
    const auto first = get("/screenshot.png", auth);
    EXPECT_EQ(first.result_int(), 503u);
    EXPECT_EQ(first[http::field::retry_after], "1");
    EXPECT_TRUE(render_.take_screenshot_request());
    EXPECT_EQ(wakeups_.load(), 1);

    // What the render thread does on that request: render, capture, attach the PNG.
    const auto png = std::make_shared<const std::vector<std::uint8_t>>(
        std::vector<std::uint8_t>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, 3});
    present_frame(false, png);
    const auto second = get("/screenshot.png", auth);
    EXPECT_EQ(second.result_int(), 200u);
    EXPECT_EQ(second[http::field::content_type], "image/png");
    EXPECT_EQ(second.body(), std::string(png->begin(), png->end()));
    EXPECT_EQ(second["X-Tsur-Frame"], "2");
    EXPECT_EQ(second["X-Tsur-Frame-Current"], "yes");
    EXPECT_FALSE(render_.take_screenshot_request()) << "a current PNG needs no new capture";
}

TEST_F(StatusServerTest, ScreenshotOfIncidentTextsNeedsTheTokenUnlessTheLayoutIsPublic) {
    const auto png = std::make_shared<const std::vector<std::uint8_t>>(
        std::vector<std::uint8_t>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    FrameReport r;
    r.png = png;
    render_.frame_presented(r);
    start();  // no token configured: /healthz is open, the picture of incident titles is not
    EXPECT_NE(get("/healthz").result_int(), 401u);
    const auto refused = get("/screenshot.png");
    EXPECT_EQ(refused.result_int(), 401u);
    EXPECT_NE(refused.body().find("status_server.token_file"), std::string::npos) << refused.body();
    EXPECT_FALSE(render_.take_screenshot_request()) << "a refused request costs no capture";

    r.public_view = true;  // a lobby layout: every widget in public mode
    render_.frame_presented(r);
    const auto shown = get("/screenshot.png");
    EXPECT_EQ(shown.result_int(), 200u);
    EXPECT_EQ(shown.body(), std::string(png->begin(), png->end()));
}

TEST_F(StatusServerTest, SceneOfTheCapturedFrameNeedsTheTokenLikeItsPicture) {
    present_frame();
    StatusServerOptions o;
    o.token_file = token_file("s3cret-token");
    start(o);
    EXPECT_EQ(get("/scene.json").result_int(), 401u);
    EXPECT_FALSE(render_.take_screenshot_request()) << "a refused request costs no capture";
    const std::string auth = "Authorization: Bearer s3cret-token\r\n";
    EXPECT_EQ(get("/scene.json", auth).result_int(), 503u);
    EXPECT_TRUE(render_.take_screenshot_request()) << "the scene comes with the next capture";

    const std::string json = R"({"widgets":[],"items":[]})";
    FrameReport r;
    r.png = std::make_shared<const std::vector<std::uint8_t>>(std::vector<std::uint8_t>{0x89});
    r.scene = std::make_shared<const std::vector<std::uint8_t>>(json.begin(), json.end());
    render_.frame_presented(r);
    const auto shown = get("/scene.json", auth);
    EXPECT_EQ(shown.result_int(), 200u);
    EXPECT_EQ(shown[http::field::content_type], "application/json");
    EXPECT_EQ(shown.body(), json);
    EXPECT_EQ(shown["X-Tsur-Frame"], get("/screenshot.png", auth)["X-Tsur-Frame"]);
}

TEST_F(StatusServerTest, TokenFileOthersCanReadIsRefused) {
    StatusServerOptions o;
    o.token_file = token_file("s3cret-token");
    std::filesystem::permissions(*o.token_file, std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    StatusServer server(io_, o, store_, stats_, render_, clock_);
    const auto port = server.start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().find("other users can read the token"), std::string::npos)
        << port.error();
}

/// Descriptors this process holds now.
std::size_t open_descriptors() {
    const std::filesystem::directory_iterator fds("/proc/self/fd");
    return static_cast<std::size_t>(std::distance(begin(fds), end(fds)));
}

TEST_F(StatusServerTest, IdleConnectionsPastTheCapDoNotLockOutANewClient) {
    publish_data_aged(std::chrono::seconds{10});
    stats_.record_poll(net::PollResult::ok, "", std::chrono::milliseconds{12});
    present_frame();
    StatusServerOptions o;
    o.limits.max_connections = 8;
    o.limits.read_timeout = std::chrono::seconds{30};  // idle clients would hold on for long
    start(o);
    const std::size_t before = open_descriptors();
    constexpr std::size_t kIdle = 100;
    asio::io_context client_io;
    std::vector<tcp::socket> idle;
    for (std::size_t i = 0; i < kIdle; ++i) {
        idle.emplace_back(client_io);
        idle.back().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    }
    // A new client behind all of them is answered at once, not after their 30 s timeouts.
    const auto res = get("/healthz");
    EXPECT_EQ(res.result_int(), 200u);
    // By now every idle connection was accepted; the server kept at most the cap of them (the
    // client io_context's own reactor adds a few; without the cap this would be about 100).
    const std::size_t held_by_server = open_descriptors() - before - kIdle;
    EXPECT_LE(held_by_server, o.limits.max_connections + 4);
    // Evicted idle clients see their connection closed, not left hanging.
    std::size_t closed = 0;
    for (auto& s : idle) {
        s.non_blocking(true);
        char c = 0;
        boost::system::error_code ec;
        s.read_some(asio::buffer(&c, 1), ec);
        if (ec == asio::error::eof || ec == asio::error::connection_reset) ++closed;
    }
    EXPECT_GE(closed, kIdle - o.limits.max_connections);
}

TEST_F(StatusServerTest, TokenIsRequiredWhenConfigured) {
    StatusServerOptions o;
    o.token_file = token_file("s3cret-token");
    start(o);
    const auto none = get("/healthz");
    EXPECT_EQ(none.result_int(), 401u);
    EXPECT_EQ(none[http::field::www_authenticate], "Bearer realm=\"tsur-wall\"");
    EXPECT_EQ(get("/metrics", "Authorization: Bearer s3cret-tokeX\r\n").result_int(), 401u);
    EXPECT_EQ(get("/metrics", "Authorization: Bearer s3cret\r\n").result_int(), 401u);
    EXPECT_EQ(get("/metrics", "Authorization: Basic s3cret-token\r\n").result_int(), 401u);
    EXPECT_EQ(get("/metrics", "Authorization: Bearer s3cret-token\r\n").result_int(), 200u);
}

TEST_F(StatusServerTest, MissingTokenFileFailsTheStart) {
    StatusServerOptions o;
    o.token_file = "/nonexistent/tsur-token";
    StatusServer server(io_, o, store_, stats_, render_, clock_);
    const auto port = server.start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().find("/nonexistent/tsur-token"), std::string::npos) << port.error();
}

TEST_F(StatusServerTest, UnknownPathsAre404) {
    start();
    EXPECT_EQ(get("/").result_int(), 404u);
    EXPECT_EQ(get("/healthz/../etc/passwd").result_int(), 404u);
    EXPECT_EQ(get("/v1/snapshot").result_int(), 404u);
    EXPECT_EQ(get("/healthz?verbose=1").result_int(), 200u) << "a query does not change the path";
}

TEST_F(StatusServerTest, OversizeRequestIsRefused) {
    start();
    const auto res = get("/healthz", "X-Padding: " + std::string(8000, 'a') + "\r\n");
    EXPECT_EQ(res.result_int(), 431u);
    const auto body = request(
        "GET /healthz HTTP/1.1\r\nHost: w\r\nContent-Length: 10\r\n\r\n"
        "0123456789");
    EXPECT_EQ(body.result_int(), 413u);
}

TEST_F(StatusServerTest, HeadAndOnlyReadMethodsAreServed) {
    publish_data_aged(std::chrono::seconds{1});
    present_frame();
    start();
    const auto head = request("HEAD /healthz HTTP/1.1\r\nHost: w\r\n\r\n", true);
    EXPECT_EQ(head.result_int(), 200u);
    EXPECT_GT(std::stoul(std::string(head[http::field::content_length])), 50u);
    EXPECT_TRUE(head.body().empty());
    const auto post = request("POST /healthz HTTP/1.1\r\nHost: w\r\nContent-Length: 0\r\n\r\n");
    EXPECT_EQ(post.result_int(), 405u);
}

TEST(RenderFault, ReportsStallsBlankAndFrozenPictures) {
    using namespace std::chrono_literals;
    const auto t0 = std::chrono::steady_clock::time_point{} + 1000s;
    RenderHealth h(t0);
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 60s), "");
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 121s), "no_frame");
    FrameReport r;
    r.fingerprint = 1;
    r.max_unchanged = 90s;
    h.frame_presented(r, t0 + 10s);
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 60s), "");
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 101s), "frame_unchanged");
    h.frame_presented(r, t0 + 95s);  // same picture again: still unchanged since t0 + 10 s
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 101s), "frame_unchanged");
    r.fingerprint = 2;
    h.frame_presented(r, t0 + 100s);
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 101s), "");
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 221s), "present_stalled");
    r.blank = true;
    h.frame_presented(r, t0 + 230s);
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 231s), "blank_frame");
    r.state = DisplayState::off;  // the scheduled black screen is not a fault, nor is it still
    h.frame_presented(r, t0 + 240s);
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 241s), "");
    EXPECT_EQ(render_fault(h.snapshot(), t0 + 339s), "");
}

}  // namespace
}  // namespace tsur::net
