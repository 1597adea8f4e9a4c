// What an accepted feed body becomes: a published snapshot, a clock bound and a cache entry.
// Nothing that may wait for the disk runs before the snapshot is published.
#include <algorithm>
#include <exception>
#include <functional>
#include <string_view>

#include "feed/feed_client_impl.hpp"
#include "formats/feed_reasons.hpp"
#include "feed/snapshot_cache.hpp"

namespace tsur::net {

std::string FeedClient::Impl::municipality_source_note(const Ingested& next) const {
    // Said when the list's source changes, not on every poll.
    const bool shown_own = store_.current() && published_own_list_;
    if (next.own_municipalities && !shown_own) {
        return "municipalities: the document's own list of " +
               std::to_string(next.snapshot->region->municipalities.size()) + " is in use";
    }
    if (!next.own_municipalities && shown_own) {
        return "municipalities: the document has no usable list any more; back to the wall's "
               "own list";
    }
    return {};
}

model::Result<Ingested> FeedClient::Impl::ingest(std::string_view body) const {
    // An exception escaping an Asio handler would stop the whole io thread: contain it here.
    try {
        auto out = ingest_(body);
        if (out && !out.value().snapshot) {
            return model::Error{"building the snapshot produced nothing"};
        }
        return out;
    } catch (const std::exception& e) {
        return model::Error{std::string("building the snapshot failed: ") + e.what()};
    }
}

void FeedClient::Impl::publish(const Ingested& ingested, SnapshotOrigin origin) {
    store_.publish(ingested.snapshot, origin);
    stats_.count_published();
    published_own_list_ = ingested.own_municipalities;
    estimator_.set_lower_bound(ingested.snapshot->as_of);
    update_clock();
}

model::Result<bool> FeedClient::Impl::restore_from_cache() {
    if (!config_.cache_file) return false;
    const SnapshotCache cache(*config_.cache_file);
    auto loaded = cache.load();
    if (!loaded) return model::Error{loaded.error()};
    if (!loaded.value()) return false;
    const CachedFeed& entry = *loaded.value();
    const std::string where = "cache " + cache.path().string();
    if (entry.kind != config_.feed_kind) {
        return model::Error{where + ": holds a '" + entry.kind + "' document, expected '" +
                            config_.feed_kind + "'"};
    }
    auto ingested = ingest(entry.body);
    if (!ingested) return model::Error{where + ": " + ingested.error()};
    const auto as_of = ingested.value().snapshot->as_of;
    // A cache written while a server's clock was far ahead (by a wall without this check) would
    // otherwise hold server time in the future and refuse every correct document after it.
    const auto now = std::chrono::system_clock::now();
    if (const auto newest = std::max(as_of, entry.as_of); estimator_.too_far_ahead(newest, now)) {
        return model::Error{where + ": " + future_text(newest, now) + "; not shown"};
    }
    publish(ingested.value(), SnapshotOrigin::cache);
    if (publish_callback) publish_callback(ingested.value().snapshot);
    return true;
}

void FeedClient::Impl::accept_body(const FeedResponse& r, PollOutcome& out) {
    // A server without ETags sends the same document again until its data changes; parsing it
    // again would cost a poll's whole CPU and show the same picture.
    const std::size_t body_hash = std::hash<std::string_view>{}(r.body);
    if (config_.skip_repeated_body && published_body_ == body_hash) {
        out.result = PollResult::not_modified;
        return;
    }
    auto ingested = ingest(r.body);
    if (!ingested) {
        out.result = PollResult::bad_document;
        out.message = ingested.error() + " (" + config_.url + "); kept the shown snapshot";
        return;
    }
    Ingested& next = ingested.value();
    const model::Snapshot& snap = *next.snapshot;
    stats_.add_rejected(snap.rejected);
    stats_.add_region_wide(next.region_wide);
    for (auto& line : next.notes) out.notes.push_back(std::move(line));
    const auto as_of = snap.as_of;
    const auto now = std::chrono::system_clock::now();
    if (estimator_.too_far_ahead(as_of, now)) {
        out.result = PollResult::as_of_future;
        out.message = future_text(as_of, now) + " (" + config_.url + "); kept the shown snapshot";
        return;
    }
    if (const auto dropped = rejected_records(snap.rejected);
        snap.incidents.empty() && dropped > 0) {
        // An empty wall that looks healthy is worse than old data marked as old.
        out.result = PollResult::all_rejected;
        out.message = "all " + std::to_string(dropped) + " records from " + config_.url +
                      " were dropped (" + rejected_summary(snap.rejected) +
                      "); kept the shown snapshot";
        return;
    }
    if (const auto shown = store_.current(); shown && as_of < shown->as_of) {
        if (!estimator_.too_far_ahead(shown->as_of, now)) {
            out.result = PollResult::as_of_backwards;
            out.message = "as_of " + model::format_rfc3339(as_of) + " from " + config_.url +
                          " is older than the shown snapshot's " +
                          model::format_rfc3339(shown->as_of) + "; kept the shown snapshot";
            return;
        }
        // The shown snapshot is the one that is wrong: this is how a wall recovers by itself.
        out.notes.push_back("replacing the shown snapshot: its " + future_text(shown->as_of, now));
    }
    const std::string list_note = municipality_source_note(next);
    publish(next, SnapshotOrigin::feed);
    out.published = true;
    if (!list_note.empty()) out.notes.push_back(list_note);
    etag_ = r.etag;
    published_body_ = body_hash;
    std::weak_ptr<int> alive = alive_;
    if (publish_callback) publish_callback(next.snapshot);
    if (alive.expired() || !config_.cache_file) return;
    // After the wake-up: the render thread should not wait for an fsync.
    const auto stored = SnapshotCache(*config_.cache_file).store(r.body, as_of, config_.feed_kind);
    stats_.count_cache_write(stored.ok());
}

std::string FeedClient::Impl::future_text(model::TimePoint t,
                                          std::chrono::system_clock::time_point now) const {
    const auto bound = std::chrono::duration_cast<std::chrono::minutes>(
        estimator_.max_ahead().value_or(std::chrono::milliseconds{0}));
    return "as_of " + model::format_rfc3339(t) + " is more than " + std::to_string(bound.count()) +
           " min ahead of this wall's clock (" +
           model::format_rfc3339(estimator_.own_estimate(now)) + ")";
}

}  // namespace tsur::net
