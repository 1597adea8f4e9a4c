// Feed client counters: atomics for hot numbers, one mutex for the labelled maps and strings.
#include "state/feed_stats.hpp"

#include "model/redact.hpp"

namespace tsur::net {

void FeedStats::record_poll(PollResult result, std::string_view error,
                            std::chrono::milliseconds duration) {
    const auto now = std::chrono::system_clock::now();
    const bool success = is_success(result);
    if (success) {
        consecutive_failures_.store(0, std::memory_order_relaxed);
    } else {
        consecutive_failures_.fetch_add(1, std::memory_order_relaxed);
    }
    std::lock_guard lock(mutex_);
    ++polls_[result];
    last_result_ = result;
    // /healthz serves this text, often without a token: no feed secret may reach it.
    if (!success) last_error_ = model::redact_secrets(error);
    last_poll_ = now;
    if (success) last_success_ = now;
    last_poll_duration_ = duration;
}

void FeedStats::add_rejected(const std::map<std::string, std::uint32_t>& by_reason) {
    if (by_reason.empty()) return;
    std::lock_guard lock(mutex_);
    for (const auto& [reason, n] : by_reason) rejected_[reason] += n;
}

void FeedStats::add_region_wide(const std::map<std::string, std::uint32_t>& by_reason) {
    if (by_reason.empty()) return;
    std::lock_guard lock(mutex_);
    for (const auto& [reason, n] : by_reason) region_wide_[reason] += n;
}

void FeedStats::count_cache_write(bool ok) {
    (ok ? cache_writes_ : cache_write_failures_).fetch_add(1, std::memory_order_relaxed);
}

std::chrono::steady_clock::time_point FeedStats::heartbeat() const {
    return std::chrono::steady_clock::time_point{
        std::chrono::nanoseconds{heartbeat_ns_.load(std::memory_order_relaxed)}};
}

std::int64_t FeedStats::steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

FeedStatsSnapshot FeedStats::snapshot() const {
    FeedStatsSnapshot s;
    s.bytes_received = bytes_received_.load(std::memory_order_relaxed);
    s.snapshots_published = published_.load(std::memory_order_relaxed);
    s.cache_writes = cache_writes_.load(std::memory_order_relaxed);
    s.cache_write_failures = cache_write_failures_.load(std::memory_order_relaxed);
    s.truncated_polls = truncated_.load(std::memory_order_relaxed);
    s.consecutive_failures = consecutive_failures_.load(std::memory_order_relaxed);
    s.heartbeat = heartbeat();
    std::lock_guard lock(mutex_);
    s.polls.insert(polls_.begin(), polls_.end());
    s.rejected_records.insert(rejected_.begin(), rejected_.end());
    s.region_wide_records.insert(region_wide_.begin(), region_wide_.end());
    s.last_result = last_result_;
    s.last_error = last_error_;
    s.last_poll = last_poll_;
    s.last_success = last_success_;
    s.last_poll_duration = last_poll_duration_;
    return s;
}

}  // namespace tsur::net
