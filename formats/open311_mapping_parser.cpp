// The Open311 mapping file (assets/open311/mapping.json): every field checked, and an error
// names the file and the field, so a wall refuses a bad mapping at start instead of misfiling.
#include <exception>
#include <utility>

#include <nlohmann/json.hpp>

#include "formats/open311_parser.hpp"
#include "model/time.hpp"

namespace tsur::net {
namespace {

using Json = nlohmann::json;

std::optional<model::Sector> sector_value(const Json& v) {
    return v.is_string() ? model::sector_from_id(v.get_ref<const std::string&>()) : std::nullopt;
}

/// Reads one of the mapping's lookup tables ({"text": "sector", ...}).
std::optional<std::string> read_table(const Json& j, const char* name,
                                      std::unordered_map<std::string, model::Sector>& out) {
    const auto it = j.find(name);
    if (it == j.end()) return std::nullopt;
    if (!it->is_object()) return std::string("field '") + name + "' must be an object";
    for (const auto& [key, value] : it->items()) {
        const auto sector = sector_value(value);
        if (!sector) {
            return std::string("field '") + name + "." + key + "' must be a sector id " +
                   "(housing, roads, waste, healthcare, education, transport, energy, social, "
                   "other)";
        }
        out.emplace(key, *sector);
    }
    return std::nullopt;
}

}  // namespace

model::Result<Open311Mapping> parse_open311_mapping(std::string_view json,
                                                    const model::Region& region,
                                                    std::string_view file_name) {
    const std::string file(file_name);
    const auto fail = [&](const std::string& what) { return model::Error{file + ": " + what}; };
    const Json j = Json::parse(json, nullptr, false, /*ignore_comments=*/true);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    Open311Mapping m;
    try {
        if (const auto it = j.find("region"); it == j.end() || *it != region.code) {
            return fail("field 'region' must be \"" + region.code + "\", the wall's region");
        }
        if (const auto it = j.find("id_prefix"); it != j.end()) {
            if (!it->is_string()) return fail("field 'id_prefix' must be a string");
            m.id_prefix = it->get<std::string>();
        }
        if (const auto it = j.find("channel"); it != j.end()) {
            const auto c =
                it->is_string() ? model::channel_from_id(it->get<std::string>()) : std::nullopt;
            if (!c) return fail("field 'channel' must be a channel id such as \"app\"");
            m.channel = *c;
        }
        if (const auto it = j.find("default_sector"); it != j.end()) {
            const auto s = sector_value(*it);
            if (!s) return fail("field 'default_sector' must be a sector id such as \"other\"");
            m.default_sector = *s;
        }
        if (const auto muni = j.find("default_municipality"); muni != j.end()) {
            const auto muni_index =
                muni->is_string() ? region.find(muni->get<std::string>()) : std::nullopt;
            if (!muni_index) {
                return fail("field 'default_municipality' must be a municipality id of " +
                            region.code);
            }
            m.default_municipality = *muni_index;
        }
        if (const auto it = j.find("max_distance_km"); it != j.end()) {
            if (!it->is_number() || it->get<double>() <= 0.0 || it->get<double>() > 2000.0) {
                return fail("field 'max_distance_km' must be a number in (0, 2000]");
            }
            m.max_distance_km = it->get<double>();
        }
        if (const auto it = j.find("outside_region"); it != j.end()) {
            if (*it == "reject") {
                m.outside = Open311Mapping::Outside::reject;
            } else if (*it == "default_municipality") {
                m.outside = Open311Mapping::Outside::use_default;
            } else {
                return fail(
                    "field 'outside_region' must be \"reject\" or "
                    "\"default_municipality\"");
            }
        }
        if (const auto it = j.find("timestamp_zone"); it != j.end()) {
            // A fixed offset on purpose: an IANA zone would need a time zone database, and
            // a server without offsets is usually one city in one zone.
            if (*it == "region") {
                m.timestamp_zone = region.utc_offset;
            } else {
                m.timestamp_zone = it->is_string() ? model::parse_utc_offset(it->get<std::string>())
                                                   : std::nullopt;
                if (!m.timestamp_zone || *m.timestamp_zone > model::Seconds{14 * 3600} ||
                    *m.timestamp_zone < model::Seconds{-14 * 3600}) {
                    return fail(
                        "field 'timestamp_zone' must be a UTC offset such as \"+04:00\" "
                        "or \"Z\", or \"region\" (the region's own offset)");
                }
            }
        }
        if (const auto it = j.find("default_agency"); it != j.end()) {
            if (!it->is_string()) return fail("field 'default_agency' must be a string");
            m.default_agency = it->get<std::string>();
        }
        for (const auto& [name, table] :
             {std::pair{"service_codes", &m.by_code}, std::pair{"service_names", &m.by_name},
              std::pair{"groups", &m.by_group}}) {
            if (const auto err = read_table(j, name, *table)) return fail(*err);
        }
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return m;
}

}  // namespace tsur::net
