// The embedded HTTP server over loopback: GET/HEAD, limits, keep-alive, timeouts, clean stop.
#include "server/http_server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/time_literal.hpp"
#include "sys/unique_fd.hpp"

namespace tsur::net {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;

/// Runs an HttpServer on its own io thread for one test; stop() joins it.
class LoopbackServer {
public:
    explicit LoopbackServer(HttpHandler handler, HttpLimits limits = {})
        : server_(io_, std::move(handler), limits), guard_(asio::make_work_guard(io_)) {
        const auto port = server_.listen("127.0.0.1", 0);
        if (!port) throw std::runtime_error(port.error());
        port_ = port.value();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~LoopbackServer() { stop(); }

    /// Stops the server on its thread and waits until the io_context has no work left.
    void stop() {
        if (!thread_.joinable()) return;
        asio::post(io_, [this] { server_.stop(); });
        guard_.reset();
        thread_.join();
    }
    std::uint16_t port() const { return port_; }
    const HttpServer& server() const { return server_; }

private:
    asio::io_context io_;
    HttpServer server_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

HttpResponse echo(const HttpRequestView& req) {
    HttpResponse res;
    res.body = std::string{req.method} + " " + std::string{req.path()} +
               " q=" + std::string{req.query_param("q")} +
               " ua=" + std::string{req.header("user-agent")};
    res.headers.emplace_back("X-Test", "yes");
    return res;
}

tcp::socket connect_to(asio::io_context& io, std::uint16_t port) {
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    return socket;
}

/// Sends raw bytes, then reads one response.
http::response<http::string_body> round_trip(tcp::socket& socket, const std::string& raw,
                                             bool head = false) {
    asio::write(socket, asio::buffer(raw));
    boost::beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.skip(head);
    http::read(socket, buffer, parser);
    return parser.release();
}

/// Reads until the peer closes; true when it closed (EOF or reset) rather than timing out.
bool closed_by_peer(tcp::socket& socket) {
    std::array<char, 256> scratch{};
    boost::system::error_code ec;
    for (int i = 0; i < 100 && !ec; ++i) socket.read_some(asio::buffer(scratch), ec);
    return ec == asio::error::eof || ec == asio::error::connection_reset;
}

TEST(HttpServer, ServesGetOverLoopback) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto res =
        round_trip(socket, "GET /v1/x?q=42 HTTP/1.1\r\nHost: t\r\nUser-Agent: gtest\r\n\r\n");
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "GET /v1/x q=42 ua=gtest");
    EXPECT_EQ(res["X-Test"], "yes");
    EXPECT_EQ(res["Server"], "tsur-wall");
    EXPECT_FALSE(res[http::field::date].empty());
}

TEST(HttpServer, KeepsTheConnectionAliveForSeveralRequests) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    for (int i = 0; i < 3; ++i) {
        const auto res =
            round_trip(socket, "GET /n?q=" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n");
        EXPECT_EQ(res.body(), "GET /n q=" + std::to_string(i) + " ua=");
    }
}

TEST(HttpServer, HeadGetsTheLengthButNoBody) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto head = round_trip(socket, "HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n", true);
    EXPECT_EQ(head.result_int(), 200u);
    EXPECT_EQ(head[http::field::content_length],
              std::to_string(std::string{"HEAD /h q= ua="}.size()));
    // The next response on the same connection parses cleanly: no stray body bytes were sent.
    const auto get = round_trip(socket, "GET /g HTTP/1.1\r\nHost: t\r\n\r\n");
    EXPECT_EQ(get.body(), "GET /g q= ua=");
}

TEST(HttpServer, RefusesOtherMethods) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto res =
        round_trip(socket, "POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi");
    EXPECT_EQ(res.result_int(), 405u);
    EXPECT_EQ(res[http::field::allow], "GET, HEAD");
}

TEST(HttpServer, OversizeHeaderGets431AndTheConnectionCloses) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const std::string huge(10 * 1024, 'x');
    const auto res = round_trip(socket, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + huge + "\r\n\r\n");
    EXPECT_EQ(res.result_int(), 431u);
    EXPECT_TRUE(closed_by_peer(socket));
}

TEST(HttpServer, OversizeBodyGets413AndTheConnectionCloses) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto res =
        round_trip(socket, "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" +
                               std::string(1000, 'b'));
    EXPECT_EQ(res.result_int(), 413u);
    EXPECT_TRUE(closed_by_peer(socket));
}

TEST(HttpServer, MalformedRequestGets400) {
    LoopbackServer server(echo);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto res = round_trip(socket, "GET / HTTP/1.1\r\nHost t\r\n\r\n");
    EXPECT_EQ(res.result_int(), 400u);
}

