// Why a feed record was dropped: the stable reason ids of /metrics, and the checks that the
// native v1 parser and the Open311 parser share (times, text, municipality lookup).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/region.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"

namespace tsur::net {

enum class Reason : std::uint8_t {
    not_an_object,
    missing_id,
    bad_id,
    duplicate_id,
    missing_channel,
    unknown_channel,
    missing_sector,
    unknown_sector,
    missing_municipality,
    unknown_municipality,
    missing_status,
    unknown_status,
    unknown_priority,
    bad_latitude,
    bad_longitude,
    missing_title,
    bad_title,
    bad_category,
    bad_agency,
    missing_created_at,
    bad_created_at,
    created_in_future,
    created_too_old,
    bad_due_at,
    due_before_created,
    bad_answered_at,
    answered_before_created,
    bad_history,
    bad_history_series,
    bad_risks,
    bad_risk,
    outside_region,
    bad_municipalities,
    bad_municipality,
    duplicate_municipality,
};
inline constexpr std::size_t kReasonCount = 35;

/// The ids as they appear in FeedDocument::rejected and /metrics; never rename one.
inline constexpr std::array<std::string_view, kReasonCount> kReasonIds = {
    "not_an_object",
    "missing_id",
    "bad_id",
    "duplicate_id",
    "missing_channel",
    "unknown_channel",
    "missing_sector",
    "unknown_sector",
    "missing_municipality",
    "unknown_municipality",
    "missing_status",
    "unknown_status",
    "unknown_priority",
    "bad_latitude",
    "bad_longitude",
    "missing_title",
    "bad_title",
    "bad_category",
    "bad_agency",
    "missing_created_at",
    "bad_created_at",
    "created_in_future",
    "created_too_old",
    "bad_due_at",
    "due_before_created",
    "bad_answered_at",
    "answered_before_created",
    "bad_history",
    "bad_history_series",
    "bad_risks",
    "bad_risk",
    "outside_region",
    "bad_municipalities",
    "bad_municipality",
    "duplicate_municipality",
};

static_assert(static_cast<std::size_t>(Reason::duplicate_municipality) + 1 == kReasonCount);

constexpr std::string_view id_of(Reason r) { return kReasonIds[static_cast<std::size_t>(r)]; }

inline constexpr std::size_t kMaxIdBytes = 128;
inline constexpr std::size_t kMaxTitleBytes = 300;
inline constexpr std::size_t kMaxShortTextBytes = 200;  ///< category, agency
/// A record created more than this after the document's as_of comes from a broken clock.
inline constexpr model::Seconds kFutureTolerance{3600};
/// Nothing the wall shows predates the ЦУРs; earlier dates are epoch-0 style defaults.
inline constexpr model::TimePoint kEarliestCreated{
    std::chrono::sys_days{std::chrono::year{2000} / std::chrono::January / 1}};

/// Dropped records named one by one in the log per document; the rest only in its summary.
inline constexpr std::size_t kRejectedExamples = 5;

/// Counts drops by reason without touching a map per record. Used by one parse at a time.
class ReasonCounter {
public:
    void add(Reason r) { ++counts_[static_cast<std::size_t>(r)]; }
    /// Counts a dropped record and keeps the first kRejectedExamples with their ids.
    void add(Reason r, std::string_view id);
    std::uint32_t count(Reason r) const { return counts_[static_cast<std::size_t>(r)]; }
    /// Counts a record kept as an incident of the region as a whole (model::kRegionWide) for
    /// the reason that would otherwise have dropped it; keeps the first kRejectedExamples ids.
    void add_region_wide(Reason r, std::string_view id);
    /// Adds the non-zero counts into doc.rejected and the kept examples to rejected_examples;
    /// the region-wide ones into doc.region_wide and doc.region_wide_examples.
    void flush_into(model::FeedDocument& doc) const;

private:
    std::array<std::uint32_t, kReasonCount> counts_{};
    std::vector<model::RejectedRecord> examples_;
    std::array<std::uint32_t, kReasonCount> region_wide_{};
    std::vector<model::RejectedRecord> region_wide_examples_;
};

/// Incidents (or Open311 requests) dropped, from a document's (or snapshot's) counts by reason;
/// history series, risks and entries of the municipality list not counted.
std::uint64_t rejected_records(const std::map<std::string, std::uint32_t>& rejected);

/// "unknown_status 56, bad_created_at 3": the counts by reason, largest first, for one line.
std::string rejected_summary(const std::map<std::string, std::uint32_t>& rejected);

/// Log lines for a document's dropped records: one per kept example ("record \"311-7\" dropped:
/// unknown_status"), then one summary line when more were dropped than named. Empty if none.
std::vector<std::string> rejected_log_lines(const model::FeedDocument& doc);

/// One line for the records of `doc` kept as region-wide incidents ("3 records counted under the
/// whole region (unknown_municipality 3): \"UD-7\", \"UD-9\", \"UD-12\""); empty if none.
std::vector<std::string> region_wide_log_lines(const model::FeedDocument& doc);

/// One line when the document's `municipalities` block was left unused ("municipalities block
/// ignored: ...; incidents are placed by the wall's own list"); empty otherwise.
std::vector<std::string> municipalities_log_lines(const model::FeedDocument& doc);

/// Cuts `text` to at most `max_bytes` at a UTF-8 code point boundary, ending it with "…" when
/// cut, and turns control characters into spaces so one title cannot break a table row.
void clean_text(std::string& text, std::size_t max_bytes);

/// Municipality id -> index, built once per parse (the Region's own find() is linear).
class MunicipalityLookup {
public:
    explicit MunicipalityLookup(const model::Region& region);
    std::optional<model::MunicipalityIndex> find(std::string_view id) const;

private:
    std::unordered_map<std::string_view, model::MunicipalityIndex> index_;
};

/// The time checks every record goes through; nullopt when the times are consistent.
/// `as_of` may be unknown yet (the native document can list incidents before as_of).
std::optional<Reason> check_times(model::TimePoint created,
                                  const std::optional<model::TimePoint>& due,
                                  const std::optional<model::TimePoint>& answered,
                                  const std::optional<model::TimePoint>& as_of);

/// True when created_at lies more than kFutureTolerance after as_of.
inline bool created_in_future(model::TimePoint created, model::TimePoint as_of) {
    return created > as_of + kFutureTolerance;
}

}  // namespace tsur::net
