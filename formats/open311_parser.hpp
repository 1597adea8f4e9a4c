// Open311 GeoReport v2 as a second feed: services/requests responses (JSON or XML) and the
// mapping file that turns them into the wall's incidents (docs/feed-api.md, "Open311").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/enums.hpp"
#include "model/region.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"

namespace tsur::net {

inline constexpr std::string_view kOpen311Schema = "open311.georeport.v2";

/// How requests of one Open311 endpoint become incidents; loaded once, read from any thread.
struct Open311Mapping {
    enum class Outside : std::uint8_t { reject, use_default };
    std::string id_prefix;  ///< prepended to service_request_id ("311-638344")
    model::Channel channel = model::Channel::app;
    model::Sector default_sector = model::Sector::other;
    /// Requests without coordinates (and kept outside points) go here; model::kRegionWide, the
    /// whole region, unless the mapping names one.
    model::MunicipalityIndex default_municipality = model::kRegionWide;
    double max_distance_km = 40.0;  ///< a point farther from every centre is outside the region
    Outside outside = Outside::reject;
    std::string default_agency;
    /// The UTC offset of timestamps the server sends without one ("2024-05-01T10:00:00");
    /// nullopt: such timestamps are invalid, as RFC 3339 says.
    std::optional<model::Seconds> timestamp_zone;
    std::unordered_map<std::string, model::Sector> by_code;   ///< service_code -> sector
    std::unordered_map<std::string, model::Sector> by_name;   ///< service_name -> sector
    std::unordered_map<std::string, model::Sector> by_group;  ///< service group -> sector
};

/// Parses assets/open311/mapping.json (comments allowed); errors name the file and field.
model::Result<Open311Mapping> parse_open311_mapping(std::string_view json,
                                                    const model::Region& region,
                                                    std::string_view file_name);

/// One entry of services.json / services.xml; every field as trimmed text ("" when absent).
struct Open311Service {
    std::string service_code, service_name, description, group, type, keywords, metadata;
};

/// One entry of requests.json / requests.xml; every field as trimmed text ("" when absent or
/// null), numbers in their decimal form, so "006", 94122 and <zipcode>94122</zipcode> agree.
struct Open311Request {
    std::string service_request_id, status, status_notes, service_name, service_code, description,
        agency_responsible, service_notice, requested_datetime, updated_datetime, expected_datetime,
        address, address_id, zipcode, lat, lon, media_url;
    bool bad_id = false;  ///< id was an object, array, boolean or fraction
};

struct Open311Requests {
    std::vector<Open311Request> requests;
    std::uint32_t not_objects = 0;  ///< array entries that were not objects
};

/// Rewrites bare numbers with leading zeros (`"service_code":001`, as in the spec's own
/// examples; not valid JSON) into strings ("001") so codes keep their zeros. Other bytes are
/// copied unchanged; text inside strings is never touched. O(n).
std::string quote_leading_zero_numbers(std::string_view json);

/// Parse services.json / requests.json (after quote_leading_zero_numbers). Never throw.
model::Result<std::vector<Open311Service>> parse_open311_services_json(std::string_view body);
model::Result<Open311Requests> parse_open311_requests_json(std::string_view body);

/// The XML variants (Boost.PropertyTree, header-only). Never throw.
model::Result<std::vector<Open311Service>> parse_open311_services_xml(std::string_view body);
model::Result<Open311Requests> parse_open311_requests_xml(std::string_view body);

/// The server's own words in an error response, "403: Invalid api_key": GeoReport's JSON
/// [{"code", "description"}] or XML <errors><error>, sent with any HTTP status (400, 403, 404,
/// 500...). Cleaned to one line of at most 300 bytes; nullopt when the body is not that form.
std::optional<std::string> open311_server_error(std::string_view body);
std::optional<std::string> open311_server_error_xml(std::string_view body);

/// Either form, told apart by the first byte after whitespace and a BOM ('<': XML).
model::Result<std::vector<Open311Service>> parse_open311_services(std::string_view body);
model::Result<Open311Requests> parse_open311_requests(std::string_view body);

/// Validates and maps requests into a document at `as_of` (Open311 has no server time: pass
/// the HTTP Date). Bad requests are dropped and counted like native records. `services` gives
/// a request that carries only a service_code its service_name (title, name lookup) and group.
model::FeedDocument map_open311_requests(const Open311Requests& requests,
                                         const std::vector<Open311Service>& services,
                                         const Open311Mapping& mapping, const model::Region& region,
                                         model::TimePoint as_of);

}  // namespace tsur::net
