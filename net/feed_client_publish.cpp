// What an accepted feed body becomes: a published snapshot, a clock bound and a cache entry.
#include <exception>

#include "net/feed_client_impl.hpp"
#include "net/snapshot_cache.hpp"

namespace tsur::net {

model::Result<model::SnapshotPtr> FeedClient::Impl::build(model::FeedDocument doc) const {
    // An exception escaping an Asio handler would stop the whole io thread: contain it here.
    try {
        // Before build_snapshot: the snapshot is immutable, and copying one to add a history
        // would cost as much as building it.
        if (document_hook) document_hook(doc);
        auto snap = model::build_snapshot(std::move(doc), region_, *rules_);
        if (!snap) return model::Error{"building the snapshot produced nothing"};
        return snap;
    } catch (const std::exception& e) {
        return model::Error{std::string("building the snapshot failed: ") + e.what()};
    }
}

void FeedClient::on_document(std::function<void(model::FeedDocument&)> hook) {
    impl_->document_hook = std::move(hook);
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
    auto parsed = parser_(entry.body);
    if (!parsed) return model::Error{where + ": " + parsed.error()};
    const auto as_of = parsed.value().as_of;
    auto snap = build(parsed.take());
    if (!snap) return model::Error{where + ": " + snap.error()};
    store_.publish(snap.value(), SnapshotOrigin::cache);
    stats_.count_published();
    estimator_.set_lower_bound(as_of);
    update_clock();
    if (publish_callback) publish_callback(snap.value());
    return true;
}

void FeedClient::Impl::accept_body(const FeedResponse& r, PollOutcome& out) {
    auto parsed = parser_(r.body);
    if (!parsed) {
        out.result = "bad_document";
        out.message = parsed.error() + " (" + config_.url + "); kept the shown snapshot";
        return;
    }
    stats_.add_rejected(parsed.value().rejected);
    const auto as_of = parsed.value().as_of;
    if (const auto shown = store_.current(); shown && as_of < shown->as_of) {
        out.result = "as_of_backwards";
        out.message = "as_of " + model::format_rfc3339(as_of) + " from " + config_.url +
                      " is older than the shown snapshot's " + model::format_rfc3339(shown->as_of) +
                      "; kept the shown snapshot";
        return;
    }
    auto snap = build(parsed.take());
    if (!snap) {
        out.result = "bad_document";
        out.message = snap.error() + " (" + config_.url + ")";
        return;
    }
    store_.publish(snap.value(), SnapshotOrigin::feed);
    stats_.count_published();
    out.published = true;
    etag_ = r.etag;
    estimator_.set_lower_bound(as_of);
    update_clock();
    std::weak_ptr<int> alive = alive_;
    if (publish_callback) publish_callback(snap.value());
    if (alive.expired() || !config_.cache_file) return;
    // After the wake-up: the render thread should not wait for an fsync.
    const auto stored = SnapshotCache(*config_.cache_file).store(r.body, as_of, config_.feed_kind);
    stats_.count_cache_write(stored.ok());
}

}  // namespace tsur::net
