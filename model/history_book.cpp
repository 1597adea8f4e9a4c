// Why only seven days are recounted: the feed snapshot holds every open incident plus those closed
// in the last 7 days (docs/domain.md), so every incident CREATED on one of the last 7 local days (today
// included) is still in it, whatever its status; from the 8th day back, incidents closed since
// have left the snapshot and the day can no longer be recounted, so it stays frozen as stored.
#include "model/history_book.hpp"

#include <algorithm>
#include <utility>

#include "model/spike_detector.hpp"

namespace tsur::model {

HistoryBook::HistoryBook(std::size_t municipality_count, int retention_days)
    : municipality_count_(municipality_count),
      // A retention shorter than the recount window would drop days the next snapshot recounts.
      retention_days_(std::max(retention_days, kRecountableDays)) {}

bool HistoryBook::record(std::span<const Incident> incidents, Seconds utc_offset, TimePoint as_of) {
    using std::chrono::days;
    const auto today = local_day(as_of, utc_offset);
    const auto first = today - days{kRecountableDays - 1};
    const std::size_t cells = municipality_count_ * kSectorCount;
    std::vector<DayCounts> fresh(kRecountableDays, DayCounts(cells, 0));
    for (const auto& inc : incidents) {
        if (inc.municipality >= municipality_count_) continue;
        const auto day = local_day(inc.created_at, utc_offset);
        // A creation time after today is a clock error somewhere: the future is never recorded.
        if (day < first || day > today) continue;
        ++fresh[static_cast<std::size_t>((day - first).count())]
               [inc.municipality * kSectorCount + index_of(inc.sector)];
    }

    bool changed = false;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const auto day = first + days{static_cast<int>(i)};
        // An all-zero day is stored too: it was counted and was quiet, which is not a gap.
        auto [it, inserted] = days_.try_emplace(day);
        if (inserted || it->second != fresh[i]) {
            it->second = std::move(fresh[i]);
            changed = true;
        }
    }
    // Days after today come from a document dated later than this one (an older cache restored
    // after a newer save); the next live snapshot recounts them, so they are dropped, not kept.
    const auto oldest = today - days{retention_days_ - 1};
    for (auto it = days_.begin(); it != days_.end();) {
        if (it->first < oldest || it->first > today) {
            it = days_.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    return changed;
}

std::vector<DailyCount> HistoryBook::to_daily_counts() const {
    std::vector<DailyCount> out;
    for (const auto& [day, counts] : days_) {
        const std::size_t before = out.size();
        for (std::size_t cell = 0; cell < counts.size(); ++cell) {
            if (counts[cell] == 0) continue;
            out.push_back(DailyCount{day, static_cast<MunicipalityIndex>(cell / kSectorCount),
                                     static_cast<Sector>(cell % kSectorCount), counts[cell]});
        }
        if (out.size() == before) out.push_back(DailyCount{day, 0, Sector::housing, 0});
    }
    return out;
}

void HistoryBook::set_day(std::chrono::sys_days day, DayCounts counts) {
    counts.resize(municipality_count_ * kSectorCount, 0);
    days_[day] = std::move(counts);
}

std::uint32_t HistoryBook::count(std::chrono::sys_days day, MunicipalityIndex municipality,
                                 Sector sector) const {
    const auto it = days_.find(day);
    if (it == days_.end() || municipality >= municipality_count_) return 0;
    return it->second[municipality * kSectorCount + index_of(sector)];
}

bool fill_history(FeedDocument& doc, const HistoryBook& book, Seconds utc_offset) {
    if (!doc.history.empty()) return false;
    // A copy: the document may yet be refused, and a refused one must leave no trace in the book.
    HistoryBook recorded = book;
    recorded.record(doc.incidents, utc_offset, doc.as_of);
    doc.history = recorded.to_daily_counts();
    return true;
}

}  // namespace tsur::model
