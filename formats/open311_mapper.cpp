// Open311 requests -> the wall's incidents: the same checks and reason ids as the native feed,
// plus placing each point in a municipality (nearest centre) since Open311 has none.
#include <charconv>
#include <cmath>
#include <numbers>
#include <unordered_set>

#include "model/ascii_text.hpp"
#include "formats/feed_reasons.hpp"
#include "formats/open311_parser.hpp"

namespace tsur::net {
namespace {

std::optional<double> parse_coordinate(std::string_view text, double limit) {
    double v = 0.0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc{} || res.ptr != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(v) || v < -limit || v > limit) return std::nullopt;
    return v;
}

double distance_km(model::GeoPoint a, model::GeoPoint b) {
    constexpr double kEarthRadiusKm = 6371.0;
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dlat = (b.lat - a.lat) * kRad;
    const double dlon = (b.lon - a.lon) * kRad;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

std::optional<model::MunicipalityIndex> nearest_within(const model::Region& region,
                                                       model::GeoPoint p, double max_km) {
    std::optional<model::MunicipalityIndex> best;
    double best_km = max_km;
    for (std::size_t i = 0; i < region.municipalities.size(); ++i) {
        const double d = distance_km(p, region.municipalities[i].centre);
        if (d <= best_km) {
            best_km = d;
            best = static_cast<model::MunicipalityIndex>(i);
        }
    }
    return best;
}

using ServiceIndex = std::unordered_map<std::string_view, const Open311Service*>;

model::Sector sector_of(const Open311Request& r, const std::string& name, const Open311Mapping& m,
                        const Open311Service* service) {
    if (const auto it = m.by_code.find(r.service_code); it != m.by_code.end()) return it->second;
    if (const auto it = m.by_name.find(name); it != m.by_name.end()) return it->second;
    if (service && !service->group.empty()) {
        if (const auto it = m.by_group.find(service->group); it != m.by_group.end()) {
            return it->second;
        }
    }
    return m.default_sector;
}

std::optional<Reason> time_field(const std::string& text, Reason bad,
                                 std::optional<model::Seconds> zone,
                                 std::optional<model::TimePoint>& out) {
    if (text.empty()) return std::nullopt;
    out = model::parse_rfc3339(text, zone);
    if (!out) return bad;
    return std::nullopt;
}

/// Everything but the duplicate check; fills `out` when the request is usable.
std::optional<Reason> build(const Open311Request& r, const Open311Mapping& m,
                            const model::Region& region, model::TimePoint as_of,
                            const ServiceIndex& services, model::Incident& out) {
    if (r.bad_id) return Reason::bad_id;
    if (r.service_request_id.empty()) return Reason::missing_id;
    out.id = m.id_prefix + r.service_request_id;
    if (out.id.size() > kMaxIdBytes) return Reason::bad_id;

    if (r.status.empty()) return Reason::missing_status;
    // Real servers write "Open" / "Closed" / "OPEN"; the standard's lowercase is only an example.
    if (model::iequals_ascii(r.status, "open")) {
        out.status = model::Status::in_progress;
    } else if (model::iequals_ascii(r.status, "closed")) {
        out.status = model::Status::resolved;
    } else {
        return Reason::unknown_status;
    }

    if (r.requested_datetime.empty()) return Reason::missing_created_at;
    const auto created = model::parse_rfc3339(r.requested_datetime, m.timestamp_zone);
    if (!created) return Reason::bad_created_at;
    std::optional<model::TimePoint> due, answered;
    if (const auto bad =
            time_field(r.expected_datetime, Reason::bad_due_at, m.timestamp_zone, due)) {
        return bad;
    }
    // Open311 has no answer time; the last update of a closed request is the closest to it.
    if (out.status == model::Status::resolved) {
        if (const auto bad = time_field(r.updated_datetime, Reason::bad_answered_at,
                                        m.timestamp_zone, answered)) {
            return bad;
        }
    }
    if (const auto bad = check_times(*created, due, answered, as_of)) return bad;

    out.municipality = m.default_municipality;
    if (!r.lat.empty() || !r.lon.empty()) {
        const auto lat = parse_coordinate(r.lat, 90.0);
        if (!lat) return Reason::bad_latitude;
        const auto lon = parse_coordinate(r.lon, 180.0);
        if (!lon) return Reason::bad_longitude;
        const model::GeoPoint p{*lat, *lon};
        if (const auto muni = nearest_within(region, p, m.max_distance_km)) {
            out.municipality = *muni;
            out.location = p;
        } else if (m.outside == Open311Mapping::Outside::reject) {
            return Reason::outside_region;
        }
    }

    const auto known = services.find(r.service_code);
    const Open311Service* service = known != services.end() ? known->second : nullptr;
    // Many servers send only the code in requests; the service list knows its name.
    const std::string& name =
        !r.service_name.empty() || !service ? r.service_name : service->service_name;
    out.channel = m.channel;
    out.sector = sector_of(r, name, m, service);
    out.category = r.service_code;
    clean_text(out.category, kMaxShortTextBytes);
    out.title = !name.empty()             ? name
                : !r.service_code.empty() ? "Open311 " + r.service_code
                                          : std::string("Open311");
    if (!r.address.empty()) out.title += " — " + r.address;
    clean_text(out.title, kMaxTitleBytes);
    out.agency = !r.agency_responsible.empty() ? r.agency_responsible : m.default_agency;
    clean_text(out.agency, kMaxShortTextBytes);
    out.created_at = *created;
    out.feed_due_at = due;
    out.due_at = due.value_or(model::TimePoint{});
    out.answered_at = answered;
    return std::nullopt;
}

}  // namespace

model::FeedDocument map_open311_requests(const Open311Requests& requests,
                                         const std::vector<Open311Service>& services,
                                         const Open311Mapping& mapping, const model::Region& region,
                                         model::TimePoint as_of) {
    model::FeedDocument doc;
    doc.schema = std::string(kOpen311Schema);
    doc.region_code = region.code;
    doc.region_name = region.name_ru;
    doc.time_zone = region.time_zone;
    doc.as_of = as_of;
    ServiceIndex index;
    for (const auto& s : services) index.emplace(s.service_code, &s);

    ReasonCounter counter;
    for (std::uint32_t i = 0; i < requests.not_objects; ++i) counter.add(Reason::not_an_object, {});
    std::unordered_set<std::string> ids;
    for (const auto& r : requests.requests) {
        model::Incident incident;
        if (const auto reason = build(r, mapping, region, as_of, index, incident)) {
            counter.add(*reason, r.service_request_id);
        } else if (!ids.insert(incident.id).second) {
            counter.add(Reason::duplicate_id, r.service_request_id);
        } else {
            if (model::is_region_wide(incident.municipality)) {
                // Without a point there was no municipality to find; with one, it lay outside.
                const bool located = !r.lat.empty() || !r.lon.empty();
                counter.add_region_wide(
                    located ? Reason::outside_region : Reason::missing_municipality, incident.id);
            }
            doc.incidents.push_back(std::move(incident));
        }
    }
    counter.flush_into(doc);
    return doc;
}

}  // namespace tsur::net
