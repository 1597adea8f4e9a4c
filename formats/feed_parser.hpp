// Parser of the native feed (schema "tsur.feed.v1", docs/feed-api.md): one streaming pass over
// the body that validates the document and every record.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "model/region.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"

namespace tsur::net {

inline constexpr std::string_view kFeedSchemaV1 = "tsur.feed.v1";
inline constexpr std::size_t kMaxFeedBytes = 64u * 1024u * 1024u;

/// Parses and validates a v1 body for the wall's `region`. A bad document (not JSON, wrong
/// schema or region, no as_of, incidents not an array, over kMaxFeedBytes) gives an Error that
/// names the field and what was expected; a bad record is dropped and counted by reason id in
/// FeedDocument::rejected. Never throws. Pure function: safe on any thread.
model::Result<model::FeedDocument> parse_feed_v1(std::string_view body,
                                                 const model::Region& region);

/// Every reason id a parser may count (native and Open311), for pre-registering /metrics.
std::vector<std::string_view> rejection_reasons();

}  // namespace tsur::net
