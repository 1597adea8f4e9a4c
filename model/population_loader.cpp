// All rows are checked before any is applied, so a bad table never leaves half its figures in.
#include "model/population_loader.hpp"

#include <array>
#include <optional>
#include <unordered_set>

#include "model/calendar_date.hpp"
#include "model/csv_text.hpp"

namespace tsur::model {
namespace {

enum Column : std::size_t { c_id, c_population, c_date, c_source, c_count };
constexpr std::array<std::string_view, c_count> kColumns = {"id", "population", "reference_date",
                                                            "source"};

}  // namespace

Result<PopulationReport> apply_population_csv(std::string_view csv, std::string_view file_name,
                                              Region& region) {
    std::size_t pos = 0;
    auto head =
        read_csv_header(csv, pos, kColumns, file_name, "id,population,reference_date,source");
    if (!head) return Error{head.error()};
    const std::vector<std::size_t>& col = head.value().columns;
    const std::size_t width = head.value().line.fields.size();
    struct Row {
        MunicipalityIndex index;
        std::int64_t population;
        std::string date;
    };
    std::vector<Row> rows;
    PopulationReport report;
    std::unordered_set<std::string> seen;
    std::size_t line_no = 1;
    while (pos < csv.size()) {
        ++line_no;
        const std::string_view line = next_line(csv, pos);
        if (line.empty()) continue;
        const auto row = split_csv_line(line);
        if (!row || row->fields.size() != width) {
            return Error{where(file_name, line_no) + "expected " + std::to_string(width) +
                         " fields (quote a field holding a comma)"};
        }
        const std::string& id = row->fields[col[c_id]];
        if (!seen.insert(id).second)
            return Error{where(file_name, line_no) + "duplicate id \"" + id + "\""};
        const auto population = parse_count(row->fields[col[c_population]]);
        if (!population || *population == 0) {
            return Error{where(file_name, line_no) +
                         "column 'population' must be a positive integer, got \"" +
                         row->fields[col[c_population]] + "\""};
        }
        const std::string& date = row->fields[col[c_date]];
        if (!parse_iso_date(date)) {
            return Error{where(file_name, line_no) +
                         "column 'reference_date' must be a date like 2021-10-01, got \"" + date +
                         "\""};
        }
        if (row->fields[col[c_source]].empty()) {
            return Error{where(file_name, line_no) +
                         "column 'source' is empty (name where the figure comes from)"};
        }
        const auto index = region.find(id);
        if (!index) {
            report.unknown_ids.push_back(id);
            continue;
        }
        rows.push_back(Row{*index, *population, date});
    }
    for (const Row& r : rows) {
        region.municipalities[r.index].population = r.population;
        region.municipalities[r.index].population_date = r.date;
    }
    report.applied = rows.size();
    for (const Municipality& m : region.municipalities) {
        if (!seen.contains(m.id)) report.missing_ids.push_back(m.id);
    }
    return report;
}

}  // namespace tsur::model
