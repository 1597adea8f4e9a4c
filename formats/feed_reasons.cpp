// Shared record checks of the feed parsers; see feed_reasons.hpp.
#include "formats/feed_reasons.hpp"

#include <algorithm>

namespace tsur::net {

void ReasonCounter::add(Reason r, std::string_view id) {
    add(r);
    if (examples_.size() >= kRejectedExamples) return;
    // The id goes into a log line: no control characters, and not the whole of a hostile one.
    std::string shown(id);
    clean_text(shown, 64);
    examples_.push_back({std::move(shown), std::string(id_of(r))});
}

void ReasonCounter::add_region_wide(Reason r, std::string_view id) {
    ++region_wide_[static_cast<std::size_t>(r)];
    if (region_wide_examples_.size() >= kRejectedExamples) return;
    std::string shown(id);
    clean_text(shown, 64);
    region_wide_examples_.push_back({std::move(shown), std::string(id_of(r))});
}

void ReasonCounter::flush_into(model::FeedDocument& doc) const {
    for (std::size_t i = 0; i < kReasonCount; ++i) {
        if (counts_[i] != 0) doc.rejected[std::string(kReasonIds[i])] += counts_[i];
        if (region_wide_[i] != 0) doc.region_wide[std::string(kReasonIds[i])] += region_wide_[i];
    }
    for (const auto& e : region_wide_examples_) {
        if (doc.region_wide_examples.size() < kRejectedExamples) {
            doc.region_wide_examples.push_back(e);
        }
    }
    for (const auto& e : examples_) {
        if (doc.rejected_examples.size() < kRejectedExamples) doc.rejected_examples.push_back(e);
    }
}

std::uint64_t rejected_records(const std::map<std::string, std::uint32_t>& rejected) {
    std::uint64_t n = 0;
    for (const auto& [reason, count] : rejected) {
        const bool side_block =
            reason == id_of(Reason::bad_history) || reason == id_of(Reason::bad_history_series) ||
            reason == id_of(Reason::bad_risks) || reason == id_of(Reason::bad_risk) ||
            reason == id_of(Reason::bad_municipalities) ||
            reason == id_of(Reason::bad_municipality) ||
            reason == id_of(Reason::duplicate_municipality);
        if (!side_block) n += count;
    }
    return n;
}

std::string rejected_summary(const std::map<std::string, std::uint32_t>& rejected) {
    std::vector<std::pair<std::string_view, std::uint32_t>> by_count(rejected.begin(),
                                                                     rejected.end());
    std::stable_sort(by_count.begin(), by_count.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [reason, n] : by_count) {
        if (!out.empty()) out += ", ";
        out += std::string(reason) + " " + std::to_string(n);
    }
    return out;
}

std::vector<std::string> rejected_log_lines(const model::FeedDocument& doc) {
    std::vector<std::string> lines;
    for (const auto& e : doc.rejected_examples) {
        const std::string who = e.id.empty() ? "without an id" : "\"" + e.id + "\"";
        lines.push_back("record " + who + " dropped: " + e.reason);
    }
    std::uint64_t total = 0;
    for (const auto& [reason, n] : doc.rejected) total += n;
    if (total > doc.rejected_examples.size()) {
        std::string line = std::to_string(total) + " records dropped in all (" +
                           rejected_summary(doc.rejected) + ")";
        if (!doc.rejected_examples.empty()) {
            line +=
                "; the first " + std::to_string(doc.rejected_examples.size()) + " are named above";
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

void clean_text(std::string& text, std::size_t max_bytes) {
    for (char& c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) c = ' ';
    }
    if (text.size() <= max_bytes) return;
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    std::size_t cut = max_bytes >= kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
    // Step back over continuation bytes (10xxxxxx) so the cut never splits a code point.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    if (max_bytes >= kEllipsis.size()) text.append(kEllipsis);
}

MunicipalityLookup::MunicipalityLookup(const model::Region& region) {
    index_.reserve(region.municipalities.size() * 2);
    for (std::size_t i = 0; i < region.municipalities.size(); ++i) {
        index_.emplace(region.municipalities[i].id, static_cast<model::MunicipalityIndex>(i));
    }
}

std::optional<model::MunicipalityIndex> MunicipalityLookup::find(std::string_view id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::optional<Reason> check_times(model::TimePoint created,
                                  const std::optional<model::TimePoint>& due,
                                  const std::optional<model::TimePoint>& answered,
                                  const std::optional<model::TimePoint>& as_of) {
    if (created < kEarliestCreated) return Reason::created_too_old;
    if (as_of && created_in_future(created, *as_of)) return Reason::created_in_future;
    if (due && *due < created) return Reason::due_before_created;
    if (answered && *answered < created) return Reason::answered_before_created;
    return std::nullopt;
}

std::vector<std::string> region_wide_log_lines(const model::FeedDocument& doc) {
    std::uint64_t total = 0;
    for (const auto& [reason, n] : doc.region_wide) total += n;
    if (total == 0) return {};
    std::string line = std::to_string(total) + (total == 1 ? " record" : " records") +
                       " counted under the whole region (" + rejected_summary(doc.region_wide) +
                       ")";
    if (!doc.region_wide_examples.empty()) {
        line += total > doc.region_wide_examples.size() ? "; the first: " : ": ";
        for (std::size_t i = 0; i < doc.region_wide_examples.size(); ++i) {
            if (i > 0) line += ", ";
            const std::string& id = doc.region_wide_examples[i].id;
            line += id.empty() ? std::string("(no id)") : "\"" + id + "\"";
        }
    }
    return {line};
}

std::vector<std::string> municipalities_log_lines(const model::FeedDocument& doc) {
    if (doc.municipalities_ignored.empty()) return {};
    return {"municipalities block ignored: " + doc.municipalities_ignored +
            "; incidents are placed by the wall's own list"};
}

}  // namespace tsur::net
