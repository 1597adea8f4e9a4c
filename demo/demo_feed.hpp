// The demo feed over HTTP: GET /v1/snapshot?region=RU-UD from the simulator, with ETag/304 and gzip.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio/io_context.hpp>

#include "model/region.hpp"
#include "model/result.hpp"
#include "model/time.hpp"
#include "demo/demo_simulator.hpp"
#include "server/http_handler.hpp"
#include "server/http_server.hpp"

namespace tsur::net {

/// Where the demo's "now" comes from: the system clock, or a test's or an accelerated clock.
using DemoClock = std::function<model::TimePoint()>;

/// The system clock in whole seconds.
model::TimePoint system_now();

/// The snapshot handler. Bodies change at most once per tick (as_of is floored to it), so
/// repeated polls get 304s. handle() is thread-safe (one mutex around the cached body).
class DemoFeed {
public:
    DemoFeed(std::shared_ptr<const DemoSimulator> simulator, std::chrono::seconds tick,
             DemoClock clock);

    HttpResponse handle(const HttpRequestView& request);
    /// A handler for HttpServer that keeps this feed alive.
    static HttpHandler as_handler(std::shared_ptr<DemoFeed> feed);

private:
    struct Body {
        model::TimePoint as_of{};
        std::string json;
        std::string gzip;  ///< filled on the first gzip request
        std::string etag;  ///< quoted strong validator: hash of json
    };
    std::shared_ptr<Body> body_at(model::TimePoint as_of);

    std::shared_ptr<const DemoSimulator> simulator_;
    std::chrono::seconds tick_;
    DemoClock clock_;
    std::mutex mutex_;
    std::shared_ptr<Body> cached_;
};

/// Where and how the demo feed is served; plain value.
struct DemoFeedOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;  ///< 0 picks a free port
    SimulatorOptions simulator;
    std::chrono::seconds tick{15};
    DemoClock clock;  ///< empty: system_now
};

/// The demo feed served on an io_context the caller runs (the io thread). start()/stop() on the
/// io thread, or while the io_context is not running.
class DemoFeedServer {
public:
    DemoFeedServer(boost::asio::io_context& io, std::shared_ptr<const model::Region> region,
                   DemoFeedOptions options);

    /// Binds and starts serving; returns the bound port.
    model::Result<std::uint16_t> start();
    void stop() { server_.stop(); }
    std::uint16_t port() const { return server_.port(); }
    /// "http://127.0.0.1:PORT" once started: the base URL a feed client polls.
    std::string base_url() const;

private:
    DemoFeedOptions options_;
    std::shared_ptr<DemoFeed> feed_;
    HttpServer server_;
};

/// Runs the demo feed in the foreground until SIGINT/SIGTERM (`tsur-wall demo-feed`). Returns
/// a process exit code; prints where it listens, or why it cannot, on stderr.
int run_demo_feed_server(std::shared_ptr<const model::Region> region, DemoFeedOptions options);

}  // namespace tsur::net
