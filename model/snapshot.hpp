// The immutable picture of one feed response, shared by pointer between the io and render threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/aggregates.hpp"
#include "model/deadline_index.hpp"
#include "model/incident.hpp"
#include "model/region.hpp"
#include "model/sla_rules.hpp"

namespace tsur::model {

/// One day of history for one municipality x sector (local calendar day).
struct DailyCount {
    std::chrono::sys_days day;
    MunicipalityIndex municipality = 0;
    Sector sector = Sector::other;
    std::uint32_t count = 0;
};

/// A predicted seasonal risk ("late start of the heating season").
struct RiskEntry {
    std::chrono::sys_days date;
    std::string title;
    std::optional<Sector> sector;
};

/// What came over the wire, before SLA rules and aggregates are applied.
/// One dropped record as the log names it: its id as sent (shortened; empty without one) and
/// the reason id.
struct RejectedRecord {
    std::string id;
    std::string reason;
};

struct FeedDocument {
    std::string schema;
    std::string region_code;
    std::string region_name;
    std::string time_zone;
    TimePoint as_of{};
    std::vector<Incident> incidents;
    std::vector<DailyCount> history;
    std::vector<RiskEntry> risks;
    /// Dropped records by reason ("bad_latitude" -> 3): ids of the reasons are stable for /metrics.
    std::map<std::string, std::uint32_t> rejected;
    /// The first few dropped records with their ids, in document order, for the log.
    std::vector<RejectedRecord> rejected_examples;
    /// Records kept as incidents of the region as a whole (model::kRegionWide), by the reason
    /// that would otherwise have dropped them ("unknown_municipality" -> 2), and the first ids.
    std::map<std::string, std::uint32_t> region_wide;
    std::vector<RejectedRecord> region_wide_examples;
};

/// Immutable after build_snapshot(); read by the render thread through SnapshotPtr.
struct Snapshot {
    std::uint64_t version = 0;  ///< as_of in Unix seconds: equal on every PC that has it
    std::string schema;
    std::shared_ptr<const Region> region;
    TimePoint as_of{};
    std::vector<Incident> incidents;
    std::vector<DailyCount> history;
    std::vector<RiskEntry> risks;
    std::map<std::string, std::uint32_t> rejected;
    Aggregates aggregates;
    DeadlineIndex deadlines;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

/// Applies the SLA rules (effective due_at, at_risk_at), computes aggregates and the deadline
/// index. Incidents keep the document's order.
SnapshotPtr build_snapshot(FeedDocument doc, std::shared_ptr<const Region> region,
                           const SlaRules& rules);

/// How old the snapshot's data is at server time `now`: now - as_of, never negative. The one
/// rule behind the stale banner, the frozen picture and /healthz.
Seconds data_age(const Snapshot& snapshot, TimePoint now);

}  // namespace tsur::model
