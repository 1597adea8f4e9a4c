// The log lines and counters of a document are taken before it is built: the snapshot keeps its
// incidents, not how the records were read.
#include "feed/feed_ingest.hpp"

#include "formats/feed_reasons.hpp"

namespace tsur::net {

Ingested describe_document(const model::FeedDocument& doc) {
    Ingested out;
    out.region_wide = doc.region_wide;
    out.notes = rejected_log_lines(doc);
    for (auto& line : region_wide_log_lines(doc)) out.notes.push_back(std::move(line));
    for (auto& line : municipalities_log_lines(doc)) out.notes.push_back(std::move(line));
    out.own_municipalities = doc.region != nullptr;
    return out;
}

}  // namespace tsur::net
