// The wall's read-only status endpoints on the embedded HTTP server: /healthz, /metrics and
// /screenshot.png, loopback by default, optionally behind a bearer token; the screenshot always
// needs the token unless the frame it shows is public.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>

#include "model/result.hpp"
#include "model/server_clock.hpp"
#include "model/work_calendar.hpp"
#include "state/feed_stats.hpp"
#include "server/http_server.hpp"
#include "state/render_health.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::net {

struct StatusServerOptions {
    std::string address = "127.0.0.1";  ///< IP literal; loopback unless a token guards it
    std::uint16_t port = 9311;          ///< 0: any free port (tests)
    /// A file holding the bearer token (read once by start()); empty: no token required.
    std::optional<std::filesystem::path> token_file;
    model::Seconds stale_after{600};  ///< /healthz turns 503 past this data age
    RenderFaultLimits render_limits;
    /// The deadlines' working-day calendar, for calendar_ending; null: not checked.
    std::shared_ptr<const model::WorkCalendar> calendar;
    std::string version = "dev";
    /// Status requests are tiny GETs: small limits, short timeouts.
    HttpLimits limits{4 * 1024, 0, std::chrono::seconds{5}, std::chrono::seconds{10}};
    /// Called on the io thread when /screenshot.png wants a fresh frame: wake the render loop
    /// (e.g. push an SDL user event; SDL_PushEvent is thread-safe). May be empty.
    std::function<void()> on_screenshot_request;
};

/// Serves the status endpoints on the io thread. Construct, start() and stop() on the io thread,
/// or on any thread while the io_context is not running. The referenced objects must outlive it.
class StatusServer {
public:
    StatusServer(boost::asio::io_context& io, StatusServerOptions options,
                 const SnapshotStore& store, const FeedStats& stats, RenderHealth& render,
                 const model::ServerClock& clock);
    StatusServer(const StatusServer&) = delete;
    StatusServer& operator=(const StatusServer&) = delete;

    /// Reads the token file, binds and starts serving; returns the bound port.
    model::Result<std::uint16_t> start();
    void stop();

    /// Answers one request (what the HTTP server calls); public for tests of the routing.
    HttpResponse handle(const HttpRequestView& request) const;

private:
    HttpResponse healthz() const;
    HttpResponse metrics() const;
    /// /screenshot.png, or with `scene` /scene.json: both from the newest captured frame.
    HttpResponse screenshot(bool is_get, bool token_ok, bool scene = false) const;
    /// True when a token is configured and the request carries it.
    bool has_token(const HttpRequestView& request) const;

    StatusServerOptions options_;
    const SnapshotStore& store_;
    const FeedStats& stats_;
    RenderHealth& render_;
    const model::ServerClock& clock_;
    std::chrono::steady_clock::time_point started_;
    std::string token_;  // empty: no token required
    HttpServer http_;
};

/// Compares in time that depends only on the lengths, so a wrong token leaks nothing about the
/// right one through response timing.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace tsur::net
