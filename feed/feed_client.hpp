// Polls the feed on the io thread and publishes each accepted document as a new snapshot.
#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "model/server_clock.hpp"
#include "model/snapshot.hpp"
#include "feed/feed_client_config.hpp"
#include "feed/feed_ingest.hpp"
#include "state/feed_stats.hpp"
#include "state/poll_result.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::net {

/// How one poll ended; handed to the on_poll callback (for logging) and to fetch_once's callback.
struct PollOutcome {
    /// transfer_failed until the poll has ended, so an outcome never filled in is no success.
    PollResult result = PollResult::transfer_failed;
    bool published = false;
    long http_status = 0;
    std::string message;  ///< for a person: what failed and where; empty on success
    std::chrono::milliseconds duration{0};
    std::chrono::milliseconds next_poll{0};  ///< 0 when no further poll is scheduled
    /// For the log, already limited in number: records dropped (the first few by id, then a
    /// summary), a Date header that was not believed, a future snapshot replaced.
    std::vector<std::string> notes;
};

/// Conditional GETs with libcurl on the caller's io_context (never blocking it), backoff with
/// jitter on failure, the rules of what to publish (the body becomes a snapshot through
/// `ingest`), last-known-good cache writes and the server clock estimate. Io thread only: create
/// it, call it and destroy it on the thread that runs the io_context (or while that io_context is
/// not running). Callbacks run on the io thread.
class FeedClient {
public:
    FeedClient(boost::asio::io_context& io, FeedClientConfig config, IngestFn ingest,
               SnapshotStore& store, FeedStats& stats, model::ServerClock& clock);
    ~FeedClient();
    FeedClient(const FeedClient&) = delete;
    FeedClient& operator=(const FeedClient&) = delete;

    /// Called after each publish (poll or cache), once the store holds the snapshot: e.g. to wake
    /// the render thread, then to record it where that may wait for the disk.
    void on_publish(std::function<void(const model::SnapshotPtr&)> callback);
    /// Called after each poll, e.g. to log failures.
    void on_poll(std::function<void(const PollOutcome&)> callback);

    /// Loads the last-known-good cache (if configured and present) and publishes it with
    /// origin `cache`. Returns true when published, false when there is none; an Error when it
    /// is corrupt, of another feed kind or does not parse (then nothing is published).
    model::Result<bool> restore_from_cache();

    /// Polls now, then every poll_interval (backing off on failure); beats the io heartbeat.
    void start();
    /// One transfer and no retry (for --screenshot); `done` runs on the io thread afterwards.
    void fetch_once(std::function<void(const PollOutcome&)> done);
    /// Cancels the timers and any transfer in flight; no callback runs afterwards.
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tsur::net
