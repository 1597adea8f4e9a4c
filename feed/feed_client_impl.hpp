// Internals of FeedClient shared by its two source files; not for use outside feed/feed_client*.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <optional>
#include <string>

#include "feed/backoff.hpp"
#include "feed/clock_estimator.hpp"
#include "feed/curl_asio.hpp"
#include "feed/feed_client.hpp"
#include "feed/feed_transfer.hpp"

namespace tsur::net {

/// Keeps libcurl's global state initialised while any client exists (reference counted by curl).
struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

/// The client's state and policy; io thread only, like FeedClient.
class FeedClient::Impl {
public:
    Impl(boost::asio::io_context& io, FeedClientConfig config, IngestFn ingest,
         SnapshotStore& store, FeedStats& stats, model::ServerClock& clock);

    ~Impl() {
        alive_.reset();
        stop();
    }

    std::function<void(const model::SnapshotPtr&)> publish_callback;
    std::function<void(const PollOutcome&)> poll_callback;

    model::Result<bool> restore_from_cache();
    void start();
    void fetch_once(std::function<void(const PollOutcome&)> done);
    void stop();

private:
    void beat();
    void schedule(std::chrono::milliseconds delay);
    void poll();
    void begin_transfer(std::string url, bool may_fail);
    void on_done(CURLcode code);
    std::string failure_message(const FeedResponse& response, PollResult result) const;
    void accept_body(const FeedResponse& response, PollOutcome& out);
    /// "as_of T is more than 10 min ahead of this wall's clock (E)", for refusals and the log.
    std::string future_text(model::TimePoint t, std::chrono::system_clock::time_point now) const;
    /// A log line when the list of municipalities changes source (document vs the wall's own).
    std::string municipality_source_note(const Ingested& next) const;
    model::Result<Ingested> ingest(std::string_view body) const;
    void publish(const Ingested& ingested, SnapshotOrigin origin);
    void update_clock() { clock_.set_offset(estimator_.offset(std::chrono::system_clock::now())); }
    void finish_poll(PollOutcome out, std::optional<std::chrono::seconds> retry_after);

    CurlGlobal curl_global_;
    FeedClientConfig config_;
    IngestFn ingest_;
    SnapshotStore& store_;
    FeedStats& stats_;
    model::ServerClock& clock_;
    CurlMultiAsio curl_;
    boost::asio::steady_timer poll_timer_;
    boost::asio::steady_timer heartbeat_timer_;
    Backoff backoff_;
    ClockEstimator estimator_;
    bool is_file_;
    bool polling_ = false;
    std::string etag_;  // of the newest accepted document only, so a rejected one is re-fetched
    std::optional<std::size_t> published_body_;  // hash of the newest published body
    bool published_own_list_ = false;  // the newest published document had its own municipalities
    std::string token_;                // read once per poll, sent with each of its GETs
    std::string current_url_;          // of the GET in flight (a plan's page, or config_.url)
    bool step_may_fail_ = false;
    bool date_refused_ = false;  // the last Date header was not believed (logged once per run)
    std::chrono::steady_clock::time_point poll_started_;
    std::unique_ptr<FeedTransfer> transfer_;
    std::function<void(const PollOutcome&)> once_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // handlers hold a weak_ptr to it
};

}  // namespace tsur::net
