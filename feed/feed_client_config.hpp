// Settings of the feed client: where to poll, how often, how long to wait, how to authenticate.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "feed/clock_estimator.hpp"

namespace tsur::net {

class FeedPollPlan;

struct FeedClientConfig {
    /// The document's full URL: https://host/v1/snapshot?region=RU-UD, or file:///path.json.
    std::string url;
    /// Written into the cache header so start-up picks the parser that wrote it.
    std::string feed_kind = "tsur.feed.v1";
    /// A file holding the bearer token (whitespace trimmed); re-read before every poll so a
    /// rotated token is used without a restart.
    std::optional<std::filesystem::path> token_file;
    std::chrono::milliseconds poll_interval{std::chrono::seconds{30}};
    std::chrono::milliseconds connect_timeout{std::chrono::seconds{10}};
    std::chrono::milliseconds total_timeout{std::chrono::seconds{60}};
    std::chrono::milliseconds backoff_base{std::chrono::seconds{2}};
    std::chrono::milliseconds backoff_cap{std::chrono::minutes{5}};
    /// A server's Retry-After is honoured up to this much, so a bogus header cannot mute the wall.
    std::chrono::milliseconds retry_after_cap{std::chrono::hours{1}};
    /// A Date header or as_of further ahead of the wall's own clock is refused (kMaxServerAhead);
    /// nullopt: no check, for a screenshot rendered at a chosen --at instant.
    std::optional<std::chrono::milliseconds> max_server_ahead = kMaxServerAhead;
    /// Decoded body bytes; a larger document is aborted mid-transfer ("too_large").
    std::uint64_t max_body_bytes = 64ull << 20;
    /// Disables TLS peer and host verification. Only for a lab; never the default.
    bool insecure = false;
    /// A CA bundle to trust instead of the system store; empty = system store.
    std::string ca_file;
    /// Goes into the User-Agent as "tsur-wall/<version>".
    std::string version = "dev";
    /// Last-known-good cache file; empty = no cache.
    std::optional<std::filesystem::path> cache_file;
    /// Seeds the backoff jitter; 0 = from std::random_device.
    std::uint64_t jitter_seed = 0;
    /// A body byte-for-byte equal to the last published one counts as PollResult::not_modified
    /// and is not parsed, published or cached again. Only for documents that carry their own
    /// as_of: an Open311 body stands for the instant of the poll that fetched it.
    bool skip_repeated_body = false;
    /// Several GETs per poll, merged into one document (Open311 pages); null: one GET of url.
    /// Such polls send no If-None-Match: their URLs carry a moving window, so no tag matches.
    std::shared_ptr<FeedPollPlan> plan;
    /// The server's own description in the body of an HTTP error (any status), one short line,
    /// or nullopt; shown after "HTTP 403 from ..." (Open311: open311_server_error). Null: none.
    std::function<std::optional<std::string>(std::string_view body)> describe_error;
};

/// "{base}/v1/snapshot?region={code}", tolerating a trailing slash on base.
std::string feed_v1_url(std::string_view base, std::string_view region_code);

}  // namespace tsur::net
