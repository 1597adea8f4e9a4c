// Ids, not indices, on disk: municipalities.csv may be reordered or extended between runs, and a
// count filed under a vanished id is dropped (and counted) rather than failing the whole file.
#include "model/history_codec.hpp"

#include <limits>
#include <set>
#include <utility>
#include <vector>

#include "model/calendar_date.hpp"
#include "model/json_config.hpp"

namespace tsur::model {

using nlohmann::json;

std::string encode_history(const HistoryBook& book, const Region& region) {
    // Written by hand, not through a json tree: a full 400-day book is a megabyte, and building
    // the tree first took several times longer than the text itself.
    std::vector<std::string> quoted;
    for (const auto& m : region.municipalities) quoted.push_back(json(m.id).dump());
    std::string out = "{\"schema\":" + json(kHistorySchema).dump() +
                      ",\"region\":" + json(region.code).dump() + ",\"days\":[";
    bool first_day = true;
    for (const auto& [day, counts] : book.days()) {
        out += first_day ? "\n" : ",\n";
        first_day = false;
        out += "{\"day\":\"" + format_iso_date(day) + "\",\"counts\":{";
        bool first_muni = true;
        for (std::size_t m = 0; m < quoted.size(); ++m) {
            bool first_sector = true;
            for (std::size_t s = 0; s < kSectorCount; ++s) {
                const std::size_t cell = m * kSectorCount + s;
                if (cell >= counts.size() || counts[cell] == 0) continue;
                if (first_sector) {
                    if (!first_muni) out += ',';
                    out += quoted[m] + ":{";
                    first_muni = false;
                } else {
                    out += ',';
                }
                first_sector = false;
                out += '"';
                out += kSectorIds[s];
                out += "\":" + std::to_string(counts[cell]);
            }
            if (!first_sector) out += '}';
        }
        out += "}}";
    }
    out += "]}\n";
    return out;
}

Result<DecodedHistory> decode_history(std::string_view text, const Region& region,
                                      std::string_view file_name, int retention_days) {
    auto parsed = parse_json_config(text, file_name);
    if (!parsed) return Error{parsed.error()};
    const json& doc = parsed.value();
    if (!doc.is_object()) return config_error(file_name, "(top level)", "expected an object");
    const auto schema = doc.find("schema");
    if (schema == doc.end() || !schema->is_string() || *schema != kHistorySchema) {
        return config_error(file_name, "schema",
                            "expected \"" + std::string(kHistorySchema) + "\"");
    }
    const auto code = doc.find("region");
    if (code == doc.end() || !code->is_string()) {
        return config_error(file_name, "region", "expected the region code as a string");
    }
    if (*code != region.code) {
        return config_error(
            file_name, "region",
            "holds " + code->get<std::string>() + ", the wall serves " + region.code);
    }
    const auto days = doc.find("days");
    if (days == doc.end() || !days->is_array()) {
        return config_error(file_name, "days", "expected an array");
    }

    DecodedHistory out{HistoryBook(region.municipalities.size(), retention_days)};
    std::set<std::chrono::sys_days> seen;
    for (std::size_t i = 0; i < days->size(); ++i) {
        const json& entry = (*days)[i];
        const std::string at = "days[" + std::to_string(i) + "]";
        if (!entry.is_object()) return config_error(file_name, at, "expected an object");
        const auto day_text = entry.find("day");
        const auto day = day_text != entry.end() && day_text->is_string()
                             ? parse_iso_date(day_text->get<std::string>())
                             : std::nullopt;
        if (!day) return config_error(file_name, at + ".day", "expected a date \"YYYY-MM-DD\"");
        if (!seen.insert(*day).second) {
            return config_error(file_name, at + ".day",
                                "day " + format_iso_date(*day) + " is listed twice");
        }
        const auto counts = entry.find("counts");
        if (counts == entry.end() || !counts->is_object()) {
            return config_error(file_name, at + ".counts", "expected an object");
        }
        HistoryBook::DayCounts cells(region.municipalities.size() * kSectorCount, 0);
        for (const auto& [muni_id, sectors] : counts->items()) {
            const std::string muni_at = at + ".counts." + muni_id;
            if (!sectors.is_object()) return config_error(file_name, muni_at, "expected an object");
            const auto m = region.find(muni_id);
            if (!m) {
                ++out.unknown_municipalities;
                continue;
            }
            for (const auto& [sector_id, n] : sectors.items()) {
                const std::string cell_at = muni_at + "." + sector_id;
                if (!n.is_number_unsigned() ||
                    n.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max()) {
                    return config_error(file_name, cell_at, "expected a count (integer >= 0)");
                }
                const auto s = sector_from_id(sector_id);
                if (!s) {
                    ++out.unknown_sectors;
                    continue;
                }
                cells[*m * kSectorCount + index_of(*s)] = n.get<std::uint32_t>();
            }
        }
        out.book.set_day(*day, std::move(cells));
    }
    return out;
}

}  // namespace tsur::model
