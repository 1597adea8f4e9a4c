// One HTTP(S) or file:// GET of the feed: builds the curl easy handle and collects the response.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/time.hpp"
#include "feed/curl_handles.hpp"
#include "feed/feed_client_config.hpp"
#include "state/poll_result.hpp"

namespace tsur::net {

/// What came back, filled in by curl's callbacks and by finish().
struct FeedResponse {
    CURLcode code = CURLE_OK;
    long status = 0;         ///< HTTP status; 0 for file://
    std::string body;        ///< decoded (gunzipped) body
    bool too_large = false;  ///< aborted because the body passed max_body_bytes
    std::string etag;        ///< of the final response, verbatim (weak tags keep their W/)
    std::optional<model::TimePoint> date;                 ///< HTTP Date header
    std::chrono::system_clock::time_point date_received;  ///< local time the Date line arrived
    std::optional<std::chrono::seconds> retry_after;
    std::uint64_t wire_bytes = 0;  ///< header + body bytes as received (compressed)
    std::string error;             ///< curl's message when code != CURLE_OK
};

/// An easy handle plus the buffers its callbacks write into. Io thread only.
class FeedTransfer {
public:
    /// Configures a GET; `etag` non-empty adds If-None-Match, `token` non-empty adds a bearer.
    static model::Result<std::unique_ptr<FeedTransfer>> create(const FeedClientConfig& config,
                                                               std::string_view etag,
                                                               std::string_view token);
    FeedTransfer(const FeedTransfer&) = delete;
    FeedTransfer& operator=(const FeedTransfer&) = delete;

    CURL* handle() const { return easy_.get(); }
    /// Reads status, sizes and Retry-After off the handle after curl reported `code`.
    FeedResponse& finish(CURLcode code);
    std::chrono::steady_clock::time_point started() const { return started_; }

private:
    FeedTransfer() = default;
    static std::size_t on_body(char* data, std::size_t size, std::size_t n, void* self);
    static std::size_t on_header(char* data, std::size_t size, std::size_t n, void* self);

    CurlEasyPtr easy_;
    CurlSlistPtr headers_;
    FeedResponse response_;
    std::uint64_t max_body_ = 0;
    std::chrono::steady_clock::time_point started_;
    char error_buffer_[CURL_ERROR_SIZE] = {};
};

/// How a finished transfer ended before its body is looked at: ok for a 200 (or a read file),
/// not_modified for a 304, http_5xx, timeout, too_large, ...
PollResult classify(const FeedResponse& response, bool is_file);

}  // namespace tsur::net
