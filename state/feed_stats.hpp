// Counters of the feed client for /metrics and /healthz, and the io thread's heartbeat.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "state/poll_result.hpp"

namespace tsur::net {

/// Plain copy of every counter at one instant; safe to format on any thread.
struct FeedStatsSnapshot {
    std::map<PollResult, std::uint64_t> polls;  ///< by result; results never seen absent
    std::map<std::string, std::uint64_t> rejected_records;  ///< by reason, summed over documents
    /// Records kept as region-wide incidents (model::kRegionWide), by reason, summed likewise.
    std::map<std::string, std::uint64_t> region_wide_records;
    std::uint64_t bytes_received = 0;  ///< headers + bodies as they came over the wire
    std::uint64_t snapshots_published = 0;
    std::uint64_t cache_writes = 0;
    std::uint64_t cache_write_failures = 0;
    std::uint64_t truncated_polls = 0;      ///< polls that stopped at a page limit (Open311)
    std::optional<PollResult> last_result;  ///< empty before the first poll
    std::string last_error;  ///< message of the newest failed poll, kept after recovery
    std::optional<std::chrono::system_clock::time_point> last_poll;
    std::optional<std::chrono::system_clock::time_point> last_success;  ///< is_success(result)
    std::chrono::milliseconds last_poll_duration{0};
    std::uint32_t consecutive_failures = 0;
    std::chrono::steady_clock::time_point heartbeat{};  ///< epoch until the io thread first beats
};

/// Written by the io thread, read by any thread (status server, watchdog).
class FeedStats {
public:
    /// Counts one finished poll. A success (is_success) resets consecutive_failures and sets
    /// last_success; a failure's `error` becomes last_error.
    void record_poll(PollResult result, std::string_view error, std::chrono::milliseconds duration);
    void add_bytes(std::uint64_t n) { bytes_received_.fetch_add(n, std::memory_order_relaxed); }
    void add_rejected(const std::map<std::string, std::uint32_t>& by_reason);
    void add_region_wide(const std::map<std::string, std::uint32_t>& by_reason);
    void count_published() { published_.fetch_add(1, std::memory_order_relaxed); }
    void count_cache_write(bool ok);
    void count_truncated() { truncated_.fetch_add(1, std::memory_order_relaxed); }

    /// Called by the io thread about once a second; the watchdog compares it with steady now.
    void beat() { heartbeat_ns_.store(steady_ns(), std::memory_order_relaxed); }
    std::chrono::steady_clock::time_point heartbeat() const;
    std::uint32_t consecutive_failures() const {
        return consecutive_failures_.load(std::memory_order_relaxed);
    }

    FeedStatsSnapshot snapshot() const;

private:
    static std::int64_t steady_ns();

    std::atomic<std::uint64_t> bytes_received_{0};
    std::atomic<std::uint64_t> published_{0};
    std::atomic<std::uint64_t> cache_writes_{0};
    std::atomic<std::uint64_t> cache_write_failures_{0};
    std::atomic<std::uint64_t> truncated_{0};
    std::atomic<std::uint32_t> consecutive_failures_{0};
    std::atomic<std::int64_t> heartbeat_ns_{0};

    mutable std::mutex mutex_;  // guards the members below; never held across I/O
    std::map<PollResult, std::uint64_t> polls_;
    std::map<std::string, std::uint64_t, std::less<>> rejected_;
    std::map<std::string, std::uint64_t, std::less<>> region_wide_;
    std::optional<PollResult> last_result_;
    std::string last_error_;
    std::optional<std::chrono::system_clock::time_point> last_poll_;
    std::optional<std::chrono::system_clock::time_point> last_success_;
    std::chrono::milliseconds last_poll_duration_{0};
};

}  // namespace tsur::net
