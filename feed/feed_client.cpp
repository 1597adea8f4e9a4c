// Feed polling policy: when to poll, and what a finished transfer means for stats and schedule.
#include "feed/feed_client.hpp"

#include <algorithm>
#include <random>

#include "feed/feed_client_impl.hpp"
#include "feed/feed_poll_plan.hpp"
#include "model/redact.hpp"
#include "sys/private_files.hpp"

namespace tsur::net {

namespace chr = std::chrono;
using boost::system::error_code;

namespace {

std::uint64_t seed_from(std::uint64_t configured) {
    if (configured != 0) return configured;
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

}  // namespace

FeedClient::Impl::Impl(boost::asio::io_context& io, FeedClientConfig config, IngestFn ingest,
                       SnapshotStore& store, FeedStats& stats, model::ServerClock& clock)
    : config_(std::move(config)),
      ingest_(std::move(ingest)),
      store_(store),
      stats_(stats),
      clock_(clock),
      curl_(io),
      poll_timer_(io),
      heartbeat_timer_(io),
      backoff_(config_.backoff_base, config_.backoff_cap, seed_from(config_.jitter_seed)),
      estimator_(5, config_.max_server_ahead),
      is_file_(config_.url.starts_with("file://")) {}

void FeedClient::Impl::start() {
    polling_ = true;
    once_ = nullptr;
    beat();
    poll();
}

void FeedClient::Impl::fetch_once(std::function<void(const PollOutcome&)> done) {
    polling_ = false;
    once_ = std::move(done);
    poll();
}

void FeedClient::Impl::stop() {
    polling_ = false;
    once_ = nullptr;
    poll_timer_.cancel();
    heartbeat_timer_.cancel();
    if (transfer_) {
        curl_.remove(transfer_->handle());
        transfer_.reset();
    }
}

void FeedClient::Impl::beat() {
    stats_.beat();
    heartbeat_timer_.expires_after(chr::seconds{1});
    heartbeat_timer_.async_wait([this, alive = std::weak_ptr<int>(alive_)](const error_code& ec) {
        if (ec || alive.expired() || !polling_) return;
        beat();
    });
}

void FeedClient::Impl::schedule(chr::milliseconds delay) {
    poll_timer_.expires_after(delay);
    poll_timer_.async_wait([this, alive = std::weak_ptr<int>(alive_)](const error_code& ec) {
        if (ec || alive.expired() || !polling_) return;
        poll();
    });
}

void FeedClient::Impl::poll() {
    if (transfer_) return;
    token_.clear();
    if (config_.token_file) {
        auto read = read_token_file(*config_.token_file);
        if (!read) {
            PollOutcome failed;
            failed.result = PollResult::token_unreadable;
            failed.message = read.error();
            finish_poll(std::move(failed), std::nullopt);
            return;
        }
        token_ = read.take();
    }
    poll_started_ = chr::steady_clock::now();
    if (config_.plan) {
        auto step = config_.plan->start(chr::system_clock::now());
        begin_transfer(std::move(step.url), step.may_fail);
    } else {
        begin_transfer(config_.url, false);
    }
}

void FeedClient::Impl::begin_transfer(std::string url, bool may_fail) {
    current_url_ = std::move(url);
    step_may_fail_ = may_fail;
    PollOutcome failed;
    auto created = [&] {
        if (!config_.plan) return FeedTransfer::create(config_, etag_, token_);
        FeedClientConfig step = config_;
        step.url = current_url_;
        return FeedTransfer::create(step, {}, token_);
    }();
    if (!created) {
        failed.result = PollResult::transfer_failed;
        failed.message = created.error();
        finish_poll(std::move(failed), std::nullopt);
        return;
    }
    transfer_ = created.take();
    if (!curl_.add(transfer_->handle(), [this](CURLcode code) { on_done(code); })) {
        transfer_.reset();
        failed.result = PollResult::transfer_failed;
        failed.message = "curl refused the transfer for " + current_url_;
        finish_poll(std::move(failed), std::nullopt);
    }
}

std::string FeedClient::Impl::failure_message(const FeedResponse& r, PollResult result) const {
    if (result == PollResult::too_large) {
        return "the document from " + current_url_ + " exceeds " +
               std::to_string(config_.max_body_bytes) + " bytes; transfer aborted";
    }
    if (r.code != CURLE_OK) {
        return std::string(id_of(result)) + ": " + r.error + " (" + current_url_ + ")";
    }
    if (!is_success(result)) {
        std::string text = "HTTP " + std::to_string(r.status) + " from " + current_url_;
        if (config_.describe_error && !r.body.empty()) {
            if (const auto said = config_.describe_error(r.body)) {
                text += "; the server says: " + *said;
            }
        }
        return text;
    }
    return {};
}

void FeedClient::Impl::on_done(CURLcode code) {
    const auto transfer = std::move(transfer_);
    FeedResponse& r = transfer->finish(code);
    PollOutcome out;
    out.duration = chr::duration_cast<chr::milliseconds>(chr::steady_clock::now() - poll_started_);
    out.http_status = r.status;
    out.result = classify(r, is_file_);
    stats_.add_bytes(r.wire_bytes);

    if (r.date && (r.status == 200 || r.status == 304)) {
        if (estimator_.add_date_sample(*r.date, r.date_received)) {
            date_refused_ = false;
            update_clock();
        } else if (!date_refused_) {
            // Once per episode: a server with a broken clock would otherwise fill the log.
            date_refused_ = true;
            out.notes.push_back(
                "server Date " + model::format_rfc3339(*r.date) + " from " + current_url_ +
                " is more than " +
                std::to_string(
                    chr::duration_cast<chr::minutes>(*config_.max_server_ahead).count()) +
                " min from this PC's clock; not used for server time");
        }
    }
    if (config_.plan && (out.result == PollResult::ok || step_may_fail_)) {
        const bool ok = out.result == PollResult::ok;
        auto next = config_.plan->advance(ok ? &r.body : nullptr,
                                          ok ? std::string() : failure_message(r, out.result));
        if (!next) {
            out.result = PollResult::bad_document;
            out.message = next.error() + " (" + current_url_ + "); kept the shown snapshot";
            finish_poll(std::move(out), std::nullopt);
            return;
        }
        if (next.value()) {
            auto step = std::move(*next.value());
            begin_transfer(std::move(step.url), step.may_fail);
            return;
        }
        // The poll is complete: its merged document is parsed, published and cached as one.
        r.body = config_.plan->take_document();
        r.etag.clear();
        out.result = PollResult::ok;
        if (config_.plan->truncated()) stats_.count_truncated();
    }
    if (out.result == PollResult::ok) {
        accept_body(r, out);
    } else {
        out.message = failure_message(r, out.result);
    }
    std::optional<chr::seconds> retry_after;
    if (r.status == 429 || r.status == 503) retry_after = r.retry_after;
    finish_poll(std::move(out), retry_after);
}

void FeedClient::Impl::finish_poll(PollOutcome out, std::optional<chr::seconds> retry_after) {
    // Messages name the URL; whoever reads the outcome (log, status, a test) gets it redacted.
    out.message = model::redact_secrets(out.message, config_.url);
    stats_.record_poll(out.result, out.message, out.duration);
    if (polling_) {
        chr::milliseconds delay = config_.poll_interval;
        if (is_success(out.result) || is_content_failure(out.result)) {
            // Retrying sooner cannot fix a document the server will send again unchanged.
            backoff_.reset();
        } else {
            delay = backoff_.next_delay();
            if (retry_after) {
                delay = std::max(delay, retry_after_delay(*retry_after, config_.retry_after_cap));
            }
        }
        out.next_poll = delay;
        schedule(delay);
    }
    std::weak_ptr<int> alive = alive_;
    if (poll_callback) poll_callback(out);
    if (alive.expired() || !once_) return;
    auto done = std::move(once_);
    once_ = nullptr;
    done(out);
}

FeedClient::FeedClient(boost::asio::io_context& io, FeedClientConfig config, IngestFn ingest,
                       SnapshotStore& store, FeedStats& stats, model::ServerClock& clock)
    : impl_(std::make_unique<Impl>(io, std::move(config), std::move(ingest), store, stats, clock)) {
}

FeedClient::~FeedClient() = default;

void FeedClient::on_publish(std::function<void(const model::SnapshotPtr&)> callback) {
    impl_->publish_callback = std::move(callback);
}
void FeedClient::on_poll(std::function<void(const PollOutcome&)> callback) {
    impl_->poll_callback = std::move(callback);
}
model::Result<bool> FeedClient::restore_from_cache() { return impl_->restore_from_cache(); }
void FeedClient::start() { impl_->start(); }
void FeedClient::fetch_once(std::function<void(const PollOutcome&)> done) {
    impl_->fetch_once(std::move(done));
}
void FeedClient::stop() { impl_->stop(); }

}  // namespace tsur::net
