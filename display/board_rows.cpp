// Board content as data. Order comes from the DeadlineIndex (sorted once per snapshot), so a frame
// only filters and classifies; nothing here depends on anything but (snapshot, spec, now).
#include "display/board_rows.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace tsur::display {
namespace {

template <typename T>
bool allowed(const std::vector<T>& list, T value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool passes_filter(const model::Incident& incident, const config::WidgetSpec& spec) {
    return allowed(spec.sectors, incident.sector) && allowed(spec.channels, incident.channel) &&
           allowed(spec.statuses, incident.status);
}

std::vector<BoardRow> build_board_rows(const model::Snapshot& snap, const config::WidgetSpec& spec,
                                       model::TimePoint now, bool breaches_only) {
    const auto order = snap.deadlines.by_due();
    std::vector<BoardRow> rows;
    rows.reserve(order.size());
    for (const std::uint32_t idx : order) {
        if (idx >= snap.incidents.size()) continue;
        const model::Incident& inc = snap.incidents[idx];
        if (!model::is_open(inc.status) || !passes_filter(inc, spec)) continue;
        BoardRow row;
        row.incident = idx;
        row.time_left = model::time_to_due(inc, now);
        row.state = model::classify(inc, now);
        if (breaches_only && row.state != model::SlaState::overdue &&
            row.state != model::SlaState::at_risk) {
            continue;
        }
        const model::Seconds late = now - inc.due_at;
        row.just_overdue = row.state == model::SlaState::overdue && late >= model::Seconds{0} &&
                           late < kJustOverdueWindow;
        rows.push_back(row);
    }
    return rows;
}

std::vector<BoardLine> group_board_rows(const model::Snapshot& snap, std::span<const BoardRow> rows,
                                        config::GroupBy group_by) {
    std::vector<BoardLine> lines;
    if (group_by == config::GroupBy::none) {
        lines.reserve(rows.size());
        for (const BoardRow& r : rows)
            lines.push_back(BoardLine{BoardLine::Kind::row, {}, 0, 0, r});
        return lines;
    }
    // Groups keep the order in which they first appear in urgency order: the group holding the
    // most urgent row comes first, and rows inside a group stay in urgency order.
    std::vector<std::vector<BoardRow>> groups;
    std::map<std::string, std::size_t> agency_slot;
    std::map<model::MunicipalityIndex, std::size_t> muni_slot;
    std::vector<BoardLine> headers;
    for (const BoardRow& r : rows) {
        const model::Incident& inc = snap.incidents[r.incident];
        std::size_t slot = groups.size();
        bool fresh = false;
        if (group_by == config::GroupBy::agency) {
            auto [it, inserted] = agency_slot.try_emplace(inc.agency, groups.size());
            slot = it->second;
            fresh = inserted;
        } else {
            auto [it, inserted] = muni_slot.try_emplace(inc.municipality, groups.size());
            slot = it->second;
            fresh = inserted;
        }
        if (fresh) {
            groups.emplace_back();
            BoardLine h;
            h.kind = BoardLine::Kind::group_header;
            if (group_by == config::GroupBy::agency) h.group = inc.agency;
            h.group_municipality = inc.municipality;
            headers.push_back(std::move(h));
        }
        groups[slot].push_back(r);
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        headers[g].group_size = static_cast<std::uint32_t>(groups[g].size());
        lines.push_back(std::move(headers[g]));
        for (const BoardRow& r : groups[g])
            lines.push_back(BoardLine{BoardLine::Kind::row, {}, 0, 0, r});
    }
    return lines;
}

std::vector<BoardPage> paginate(std::span<const BoardLine> lines, std::size_t lines_per_page) {
    const std::size_t per_page = std::max<std::size_t>(1, lines_per_page);
    std::vector<BoardPage> pages;
    std::optional<std::size_t> open_header;  // header of the group the next line belongs to
    std::size_t i = 0;
    while (i < lines.size()) {
        BoardPage page;
        page.first = i;
        std::size_t capacity = per_page;
        if (lines[i].kind == BoardLine::Kind::row && open_header && per_page >= 2) {
            page.repeats_header = true;
            page.header_line = *open_header;
            capacity = per_page - 1;
        }
        std::size_t end = std::min(lines.size(), i + capacity);
        // A header alone at the bottom of a page says nothing; it moves to the next page.
        if (end - i >= 2 && end < lines.size() &&
            lines[end - 1].kind == BoardLine::Kind::group_header) {
            --end;
        }
        for (std::size_t k = i; k < end; ++k) {
            if (lines[k].kind == BoardLine::Kind::group_header) open_header = k;
        }
        page.last = end;
        pages.push_back(page);
        i = end;
    }
    if (pages.empty()) pages.push_back(BoardPage{});
    return pages;
}

std::size_t page_at(model::TimePoint now, int page_seconds, std::size_t page_count) {
    if (page_count <= 1) return 0;
    const long long period = std::max(1, page_seconds);
    const long long t = now.time_since_epoch().count();
    // Floor division keeps the sequence regular even for instants before 1970.
    long long slot = t / period;
    if (t % period != 0 && t < 0) --slot;
    const long long n = static_cast<long long>(page_count);
    return static_cast<std::size_t>(((slot % n) + n) % n);
}

std::size_t lines_that_fit(float height, float line_h) {
    if (line_h <= 0.0f || height < line_h) return 0;
    return static_cast<std::size_t>(height / line_h);
}

std::vector<PublicRow> build_public_rows(const model::Snapshot& snap,
                                         const config::WidgetSpec& spec, model::TimePoint now) {
    std::vector<PublicRow> by_muni;
    PublicRow region_wide;
    region_wide.municipality = model::kRegionWide;
    for (const std::uint32_t idx : snap.deadlines.by_due()) {
        if (idx >= snap.incidents.size()) continue;
        const model::Incident& inc = snap.incidents[idx];
        if (!model::is_open(inc.status) || !passes_filter(inc, spec)) continue;
        PublicRow* target = &region_wide;
        if (!model::is_region_wide(inc.municipality)) {
            if (inc.municipality >= by_muni.size()) {
                const std::size_t old = by_muni.size();
                by_muni.resize(inc.municipality + 1u);
                for (std::size_t m = old; m < by_muni.size(); ++m) {
                    by_muni[m].municipality = static_cast<model::MunicipalityIndex>(m);
                }
            }
            target = &by_muni[inc.municipality];
        }
        PublicRow& row = *target;
        ++row.open;
        ++row.open_by_sector[model::index_of(inc.sector)];
        const model::SlaState st = model::classify(inc, now);
        if (st == model::SlaState::overdue) ++row.overdue;
        if (st == model::SlaState::at_risk) ++row.at_risk;
    }
    std::vector<PublicRow> rows;
    for (const PublicRow& r : by_muni) {
        if (r.open > 0) rows.push_back(r);
    }
    if (region_wide.open > 0) rows.push_back(region_wide);
    std::stable_sort(rows.begin(), rows.end(), [](const PublicRow& a, const PublicRow& b) {
        if (a.overdue != b.overdue) return a.overdue > b.overdue;
        if (a.at_risk != b.at_risk) return a.at_risk > b.at_risk;
        return a.open > b.open;
    });
    return rows;
}

}  // namespace tsur::display
