// Agency league table: centres rate agencies weekly, so the window is a rolling 7 days.
#include "model/league_table.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "model/sla.hpp"

namespace tsur::model {

double AgencyRow::on_time_share() const {
    const auto n = cases();
    return n == 0 ? 0.0 : static_cast<double>(on_time) / n;
}

LeagueTable agency_league_table(const Snapshot& snapshot, TimePoint now, std::size_t min_cases) {
    LeagueTable table;
    table.window_end = now;
    table.window_begin = now - std::chrono::days{7};
    const auto in_window = [&](TimePoint t) { return t > table.window_begin && t <= now; };

    std::map<std::string, AgencyRow> rows;
    const auto row_of = [&](const std::string& agency) -> AgencyRow& {
        auto& r = rows[agency];
        r.agency = agency;
        return r;
    };
    for (const auto& inc : snapshot.incidents) {
        const SlaState state = classify(inc, now);
        if (state == SlaState::answered_on_time || state == SlaState::answered_late) {
            // A closed status without answered_at cannot be placed in the window.
            if (!inc.answered_at || !in_window(*inc.answered_at)) continue;
            auto& row = row_of(inc.agency);
            ++(state == SlaState::answered_on_time ? row.on_time : row.late);
        } else if (state == SlaState::overdue && in_window(inc.due_at)) {
            ++row_of(inc.agency).overdue;
        }
    }
    for (auto& [name, row] : rows) {
        (row.cases() >= min_cases ? table.ranked : table.too_few).push_back(std::move(row));
    }
    std::sort(table.ranked.begin(), table.ranked.end(), [](const AgencyRow& a, const AgencyRow& b) {
        // Cross-multiplied shares compare exactly, with no floating-point ties to break.
        const auto lhs = static_cast<std::uint64_t>(a.on_time) * b.cases();
        const auto rhs = static_cast<std::uint64_t>(b.on_time) * a.cases();
        if (lhs != rhs) return lhs < rhs;
        return std::tuple(b.overdue, b.cases(), a.agency) <
               std::tuple(a.overdue, a.cases(), b.agency);
    });
    return table;
}

std::vector<SectorCounts> overdue_by_municipality_sector(const Snapshot& snapshot, TimePoint now) {
    const std::size_t munis = snapshot.region ? snapshot.region->municipalities.size() : 0;
    std::vector<SectorCounts> counts(munis, SectorCounts{});
    // by_due() is sorted by deadline: nothing past the first deadline after now can be overdue.
    for (const auto i : snapshot.deadlines.by_due()) {
        const auto& inc = snapshot.incidents[i];
        if (inc.due_at > now) break;
        if (classify(inc, now) != SlaState::overdue || inc.municipality >= munis) continue;
        ++counts[inc.municipality][index_of(inc.sector)];
    }
    return counts;
}

SectorSlaCounts overdue_and_at_risk_by_sector(const Snapshot& snapshot, TimePoint now) {
    SectorSlaCounts counts;
    for (const auto i : snapshot.deadlines.by_due()) {
        const auto& inc = snapshot.incidents[i];
        const auto state = classify(inc, now);
        if (state == SlaState::overdue) ++counts.overdue[index_of(inc.sector)];
        if (state == SlaState::at_risk) ++counts.at_risk[index_of(inc.sector)];
    }
    return counts;
}

}  // namespace tsur::model
