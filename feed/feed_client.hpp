// Polls the feed on the io thread and publishes each accepted document as a new snapshot.
#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/region.hpp"
#include "model/result.hpp"
#include "model/server_clock.hpp"
#include "model/sla_rules.hpp"
#include "model/snapshot.hpp"
#include "feed/feed_client_config.hpp"
#include "state/feed_stats.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::net {

/// Turns a response body into a document (net/feed_parser's parse_feed_v1 bound to a region).
using FeedParserFn = std::function<model::Result<model::FeedDocument>(std::string_view body)>;

/// How one poll ended; handed to the on_poll callback (for logging) and to fetch_once's callback.
struct PollOutcome {
    std::string result;    ///< the /metrics label: "ok", "not_modified", "http_5xx", "timeout", ...
    bool success = false;  ///< "ok" or "not_modified"
    bool published = false;
    long http_status = 0;
    std::string message;  ///< for a person: what failed and where; empty on success
    std::chrono::milliseconds duration{0};
    std::chrono::milliseconds next_poll{0};  ///< 0 when no further poll is scheduled
    /// For the log, already limited in number: records dropped (the first few by id, then a
    /// summary), a Date header that was not believed, a future snapshot replaced.
    std::vector<std::string> notes;
};

/// True for poll results where the server answered but its document was refused
/// ("bad_document", "as_of_backwards", "as_of_future", "all_rejected"): retrying sooner cannot
/// help, and the screen says the answer was refused rather than "no connection".
bool is_content_failure(std::string_view result);

/// Conditional GETs with libcurl on the caller's io_context (never blocking it), backoff with
/// jitter on failure, snapshot publishing, last-known-good cache writes and the server clock
/// estimate. Io thread only: create it, call it and destroy it on the thread that runs the
/// io_context (or while that io_context is not running). Callbacks run on the io thread.
class FeedClient {
public:
    FeedClient(boost::asio::io_context& io, FeedClientConfig config, FeedParserFn parser,
               std::shared_ptr<const model::Region> region,
               std::shared_ptr<const model::SlaRules> rules, SnapshotStore& store, FeedStats& stats,
               model::ServerClock& clock);
    ~FeedClient();
    FeedClient(const FeedClient&) = delete;
    FeedClient& operator=(const FeedClient&) = delete;

    /// Called after each publish, e.g. to wake the render thread.
    void on_publish(std::function<void(const model::SnapshotPtr&)> callback);
    /// Called after each poll, e.g. to log failures.
    void on_poll(std::function<void(const PollOutcome&)> callback);
    /// Called with each parsed document (cache or poll) just before it becomes a snapshot; it may
    /// change it, e.g. fill in a history the feed does not send.
    void on_document(std::function<void(model::FeedDocument&)> hook);

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
