// A poll made of several GETs (a service list, then pages of a window) that FeedClient runs one
// after another and publishes once; the Open311 feed uses it (net/open311_poll.hpp).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace tsur::net {

/// Decides which URLs one poll fetches and merges their bodies into one document. FeedClient
/// calls it on its io thread only, one poll at a time; a poll that fails midway is simply
/// abandoned (the next start() begins afresh).
class FeedPollPlan {
public:
    /// One GET of the poll; a `may_fail` step's failure is handed to advance() instead of
    /// failing the whole poll (an optional side document such as a service list).
    struct Step {
        std::string url;
        bool may_fail = false;
    };

    virtual ~FeedPollPlan() = default;

    /// Begins a poll at wall-clock `now`; returns its first GET.
    virtual Step start(std::chrono::system_clock::time_point now) = 0;
    /// The current step's 200 body, or for a may_fail step nullptr and what went wrong. Returns
    /// the next GET, nullopt when the poll is complete, or an Error that fails the poll.
    virtual model::Result<std::optional<Step>> advance(const std::string* body,
                                                       std::string_view failure) = 0;
    /// The merged document of the complete poll: what the parser reads and the cache stores.
    virtual std::string take_document() = 0;
    /// True when the complete poll stopped at a page limit with more data left on the server.
    virtual bool truncated() const = 0;
};

}  // namespace tsur::net
