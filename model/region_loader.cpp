// Region assets -> model::Region: a small RFC 4180 reader for the municipalities table and
// nlohmann_json for region.json. Every error names file, line/field and what was expected.
#include "model/region_loader.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/csv_text.hpp"

namespace tsur::model {
namespace {

std::optional<double> parse_double(std::string_view s) {
    double v = 0.0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc{} || res.ptr != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

enum Column : std::size_t {
    c_id,
    c_name_ru,
    c_name_en,
    c_kind,
    c_center_ru,
    c_lat,
    c_lon,
    c_population,
    c_count
};
constexpr std::array<std::string_view, c_count> kColumns = {
    "id", "name_ru", "name_en", "kind", "center_ru", "lat", "lon", "population"};

Result<Municipality> parse_row(const CsvLine& row, const std::array<std::size_t, c_count>& col,
                               std::size_t width, std::string_view file, std::size_t line_no) {
    if (row.fields.size() != width) {
        return Error{where(file, line_no) + "expected " + std::to_string(width) +
                     " fields as in the header, got " + std::to_string(row.fields.size())};
    }
    const auto field = [&](Column c) -> const std::string& { return row.fields[col[c]]; };
    Municipality m;
    m.id = field(c_id);
    if (!is_slug(m.id)) {
        return Error{where(file, line_no) + "column 'id' must be a lowercase ASCII slug " +
                     "([a-z0-9_-], 1..64 chars), got \"" + m.id + "\""};
    }
    m.name_ru = field(c_name_ru);
    m.name_en = field(c_name_en);
    if (m.name_ru.empty()) return Error{where(file, line_no) + "column 'name_ru' is empty"};
    const std::string& kind = field(c_kind);
    // A town (generated packs, where no municipal list exists) is a settlement like a city okrug.
    if (kind == "urban_okrug" || kind == "town") {
        m.urban = true;
    } else if (kind != "municipal_okrug" && kind != "municipal_district") {
        return Error{where(file, line_no) + "column 'kind' must be urban_okrug, " +
                     "municipal_okrug, municipal_district or town, got \"" + kind + "\""};
    }
    const auto lat = parse_double(field(c_lat));
    if (!lat || *lat < -90.0 || *lat > 90.0) {
        return Error{where(file, line_no) + "column 'lat' must be a number in [-90, 90], got \"" +
                     field(c_lat) + "\""};
    }
    const auto lon = parse_double(field(c_lon));
    if (!lon || *lon < -180.0 || *lon > 180.0) {
        return Error{where(file, line_no) + "column 'lon' must be a number in [-180, 180], got \"" +
                     field(c_lon) + "\""};
    }
    m.centre = GeoPoint{*lat, *lon};
    const auto pop = parse_count(field(c_population));
    if (!pop) {
        return Error{where(file, line_no) +
                     "column 'population' must be a non-negative integer, got \"" +
                     field(c_population) + "\""};
    }
    m.centre_population = *pop;
    return m;
}

std::optional<std::string> string_field(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace

Result<Region> parse_region_csv(std::string_view csv, std::string_view file_name) {
    std::size_t pos = 0;
    std::size_t line_no = 1;
    auto head = read_csv_header(csv, pos, kColumns, file_name,
                                "id,name_ru,name_en,kind,center_ru,lat,lon,population,source");
    if (!head) return Error{head.error()};
    const CsvHeader& header = head.value();
    std::array<std::size_t, c_count> col{};
    std::copy(header.columns.begin(), header.columns.end(), col.begin());
    Region region;
    std::unordered_set<std::string> ids;
    while (pos < csv.size()) {
        ++line_no;
        const std::string_view line = next_line(csv, pos);
        if (line.empty()) continue;
        const auto row = split_csv_line(line);
        if (!row) return Error{where(file_name, line_no) + "malformed row (unbalanced quotes)"};
        auto m = parse_row(*row, col, header.line.fields.size(), file_name, line_no);
        if (!m) return Error{m.error()};
        if (!ids.insert(m.value().id).second) {
            return Error{where(file_name, line_no) + "duplicate id \"" + m.value().id + "\""};
        }
        if (region.municipalities.size() >= std::numeric_limits<MunicipalityIndex>::max()) {
            return Error{where(file_name, line_no) + "too many municipalities (max 65535)"};
        }
        region.municipalities.push_back(m.take());
    }
    if (region.municipalities.empty()) {
        return Error{std::string(file_name) + ": no municipalities (expected one row per id)"};
    }
    return region;
}

Result<Region> parse_region(std::string_view region_json, std::string_view csv,
                            std::string_view json_file_name, std::string_view csv_file_name) {
    auto region = parse_region_csv(csv, csv_file_name);
    if (!region) return region;
    const std::string file(json_file_name);
    const auto j = nlohmann::json::parse(region_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Error{file + ": not a JSON object (expected {\"code\", \"name\", \"time_zone\", " +
                     "\"utc_offset\", \"capital\"})"};
    }
    Region& r = region.value();
    const auto code = string_field(j, "code");
    if (!code || code->empty()) return Error{file + ": field 'code' must be a non-empty string"};
    r.code = *code;
    const auto name = string_field(j, "name");
    if (!name || name->empty()) return Error{file + ": field 'name' must be a non-empty string"};
    r.name_ru = *name;
    const auto zone = string_field(j, "time_zone");
    if (!zone || zone->empty()) {
        return Error{file + ": field 'time_zone' must be an IANA zone name like Europe/Samara"};
    }
    r.time_zone = *zone;
    const auto offset_text = string_field(j, "utc_offset");
    const auto offset = offset_text ? parse_utc_offset(*offset_text) : std::nullopt;
    if (!offset) return Error{file + ": field 'utc_offset' must look like \"+04:00\""};
    r.utc_offset = *offset;
    const auto capital = string_field(j, "capital");
    const auto capital_index = capital ? r.find(*capital) : std::nullopt;
    if (!capital_index) {
        return Error{file + ": field 'capital' must be a municipality id of " +
                     std::string(csv_file_name) + ", got \"" + capital.value_or("") + "\""};
    }
    r.capital = *capital_index;
    return region;
}

Region with_municipalities(const Region& pack, Region own) {
    own.code = pack.code;
    own.name_ru = pack.name_ru;
    own.time_zone = pack.time_zone;
    own.utc_offset = pack.utc_offset;
    const Municipality& capital = pack.municipalities[pack.capital];
    if (const auto same = own.find(capital.id)) {
        own.capital = *same;
        return own;
    }
    // Degrees squared, longitude scaled: enough to tell the capital's okrug from its neighbours.
    const double kx = std::cos(capital.centre.lat * 3.141592653589793 / 180.0);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < own.municipalities.size(); ++i) {
        const GeoPoint c = own.municipalities[i].centre;
        const double dx = (unwrap_lon(c.lon, capital.centre.lon) - capital.centre.lon) * kx;
        const double dy = c.lat - capital.centre.lat;
        if (dx * dx + dy * dy < best) {
            best = dx * dx + dy * dy;
            own.capital = static_cast<MunicipalityIndex>(i);
        }
    }
    return own;
}

void align_to_geometry(Region& region, const RegionGeometry& geometry) {
    const double centre_lon = (geometry.min_lon + geometry.max_lon) * 0.5;
    for (Municipality& m : region.municipalities) {
        m.centre.lon = unwrap_lon(m.centre.lon, centre_lon);
    }
}

}  // namespace tsur::model
