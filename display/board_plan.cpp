// Board paging by class. Each class is paged separately so that hundreds of old breaches cannot
// push the at-risk rows (the ones the room can still act on) off the cycle, and the other way round.
#include "display/board_plan.hpp"

#include <algorithm>
#include <map>

#include "display/text_format.hpp"

namespace tsur::display {
namespace {

void add_to_tail(BoardTail& tail, std::map<std::string, std::uint32_t>& by_agency,
                 const model::Snapshot& snap, const BoardRow& row) {
    if (row.state == model::SlaState::overdue) {
        ++tail.overdue;
        ++by_agency[snap.incidents[row.incident].agency];
    } else {
        ++tail.at_risk;
    }
}

BoardSection make_section(const model::Snapshot& snap, const config::WidgetSpec& spec,
                          BoardClass cls, const std::vector<BoardRow>& rows,
                          std::size_t lines_per_page, BoardTail& tail,
                          std::map<std::string, std::uint32_t>& tail_agencies) {
    BoardSection section;
    section.cls = cls;
    section.total = static_cast<std::uint32_t>(rows.size());
    section.lines = group_board_rows(snap, rows, spec.group_by);
    section.pages = paginate(section.lines, lines_per_page);
    if (section.pages.size() > kMaxPagesPerClass) {
        section.pages.resize(kMaxPagesPerClass);
        for (std::size_t i = section.pages.back().last; i < section.lines.size(); ++i) {
            if (section.lines[i].kind == BoardLine::Kind::row) {
                add_to_tail(tail, tail_agencies, snap, section.lines[i].row);
            }
        }
    }
    return section;
}

}  // namespace

BoardPlan plan_board(const model::Snapshot& snap, const config::WidgetSpec& spec,
                     model::TimePoint now, std::size_t lines_per_page) {
    BoardPlan plan;
    // Rows arrive by ascending deadline: overdue longest first, then at risk soonest first.
    const std::vector<BoardRow> rows = build_board_rows(snap, spec, now, true);
    std::vector<BoardRow> at_risk, overdue;
    for (const BoardRow& r : rows) {
        (r.state == model::SlaState::overdue ? overdue : at_risk).push_back(r);
    }
    plan.overdue_total = static_cast<std::uint32_t>(overdue.size());
    plan.at_risk_total = static_cast<std::uint32_t>(at_risk.size());
    std::vector<std::pair<BoardClass, std::vector<BoardRow>*>> order;
    if (spec.board_order == config::BoardOrder::oldest_first) {
        order = {{BoardClass::overdue, &overdue}, {BoardClass::at_risk, &at_risk}};
    } else {
        std::reverse(overdue.begin(), overdue.end());
        order = {{BoardClass::at_risk, &at_risk}, {BoardClass::overdue, &overdue}};
    }
    std::map<std::string, std::uint32_t> tail_agencies;
    for (const auto& [cls, class_rows] : order) {
        if (class_rows->empty()) continue;
        plan.sections.push_back(
            make_section(snap, spec, cls, *class_rows, lines_per_page, plan.tail, tail_agencies));
        const std::size_t s = plan.sections.size() - 1;
        for (std::size_t p = 0; p < plan.sections[s].pages.size(); ++p)
            plan.cycle.push_back({s, p});
    }
    plan.tail.worst_agencies.assign(tail_agencies.begin(), tail_agencies.end());
    std::stable_sort(plan.tail.worst_agencies.begin(), plan.tail.worst_agencies.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (plan.tail.worst_agencies.size() > kTailAgencies)
        plan.tail.worst_agencies.resize(kTailAgencies);
    return plan;
}

std::string board_page_label(const BoardPlan& plan, const BoardPageRef& ref, const Strings& s,
                             const config::WidgetSpec& spec, bool with_order, bool with_total) {
    const BoardSection& section = plan.sections[ref.section];
    const bool overdue = section.cls == BoardClass::overdue;
    std::string out(overdue ? s.overdue_word : s.at_risk_word);
    if (with_total) out += " " + format_count(section.total);
    if (overdue && with_order) {
        out += " \u00B7 ";
        out += spec.board_order == config::BoardOrder::oldest_first ? s.board_oldest_first
                                                                    : s.board_newest_first;
    }
    if (section.pages.size() > 1) {
        out +=
            " \u00B7 " + std::to_string(ref.page + 1) + "/" + std::to_string(section.pages.size());
    }
    return out;
}

std::string board_tail_text(const BoardTail& tail, const Strings& s) {
    if (tail.empty()) return {};
    std::string out(s.board_not_listed);
    if (tail.overdue > 0)
        out += " " + format_count(tail.overdue) + " " + std::string(s.overdue_word);
    if (tail.at_risk > 0) {
        out += tail.overdue > 0 ? ", " : " ";
        out += format_count(tail.at_risk) + " " + std::string(s.at_risk_word);
    }
    for (std::size_t i = 0; i < tail.worst_agencies.size(); ++i) {
        const auto& [agency, n] = tail.worst_agencies[i];
        out += " \u00B7 ";
        out += (agency.empty() ? std::string(s.no_data) : agency) + " " + format_count(n);
    }
    return out;
}

const BoardPageRef& page_of_cycle(const BoardPlan& plan, model::TimePoint now, int page_seconds) {
    return plan.cycle[page_at(now, page_seconds, plan.cycle.size())];
}

}  // namespace tsur::display
