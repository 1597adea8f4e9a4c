// The io side of the running wall: feed client, demo feed, status server and control socket, all
// on one io thread, and the shared objects the render loop reads.
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "app/freeze_state.hpp"
#include "app/io_thread.hpp"
#include "app/logger.hpp"
#include "app/wall_assets.hpp"
#include "config/app_config.hpp"
#include "model/server_clock.hpp"
#include "state/feed_stats.hpp"
#include "state/render_health.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::net {
class DemoFeedServer;
class FeedClient;
class StatusServer;
class ControlSocketServer;
}  // namespace tsur::net

namespace tsur::app {

class FreezeController;
class HistoryStore;

struct RuntimeOptions {
    bool demo = false;
    std::uint64_t demo_seed = 18;
    double demo_scale = 1.0;
    config::AppConfig conf;      ///< feed, status server, cache dir
    std::string control_socket;  ///< empty: no control socket
    std::function<void()> wake;  ///< wakes the render loop (thread-safe)
};

/// Owns the io thread and everything on it; construct, start and destroy on the main thread.
class WallRuntime {
public:
    WallRuntime(WallAssets& assets, RuntimeOptions options, Logger& log);
    ~WallRuntime();
    WallRuntime(const WallRuntime&) = delete;
    WallRuntime& operator=(const WallRuntime&) = delete;

    /// Starts the servers, then on the io thread restores the cache and starts polling; an
    /// error only when the feed cannot be set up at all (the status server and control socket
    /// failing are logged, not fatal).
    model::Result<bool> start();
    /// Waits up to `limit` for the cache restore that start() queued (published or refused);
    /// true once it is done. Main thread, before the first frame.
    bool wait_for_cache(std::chrono::milliseconds limit) const;
    void stop();

    net::SnapshotStore store;
    net::FeedStats stats;
    model::ServerClock clock;
    net::RenderHealth health;
    FreezeState freeze;
    model::Seconds poll_interval{30};

private:
    WallAssets& assets_;
    RuntimeOptions options_;
    Logger& log_;
    IoThread io_;
    std::unique_ptr<net::DemoFeedServer> demo_;
    std::unique_ptr<HistoryStore> history_;  // before client_, whose callbacks point at it
    std::unique_ptr<net::FeedClient> client_;
    std::unique_ptr<net::StatusServer> status_;
    std::unique_ptr<FreezeController> freeze_controller_;
    std::unique_ptr<net::ControlSocketServer> control_;
    std::promise<void> cache_restored_;
    std::shared_future<void> cache_done_;
    bool started_ = false;
};

}  // namespace tsur::app
