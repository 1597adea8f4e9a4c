// The wall's own daily history per municipality x sector, accumulated snapshot by snapshot for
// feeds that send none (Open311, a v1 feed without "history"), so baselines work there too.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "model/incident.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"

namespace tsur::model {

/// Local days a snapshot can recount completely: today and the six before it (see record()).
inline constexpr int kRecountableDays = 7;
/// Local days the book keeps, today included: more than a year, for year-over-year comparisons.
inline constexpr int kHistoryRetentionDays = 400;

/// Incidents created per local day per municipality x sector; a plain value. Not thread-safe:
/// one thread at a time (the wall keeps it on the io thread).
class HistoryBook {
public:
    /// Counts of one day, indexed municipality * kSectorCount + sector index.
    using DayCounts = std::vector<std::uint32_t>;

    explicit HistoryBook(std::size_t municipality_count,
                         int retention_days = kHistoryRetentionDays);

    /// Recounts the last kRecountableDays local days (today included) from a snapshot's
    /// incidents and overwrites them; keeps older days as stored; forgets days past the
    /// retention and any day after `as_of`'s local day. True when any stored count changed.
    bool record(std::span<const Incident> incidents, Seconds utc_offset, TimePoint as_of);

    /// Every stored day in DailyCount form, oldest first. A day with no incidents at all yields
    /// one zero entry, so consumers still see the day as covered (a quiet day, not a gap).
    std::vector<DailyCount> to_daily_counts() const;

    /// Stores one whole day (for the codec); counts must hold municipality_count() x sectors.
    void set_day(std::chrono::sys_days day, DayCounts counts);

    std::uint32_t count(std::chrono::sys_days day, MunicipalityIndex municipality,
                        Sector sector) const;
    const std::map<std::chrono::sys_days, DayCounts>& days() const { return days_; }
    std::size_t municipality_count() const { return municipality_count_; }
    int retention_days() const { return retention_days_; }
    bool empty() const { return days_.empty(); }

private:
    std::size_t municipality_count_;
    int retention_days_;
    std::map<std::chrono::sys_days, DayCounts> days_;
};

/// The feed's history wins whole: when the document carries any, it is left as it is (mixing two
/// sources day by day would give a baseline whose days were counted differently). Otherwise the
/// document gets the book's history as the book will hold it once it has recorded the document's
/// own incidents. The book is not changed: the wall records a document (HistoryBook::record,
/// whichever history it carries) only once its snapshot is published. True when filled.
bool fill_history(FeedDocument& doc, const HistoryBook& book, Seconds utc_offset);

}  // namespace tsur::model
