// Snapshot aggregates in one pass over the incidents, with "today" and "7 days" in local days.
#include "model/aggregates.hpp"

#include <algorithm>
#include <vector>

#include "model/sla.hpp"

namespace tsur::model {
namespace {

struct Window {
    TimePoint begin;
    TimePoint end;  // exclusive
    bool contains(TimePoint t) const { return t >= begin && t < end; }
};

std::optional<Seconds> median(std::vector<Seconds>& values) {
    if (values.empty()) return std::nullopt;
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2 == 1) return *mid;
    const auto lower = *std::max_element(values.begin(), mid);
    return lower + (*mid - lower) / 2;
}

}  // namespace

SectorCounts region_totals(std::span<const SectorCounts> by_muni, const SectorCounts& region_wide) {
    SectorCounts total = region_wide;
    for (const SectorCounts& row : by_muni) {
        for (std::size_t s = 0; s < kSectorCount; ++s) total[s] += row[s];
    }
    return total;
}

Aggregates compute_aggregates(std::span<const Incident> incidents, std::size_t municipality_count,
                              TimePoint as_of, Seconds utc_offset) {
    Aggregates a;
    a.open_by_muni_sector.assign(municipality_count, SectorCounts{});
    a.today_by_muni_sector.assign(municipality_count, SectorCounts{});
    a.week_by_muni_sector.assign(municipality_count, SectorCounts{});

    const TimePoint today_start = local_midnight(as_of, utc_offset);
    const Window today{today_start, today_start + std::chrono::days{1}};
    const Window week{today_start - std::chrono::days{6}, today.end};

    std::vector<Seconds> answer_times;
    std::uint32_t answered_week = 0, answered_week_on_time = 0;
    std::uint32_t closed_week = 0, resolved_week = 0;

    for (const auto& inc : incidents) {
        ++a.total;
        ++a.by_status[index_of(inc.status)];
        const bool open = is_open(inc.status);
        const bool created_today = today.contains(inc.created_at);
        const bool known_muni = inc.municipality < municipality_count;
        const bool wide = is_region_wide(inc.municipality);
        const auto s = index_of(inc.sector);
        if (open) {
            ++a.open;
            ++a.open_by_channel[index_of(inc.channel)];
            if (known_muni) ++a.open_by_muni_sector[inc.municipality][s];
            if (wide) ++a.region_wide_open[s];
        }
        if (created_today) {
            ++a.created_today;
            ++a.today_by_channel[index_of(inc.channel)];
            if (known_muni) ++a.today_by_muni_sector[inc.municipality][s];
            if (wide) ++a.region_wide_today[s];
        }
        if (week.contains(inc.created_at)) {
            if (known_muni) ++a.week_by_muni_sector[inc.municipality][s];
            if (wide) ++a.region_wide_week[s];
        }

        if (!inc.answered_at) continue;
        const TimePoint answered = *inc.answered_at;
        if (today.contains(answered)) ++a.answered_today;
        if (!week.contains(answered)) continue;
        ++answered_week;
        if (classify(inc, answered) == SlaState::answered_on_time) ++answered_week_on_time;
        // An answer stamped before its creation is a feed error, not a zero-second answer.
        if (answered >= inc.created_at) answer_times.push_back(answered - inc.created_at);
        if (!open) {
            ++closed_week;
            if (inc.status == Status::resolved) ++resolved_week;
        }
    }
    a.median_answer_time = median(answer_times);
    if (answered_week > 0) {
        a.on_time_share_7d = static_cast<double>(answered_week_on_time) / answered_week;
    }
    if (closed_week > 0) a.solved_share_7d = static_cast<double>(resolved_week) / closed_week;
    return a;
}

}  // namespace tsur::model
