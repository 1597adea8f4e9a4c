// Serving the simulator over HTTP: tick-floored snapshots, strong ETags, gzip, 304s.
#include "demo/demo_feed.hpp"

#include <cstdio>
#include <memory>

#include <boost/asio/signal_set.hpp>
#include <zlib.h>

#include "model/ascii_text.hpp"

namespace tsur::net {
namespace {

std::string etag_of(std::string_view body) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64
    for (const char c : body) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
    return buf;
}

template <typename F>
void for_each_list_item(std::string_view list, F&& f) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        f(model::trim_ascii(list.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    bool match = false;
    for_each_list_item(if_none_match, [&](std::string_view item) {
        if (item.starts_with("W/")) item.remove_prefix(2);  // weak comparison (RFC 9110 13.1.2)
        match = match || item == "*" || item == etag;
    });
    return match;
}

bool accepts_gzip(std::string_view accept_encoding) {
    bool ok = false;
    for_each_list_item(accept_encoding, [&](std::string_view item) {
        const auto semi = item.find(';');
        const auto coding = model::trim_ascii(item.substr(0, semi));
        if (!iequals_ascii(coding, "gzip") && coding != "*") return;
        bool refused = false;
        if (semi != std::string_view::npos) {
            auto params = model::trim_ascii(item.substr(semi + 1));
            if (params.starts_with("q=") || params.starts_with("Q=")) {
                params.remove_prefix(2);
                refused = params.find_first_not_of("0.") == std::string_view::npos;
            }
        }
        ok = ok || !refused;
    });
    return ok;
}

struct DeflateEnd {
    void operator()(z_stream* zs) const { deflateEnd(zs); }
};

std::string gzip_of(std::string_view data) {
    z_stream zs{};
    // Benchmark-sized feeds (tens of MB) would hold the io thread for seconds at level 6.
    const int level = data.size() > 8u * 1024u * 1024u ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION;
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return {};
    }
    const std::unique_ptr<z_stream, DeflateEnd> guard(&zs);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) return {};
    out.resize(zs.total_out);
    return out;
}

}  // namespace

model::TimePoint system_now() {
    return std::chrono::floor<model::Seconds>(std::chrono::system_clock::now());
}

DemoFeed::DemoFeed(std::shared_ptr<const DemoSimulator> simulator, std::chrono::seconds tick,
                   DemoClock clock)
    : simulator_(std::move(simulator)),
      tick_(tick.count() > 0 ? tick : std::chrono::seconds{1}),
      clock_(clock ? std::move(clock) : DemoClock{system_now}) {}

HttpHandler DemoFeed::as_handler(std::shared_ptr<DemoFeed> feed) {
    return
        [feed = std::move(feed)](const HttpRequestView& request) { return feed->handle(request); };
}

std::shared_ptr<DemoFeed::Body> DemoFeed::body_at(model::TimePoint as_of) {
    if (cached_ && cached_->as_of == as_of) return cached_;
    auto body = std::make_shared<Body>();
    body->as_of = as_of;
    body->json = simulator_->generate_json(as_of);
    body->etag = etag_of(body->json);
    cached_ = body;
    return body;
}

HttpResponse DemoFeed::handle(const HttpRequestView& request) {
    if (request.path() != "/v1/snapshot") {
        return text_response(404, "not found: the demo feed serves /v1/snapshot?region=" +
                                      simulator_->region().code + "\n");
    }
    const auto region = request.query_param("region");
    if (!iequals_ascii(region, simulator_->region().code)) {
        return text_response(
            400, "unknown region '" + std::string{region} +
                     "': this demo feed serves region=" + simulator_->region().code + "\n");
    }
    const model::TimePoint now = clock_();
    const auto ticks = now.time_since_epoch() / tick_;
    const model::TimePoint as_of{tick_ * (now.time_since_epoch().count() < 0 ? ticks - 1 : ticks)};

    HttpResponse res;
    res.headers.emplace_back("Date", http_date(now));
    res.headers.emplace_back("Cache-Control", "no-cache");
    res.headers.emplace_back("Vary", "Accept-Encoding");
    // Generation and compression happen under the lock: concurrent polls of one tick share them.
    const std::lock_guard lock(mutex_);
    const auto body = body_at(as_of);
    res.headers.emplace_back("ETag", body->etag);
    if (etag_matches(request.header("If-None-Match"), body->etag)) {
        res.status = 304;
        res.content_type.clear();
        return res;
    }
    res.content_type = "application/json";
    if (accepts_gzip(request.header("Accept-Encoding"))) {
        if (body->gzip.empty()) body->gzip = gzip_of(body->json);
        if (!body->gzip.empty()) {
            res.headers.emplace_back("Content-Encoding", "gzip");
            res.body = body->gzip;
            return res;
        }
    }
    res.body = body->json;
    return res;
}

DemoFeedServer::DemoFeedServer(boost::asio::io_context& io,
                               std::shared_ptr<const model::Region> region, DemoFeedOptions options)
    : options_(std::move(options)),
      feed_(std::make_shared<DemoFeed>(
          std::make_shared<const DemoSimulator>(std::move(region), options_.simulator),
          options_.tick, options_.clock)),
      server_(io, DemoFeed::as_handler(feed_)) {}

model::Result<std::uint16_t> DemoFeedServer::start() {
    return server_.listen(options_.address, options_.port);
}

std::string DemoFeedServer::base_url() const {
    const bool v6 = options_.address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + options_.address + "]" : options_.address) + ":" +
           std::to_string(port());
}

int run_demo_feed_server(std::shared_ptr<const model::Region> region, DemoFeedOptions options) {
    boost::asio::io_context io;
    const std::string code = region->code;
    DemoFeedServer server(io, std::move(region), std::move(options));
    const auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "demo-feed: %s\n", port.error().c_str());
        return 1;
    }
    std::fprintf(stderr, "demo-feed: serving %s/v1/snapshot?region=%s\n", server.base_url().c_str(),
                 code.c_str());
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { server.stop(); });
    io.run();
    return 0;
}

}  // namespace tsur::net
