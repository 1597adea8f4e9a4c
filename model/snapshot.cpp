// Turns a parsed feed document into the immutable snapshot the render thread reads.
#include "model/snapshot.hpp"

#include <algorithm>
#include <utility>

namespace tsur::model {

SnapshotPtr build_snapshot(FeedDocument doc, std::shared_ptr<const Region> region,
                           const SlaRules& rules) {
    auto snap = std::make_shared<Snapshot>();
    for (auto& inc : doc.incidents) {
        inc.due_at = rules.due_at(inc);
        inc.at_risk_at = rules.at_risk_at(inc, inc.due_at);
    }
    const Seconds utc_offset = region ? region->utc_offset : Region{}.utc_offset;
    const std::size_t municipality_count = region ? region->municipalities.size() : 0;
    snap->version = static_cast<std::uint64_t>(doc.as_of.time_since_epoch().count());
    snap->schema = std::move(doc.schema);
    snap->region = std::move(region);
    snap->as_of = doc.as_of;
    snap->incidents = std::move(doc.incidents);
    snap->history = std::move(doc.history);
    snap->risks = std::move(doc.risks);
    snap->rejected = std::move(doc.rejected);
    snap->aggregates =
        compute_aggregates(snap->incidents, municipality_count, snap->as_of, utc_offset);
    snap->deadlines = DeadlineIndex(snap->incidents);
    return snap;
}

Seconds data_age(const Snapshot& snapshot, TimePoint now) {
    // A server clock a little behind the feed's as_of must not read as negative age.
    return std::max(Seconds{0}, now - snapshot.as_of);
}

}  // namespace tsur::model