TEST(HttpServer, HandlerExceptionGives500AndServerLivesOn) {
    LoopbackServer server([](const HttpRequestView& req) -> HttpResponse {
        if (req.path() == "/boom") throw std::runtime_error("boom");
        return text_response(200, "fine");
    });
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    EXPECT_EQ(round_trip(socket, "GET /boom HTTP/1.1\r\nHost: t\r\n\r\n").result_int(), 500u);
    EXPECT_EQ(round_trip(socket, "GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").body(), "fine");
}

TEST(HttpServer, IdleConnectionIsClosedAfterTheReadTimeout) {
    HttpLimits limits;
    limits.read_timeout = std::chrono::seconds{1};
    LoopbackServer server(echo, limits);
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(closed_by_peer(socket));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{5});
}

TEST(HttpServer, StopClosesOpenConnectionsAndTheIoContextRunsOut) {
    auto server = std::make_unique<LoopbackServer>(echo);
    asio::io_context io;
    auto idle = connect_to(io, server->port());
    auto busy = connect_to(io, server->port());
    EXPECT_EQ(round_trip(busy, "GET / HTTP/1.1\r\nHost: t\r\n\r\n").result_int(), 200u);
    const auto port = server->port();
    // stop() returns only once io.run() has returned: no session or accept is left pending.
    auto stopped = std::async(std::launch::async, [&] { server->stop(); });
    ASSERT_EQ(stopped.wait_for(std::chrono::seconds{5}), std::future_status::ready);
    EXPECT_TRUE(closed_by_peer(idle));
    EXPECT_TRUE(closed_by_peer(busy));
    tcp::socket again(io);
    boost::system::error_code ec;
    again.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    EXPECT_TRUE(ec) << "the port no longer accepts";
}

/// Connects `n` clients to `port` from a child process (its descriptors are not ours), writes
/// one byte to `ready` once they are connected, then waits to be killed. Returns the child's pid.
pid_t connect_from_child(std::uint16_t port, int n, int ready) {
    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    // Only async-signal-safe calls in the child of a threaded process.
    rlimit lim{};
    ::getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &lim);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < n; ++i) {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0 || ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) break;
    }
    const char byte = 1;
    (void)::write(ready, &byte, 1);
    ::alarm(30);  // never outlive a crashed test for long
    for (;;) ::pause();
}

TEST(HttpServer, OutOfDescriptorsPausesAcceptingInsteadOfSpinningAndRecovers) {
    HttpLimits limits;
    limits.read_timeout = std::chrono::seconds{30};
    LoopbackServer server(echo, limits);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    UniqueFd ready_read(ready[0]), ready_write(ready[1]);
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    // Room for a few accepted connections, then EMFILE: what 1,100 idle clients did to the wall.
    const std::filesystem::directory_iterator fds("/proc/self/fd");
    const auto open_now = static_cast<rlim_t>(std::distance(begin(fds), end(fds)));
    rlimit low = saved;
    low.rlim_cur = open_now + 4;
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
    const pid_t child = connect_from_child(server.port(), 40, ready_write.get());
    char byte = 0;
    ASSERT_EQ(::read(ready_read.get(), &byte, 1), 1);
    // Give a spinning accept loop the chance to show itself (thousands of retries a second).
    std::this_thread::sleep_for(std::chrono::milliseconds{700});
    const std::uint64_t failures = server.server().accept_failures();
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
    EXPECT_GE(failures, 1u) << "the limit was never reached: the test proves nothing";
    EXPECT_LE(failures, 20u) << "accept retried without pausing";

    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    ready_read.reset();
    ready_write.reset();
    // Descriptors are back: a new client is served.
    asio::io_context io;
    auto socket = connect_to(io, server.port());
    const auto res = round_trip(socket, "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(res.result_int(), 200u);
}

TEST(HttpServer, ReportsABadListenAddress) {
    asio::io_context io;
    HttpServer server(io, echo);
    const auto res = server.listen("not-an-address", 0);
    ASSERT_FALSE(res.ok());
    EXPECT_NE(res.error().find("not-an-address"), std::string::npos);
}

TEST(HttpRequestView, FindsQueryParametersAndHeaders) {
    HttpRequestView view;
    view.target = "/v1/snapshot?region=RU-UD&empty=&flag";
    view.headers = {{"Accept-Encoding", "gzip"}};
    EXPECT_EQ(view.path(), "/v1/snapshot");
    EXPECT_EQ(view.query_param("region"), "RU-UD");
    EXPECT_TRUE(view.has_query_param("empty"));
    EXPECT_TRUE(view.has_query_param("flag"));
    EXPECT_FALSE(view.has_query_param("reg"));
    EXPECT_EQ(view.header("accept-encoding"), "gzip");
    EXPECT_EQ(view.header("missing"), "");
}

TEST(HttpDate, FormatsImfFixdate) {
    EXPECT_EQ(http_date(test::at("1994-11-06T08:49:37Z")), "Sun, 06 Nov 1994 08:49:37 GMT");
}

}  // namespace
}  // namespace tsur::net
