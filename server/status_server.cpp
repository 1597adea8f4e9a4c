// Routing, authorisation and the screenshot hand-off of the status server. Every response is
// built from copies (atomics, shared pointers), so a request never waits on the render thread.
#include "server/status_server.hpp"

#include "server/metrics_text.hpp"
#include "server/status_report.hpp"
#include "sys/private_files.hpp"

namespace tsur::net {
namespace {

HttpResponse no_store(HttpResponse res) {
    // Health and pictures describe one instant; a proxy or browser cache would lie later.
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
}

HttpResponse unauthorised(std::string_view why) {
    auto res = text_response(401, std::string(why));
    res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tsur-wall\"");
    return no_store(std::move(res));
}

}  // namespace

bool constant_time_equals(std::string_view a, std::string_view b) {
    unsigned diff = a.size() == b.size() ? 0u : 1u;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        diff |= x ^ static_cast<unsigned char>(b[i]);
    }
    return diff == 0;
}

StatusServer::StatusServer(boost::asio::io_context& io, StatusServerOptions options,
                           const SnapshotStore& store, const FeedStats& stats, RenderHealth& render,
                           const model::ServerClock& clock)
    : options_(std::move(options)),
      store_(store),
      stats_(stats),
      render_(render),
      clock_(clock),
      started_(std::chrono::steady_clock::now()),
      http_(
          io, [this](const HttpRequestView& req) { return handle(req); }, options_.limits) {}

model::Result<std::uint16_t> StatusServer::start() {
    if (options_.token_file) {
        auto token = read_token_file(*options_.token_file);
        if (!token) return model::Error{"status server: " + token.error()};
        token_ = token.take();
    }
    auto port = http_.listen(options_.address, options_.port);
    if (!port) return model::Error{"status server: " + port.error()};
    return port;
}

void StatusServer::stop() { http_.stop(); }

bool StatusServer::has_token(const HttpRequestView& request) const {
    if (token_.empty()) return false;
    const std::string_view auth = request.header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (auth.size() <= kScheme.size() || !iequals_ascii(auth.substr(0, kScheme.size()), kScheme)) {
        return false;
    }
    return constant_time_equals(auth.substr(kScheme.size()), token_);
}

HttpResponse StatusServer::handle(const HttpRequestView& request) const {
    const bool token_ok = has_token(request);
    if (!token_.empty() && !token_ok) return unauthorised("a bearer token is required\n");
    const std::string_view path = request.path();
    if (path == "/healthz") return no_store(healthz());
    if (path == "/metrics") return no_store(metrics());
    if (path == "/screenshot.png") {
        return no_store(screenshot(request.method == "GET", token_ok));
    }
    if (path == "/scene.json") {
        return no_store(screenshot(request.method == "GET", token_ok, true));
    }
    return text_response(404,
                         "not found: the status server serves /healthz, /metrics, "
                         "/screenshot.png and /scene.json\n");
}

namespace {

StatusInputs gather(const StatusServerOptions& o, const SnapshotStore& store,
                    const FeedStats& stats, const RenderHealth& render,
                    const model::ServerClock& clock,
                    std::chrono::steady_clock::time_point started) {
    StatusInputs in;
    in.version = o.version;
    in.steady_now = std::chrono::steady_clock::now();
    in.uptime = std::chrono::duration_cast<std::chrono::seconds>(in.steady_now - started);
    in.server_now = clock.now();
    in.published = store.current_published();
    in.feed = stats.snapshot();
    in.render = render.snapshot();
    in.stale_after = o.stale_after;
    in.render_limits = o.render_limits;
    in.calendar = o.calendar;
    return in;
}

}  // namespace

HttpResponse StatusServer::healthz() const {
    const auto in = gather(options_, store_, stats_, render_, clock_, started_);
    const auto verdict = assess_health(in);
    HttpResponse res;
    res.status = verdict.healthy ? 200 : 503;
    res.content_type = "application/json";
    res.body = healthz_json(in, verdict);
    return res;
}

HttpResponse StatusServer::metrics() const {
    const auto in = gather(options_, store_, stats_, render_, clock_, started_);
    HttpResponse res;
    res.content_type = std::string(kMetricsContentType);
    res.body = metrics_text(in, assess_health(in));
    return res;
}

HttpResponse StatusServer::screenshot(bool is_get, bool token_ok, bool scene) const {
    const auto [png, scene_bytes, frame, public_view] = render_.png();
    // Incident titles can carry a citizen's name, address and phone: the picture needs the
    // token unless it shows only public-mode widgets (issue 20).
    if (png && !public_view && !token_ok) {
        return unauthorised(token_.empty()
                                ? "the picture and its scene show incident texts: they need a "
                                  "bearer token "
                                  "(set status_server.token_file) unless the layout on show is "
                                  "public\n"
                                : "a bearer token is required\n");
    }
    // The render thread encodes a PNG only when asked, because reading back and compressing a 4K
    // frame costs real time; so a request that finds an older picture asks for the current one.
    if (is_get && (!png || frame != render_.frames())) {
        render_.request_screenshot();
        if (options_.on_screenshot_request) options_.on_screenshot_request();
    }
    if (!png) {
        auto res = text_response(503, "no frame captured yet; retry in a second\n");
        res.headers.emplace_back("Retry-After", "1");
        return res;
    }
    HttpResponse res;
    if (scene) {
        res.content_type = "application/json";
        if (scene_bytes) res.body.assign(scene_bytes->begin(), scene_bytes->end());
    } else {
        res.content_type = "image/png";
        res.body.assign(png->begin(), png->end());
    }
    res.headers.emplace_back("X-Tsur-Frame", std::to_string(frame));
    res.headers.emplace_back("X-Tsur-Frame-Current", frame == render_.frames() ? "yes" : "no");
    return res;
}

}  // namespace tsur::net
