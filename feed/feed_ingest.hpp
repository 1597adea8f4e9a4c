// The one step FeedClient leaves to its owner: a response body turned into the snapshot it would
// publish. The owner composes it (format parser, region, SLA rules, history fill); FeedClient
// keeps the rules of whether to publish it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "model/snapshot.hpp"

namespace tsur::net {

/// What an ingest function made of one body: the snapshot to publish if FeedClient's rules
/// accept it, and what /metrics and the log say about the document it came from.
struct Ingested {
    model::SnapshotPtr snapshot;  ///< never null in a successful result
    /// Records kept as incidents of the region as a whole, by reason (FeedDocument::region_wide).
    std::map<std::string, std::uint32_t> region_wide;
    /// For the log: dropped records, region-wide records, an unused municipality list.
    std::vector<std::string> notes;
    /// The document brought its own municipality list (FeedDocument::region).
    bool own_municipalities = false;
};

/// Body -> snapshot, or an Error saying what is wrong with the body. Called on the io thread for
/// each accepted response and for the cache restore; it must not block on I/O.
using IngestFn = std::function<model::Result<Ingested>(std::string_view body)>;

/// Ingested for `doc` without its snapshot: the notes, region-wide counts and list source that
/// build_snapshot does not keep. Call it before the document is built.
Ingested describe_document(const model::FeedDocument& doc);

}  // namespace tsur::net
