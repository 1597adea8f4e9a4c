// Start-up order matters: the cache is restored before the first poll so the wall shows the last
// data at once, and servers come up before the io thread runs so their errors are reported here.
#include "app/wall_runtime.hpp"

#include <malloc.h>

#include <boost/asio/post.hpp>

#include "app/feed_source.hpp"
#include "app/freeze_control.hpp"
#include "app/history_store.hpp"
#include "demo/demo_feed.hpp"
#include "feed/feed_client.hpp"
#include "server/control_socket.hpp"
#include "server/status_server.hpp"

namespace tsur::app {

WallRuntime::WallRuntime(WallAssets& assets, RuntimeOptions options, Logger& log)
    : assets_(assets), options_(std::move(options)), log_(log) {}

WallRuntime::~WallRuntime() { stop(); }

model::Result<bool> WallRuntime::start() {
    const config::AppConfig& conf = options_.conf;
    auto region = assets_.assets.region;
    cache_done_ = cache_restored_.get_future().share();
    net::FeedClientConfig cfg;
    cfg.version = TSUR_VERSION;
    cfg.poll_interval = conf.feed.poll_interval;
    cfg.token_file = conf.feed.token_file;
    cfg.insecure = conf.feed.insecure;
    cfg.ca_file = conf.feed.ca_file ? conf.feed.ca_file->string() : std::string();
    cfg.feed_kind = std::string(config::feed_kind_id(conf.feed.type));
    cfg.skip_repeated_body = options_.demo || conf.feed.type == config::FeedType::tsur_v1;
    FeedParserFn parser = v1_parser(region);
    if (options_.demo) {
        net::DemoFeedOptions demo_options;
        demo_options.simulator.seed = options_.demo_seed;
        demo_options.simulator.scale = options_.demo_scale;
        demo_options.simulator.boundary = net::outer_rings(*assets_.assets.geometry);
        demo_ = std::make_unique<net::DemoFeedServer>(io_.context(), region, demo_options);
        auto port = demo_->start();
        if (!port) return model::Error{"demo feed: " + port.error()};
        cfg.url = net::feed_v1_url(demo_->base_url(), region->code);
        cfg.cache_file = conf.cache_dir / "demo.cache";
    } else {
        auto source = configured_feed_source(assets_, conf.feed, log_);
        if (!source) return model::Error{source.error()};
        cfg.url = source.value().url;
        cfg.plan = source.value().plan;
        cfg.describe_error = source.value().describe_error;
        parser = source.value().parser;
        cfg.cache_file = conf.cache_dir / "feed.cache";
    }
    poll_interval = std::chrono::duration_cast<model::Seconds>(cfg.poll_interval);
    // Feeds without a daily history (Open311, a v1 feed that omits it) get the wall's own,
    // and it is loaded before the cache is restored so even the first snapshot has it.
    history_ =
        std::make_unique<HistoryStore>(history_file(conf.cache_dir, options_.demo), region, log_);
    history_->load();
    client_ = std::make_unique<net::FeedClient>(
        io_.context(), cfg, make_ingest(std::move(parser), region, assets_.rules, history_.get()),
        store, stats, clock);
    client_->on_publish(
        [wake = options_.wake, history = history_.get()](const model::SnapshotPtr& snapshot) {
            if (wake) wake();
            // After the wake-up and the publish: recording may save the book, and an fsync must
            // hold up neither the picture nor the render thread.
            history->record(*snapshot);
            // The previous snapshot and response body were just freed; give the pages back so a
            // months-long run holds one snapshot's worth of memory, not its high-water mark.
            malloc_trim(0);
        });
    client_->on_poll([this](const net::PollOutcome& o) {
        // A poll that publishes nothing (an unchanged body) still freed its body, and the render
        // thread's frames since the last trim left free pages in the heap: give them back too.
        if (!o.published) malloc_trim(0);
        if (!net::is_success(o.result)) {
            log_.log(LogLevel::warning, "feed_poll",
                     "feed poll " + std::string(net::id_of(o.result)) + ": " + o.message);
        }
        // Already limited per poll by the client; the logger's own limit covers repeats.
        for (const auto& note : o.notes) log_.warning("feed: " + note);
        // A refused answer publishes nothing, yet the screen must say so now, not at the next
        // minute's redraw.
        if (!net::is_success(o.result) && options_.wake) options_.wake();
    });
    // The cache is parsed on the io thread while the main thread opens the window and bakes the
    // fonts; the first poll waits behind it, so it never races the cached snapshot.
    boost::asio::post(io_.context(), [this] {
        if (auto restored = client_->restore_from_cache(); !restored) {
            log_.warning("ignoring the last-known-good cache: " + restored.error());
        }
        cache_restored_.set_value();
        client_->start();
    });

    if (conf.status_server.enabled) {
        net::StatusServerOptions so;
        so.address = conf.status_server.address;
        so.port = conf.status_server.port;
        so.token_file = conf.status_server.token_file;
        so.stale_after = conf.status_server.stale_after;
        so.version = TSUR_VERSION;
        // Aliasing: the calendar lives inside the rules, which live as long as the wall.
        so.calendar =
            std::shared_ptr<const model::WorkCalendar>(assets_.rules, &assets_.rules->calendar());
        so.on_screenshot_request = options_.wake;
        status_ = std::make_unique<net::StatusServer>(io_.context(), std::move(so), store, stats,
                                                      health, clock);
        // The wall matters more than its status page: a port in use is logged, not fatal.
        if (auto p = status_->start(); !p) {
            log_.error("status server: " + p.error());
            status_.reset();
        }
    }
    if (!options_.control_socket.empty()) {
        freeze_controller_ = std::make_unique<FreezeController>(freeze, store, clock);
        net::ControlSocketOptions co;
        co.path = options_.control_socket;
        control_ =
            std::make_unique<net::ControlSocketServer>(io_.context(), *freeze_controller_, co);
        if (auto c = control_->start(); !c) {
            log_.warning("control socket: " + c.error());
            control_.reset();
        }
    }
    io_.start();
    started_ = true;
    return true;
}

bool WallRuntime::wait_for_cache(std::chrono::milliseconds limit) const {
    return cache_done_.valid() && cache_done_.wait_for(limit) == std::future_status::ready;
}

void WallRuntime::stop() {
    if (!started_) return;
    started_ = false;
    // io objects are stopped on their own thread, then destroyed once it has ended.
    io_.run_and_wait([this] {
        if (client_) client_->stop();
        if (history_) {
            if (auto saved = history_->flush(); !saved) log_.warning("history: " + saved.error());
        }
        if (demo_) demo_->stop();
        if (status_) status_->stop();
        if (control_) control_->stop();
    });
    io_.stop();
    control_.reset();
    status_.reset();
    client_.reset();
    history_.reset();
    demo_.reset();
}

}  // namespace tsur::app
