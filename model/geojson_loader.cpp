// GeoJSON (RFC 7946) polygons to GeoPolygon: strict about structure, lenient about winding,
// because hand-edited and converted files often get orientation wrong but rarely anything else.
#include "model/geojson_loader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/polygon_measure.hpp"
#include "model/triangulate.hpp"

namespace tsur::model {
namespace {

using nlohmann::json;

/// Where in the document we are, for error messages: "outline.geojson: features[0] (Name)".
struct Where {
    std::string_view file;
    std::string path;

    Error fail(const std::string& field, const std::string& what) const {
        std::string msg(file);
        msg += ": ";
        msg += path;
        if (!field.empty()) msg += (path.empty() ? "" : ".") + field;
        msg += ": ";
        msg += what;
        return Error{std::move(msg)};
    }
};

std::string type_name(const json& j) { return j.type_name(); }

std::optional<Error> read_position(const json& pos, const Where& at, const std::string& field,
                                   GeoPoint& out) {
    if (!pos.is_array() || pos.size() < 2) {
        return at.fail(field, "expected a position [lon, lat], got " + type_name(pos) +
                                  (pos.is_array() ? " of " + std::to_string(pos.size()) : ""));
    }
    if (!pos[0].is_number() || !pos[1].is_number()) {
        return at.fail(field, "expected numbers for lon and lat");
    }
    const double lon = pos[0].get<double>(), lat = pos[1].get<double>();
    if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0) {
        return at.fail(field, "longitude " + std::to_string(lon) + " is outside [-180, 180]");
    }
    if (!std::isfinite(lat) || lat < -90.0 || lat > 90.0) {
        return at.fail(field, "latitude " + std::to_string(lat) + " is outside [-90, 90]");
    }
    out = GeoPoint{lat, lon};
    return std::nullopt;
}

/// Appends one ring (without its closing position and repeated points) to `poly`.
std::optional<Error> read_ring(const json& ring, const Where& at, const std::string& field,
                               GeoPolygon& poly) {
    if (!ring.is_array())
        return at.fail(field, "expected an array of positions, got " + type_name(ring));
    if (ring.size() < 4) {
        return at.fail(field, "ring has " + std::to_string(ring.size()) +
                                  " points, expected at least 4 (closed)");
    }
    if (poly.points.size() + ring.size() > kMaxPolygonVertices) {
        return at.fail(field, "polygon has more than " + std::to_string(kMaxPolygonVertices) +
                                  " vertices; simplify the geometry");
    }
    const auto start = static_cast<std::uint32_t>(poly.points.size());
    GeoPoint first{}, last{};
    for (std::size_t i = 0; i < ring.size(); ++i) {
        GeoPoint p;
        if (auto e = read_position(ring[i], at, field + "[" + std::to_string(i) + "]", p)) {
            return e;
        }
        if (i == 0) first = p;
        last = p;
        if (poly.points.size() > start && poly.points.back() == p) continue;
        poly.points.push_back(p);
    }
    if (!(first == last)) {
        return at.fail(field, "ring is not closed (its first and last positions differ)");
    }
    poly.points.pop_back();  // the closing repeat of the first point
    const std::size_t distinct = poly.points.size() - start;
    const std::span<const GeoPoint> pts(poly.points.data() + start, distinct);
    if (distinct < 3 || signed_area(pts) == 0.0) {
        return at.fail(field,
                       "ring encloses no area (" + std::to_string(distinct) + " distinct points)");
    }
    poly.ring_starts.push_back(start);
    return std::nullopt;
}

/// Rewinds rings in place: outer counter-clockwise, holes clockwise (RFC 7946 orientation).
void normalise_winding(GeoPolygon& poly) {
    for (std::size_t k = 0; k < poly.ring_starts.size(); ++k) {
        const std::size_t b = poly.ring_starts[k];
        const std::size_t e =
            k + 1 < poly.ring_starts.size() ? poly.ring_starts[k + 1] : poly.points.size();
        const double a = signed_area(std::span<const GeoPoint>(poly.points).subspan(b, e - b));
        if ((a > 0) != (k == 0)) {
            std::reverse(poly.points.begin() + static_cast<std::ptrdiff_t>(b),
                         poly.points.begin() + static_cast<std::ptrdiff_t>(e));
        }
    }
}

std::optional<Error> read_polygon(const json& rings, const Where& at, const std::string& field,
                                  std::vector<GeoPolygon>& out) {
    if (!rings.is_array() || rings.empty()) {
        return at.fail(field, "expected a non-empty array of rings, got " + type_name(rings));
    }
    GeoPolygon poly;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        if (auto e = read_ring(rings[r], at, field + "[" + std::to_string(r) + "]", poly)) {
            return e;
        }
    }
    normalise_winding(poly);
    triangulate(poly);
    // A triangulation that does not tile the rings exactly means the rings cross or a hole lies
    // outside its polygon: refuse rather than draw something wrong.
    double tiled = 0;
    for (std::size_t t = 0; t + 2 < poly.triangles.size(); t += 3) {
        const GeoPoint tri[3] = {poly.points[poly.triangles[t]], poly.points[poly.triangles[t + 1]],
                                 poly.points[poly.triangles[t + 2]]};
        tiled += signed_area(tri);
    }
    const double area = polygon_area(poly);
    if (!(area > 0) || std::abs(tiled - area) > 1e-6 * area) {
        return at.fail(field, "rings intersect each other or a hole lies outside its polygon");
    }
    out.push_back(std::move(poly));
    return std::nullopt;
}

std::optional<Error> read_geometry(const json& g, const Where& at, GeoFeature& feature) {
    if (!g.is_object()) return at.fail("geometry", "expected an object, got " + type_name(g));
    const auto type = g.find("type");
    if (type == g.end() || !type->is_string()) {
        return at.fail("geometry.type", "missing or not a string");
    }
    const auto coords = g.find("coordinates");
    if (coords == g.end()) return at.fail("geometry.coordinates", "missing");
    const std::string& t = type->get_ref<const std::string&>();
    if (t == "Polygon") {
        return read_polygon(*coords, at, "geometry.coordinates", feature.polygons);
    }
    if (t == "MultiPolygon") {
        if (!coords->is_array() || coords->empty()) {
            return at.fail("geometry.coordinates", "expected a non-empty array of polygons");
        }
        for (std::size_t i = 0; i < coords->size(); ++i) {
            const std::string field = "geometry.coordinates[" + std::to_string(i) + "]";
            if (auto e = read_polygon((*coords)[i], at, field, feature.polygons)) return e;
        }
        return std::nullopt;
    }
    return at.fail("geometry.type", "\"" + t +
                                        "\" is not supported, expected Polygon or "
                                        "MultiPolygon");
}

std::string string_property(const json& feature, const char* key) {
    const auto props = feature.find("properties");
    if (props == feature.end() || !props->is_object()) return {};
    const auto v = props->find(key);
    return v != props->end() && v->is_string() ? v->get<std::string>() : std::string{};
}

std::optional<Error> read_feature(const json& f, Where at, std::vector<GeoFeature>& out) {
    if (!f.is_object()) return at.fail("", "expected a Feature object, got " + type_name(f));
    GeoFeature feature;
    feature.name = string_property(f, "name");
    feature.municipality_id = string_property(f, "id");
    if (!feature.name.empty()) at.path += " (" + feature.name + ")";
    const auto g = f.find("geometry");
    if (g == f.end()) return at.fail("geometry", "missing");
    if (g->is_null()) return std::nullopt;
    if (auto e = read_geometry(*g, at, feature)) return e;
    out.push_back(std::move(feature));
    return std::nullopt;
}

/// Sets the outline's bounding box; an outline with no polygon is an error.
std::optional<Error> compute_bounds(RegionGeometry& geo, std::string_view file_name) {
    double min_lat = std::numeric_limits<double>::infinity(), max_lat = -min_lat;
    double min_lon = min_lat, max_lon = -min_lat;
    for (const GeoFeature& f : geo.outline) {
        for (const GeoPolygon& p : f.polygons) {
            for (const GeoPoint& q : p.points) {
                min_lat = std::min(min_lat, q.lat);
                max_lat = std::max(max_lat, q.lat);
                min_lon = std::min(min_lon, q.lon);
                max_lon = std::max(max_lon, q.lon);
            }
        }
    }
    if (!(min_lat <= max_lat)) {
        return Error{std::string(file_name) + ": no Polygon or MultiPolygon geometry found"};
    }
    geo.min_lat = min_lat;
    geo.max_lat = max_lat;
    geo.min_lon = min_lon;
    geo.max_lon = max_lon;
    return std::nullopt;
}

/// Moves every point west of Greenwich one turn east. Natural Earth splits polygons at 180°,
/// so each polygon lies wholly on one side and its triangles stay valid after the shift.
void shift_west_by_a_turn(std::vector<GeoFeature>& features) {
    for (GeoFeature& f : features) {
        for (GeoPolygon& p : f.polygons) {
            for (GeoPoint& q : p.points) {
                if (q.lon < 0.0) q.lon += 360.0;
            }
        }
    }
}

}  // namespace

Result<std::vector<GeoFeature>> parse_geo_features(std::string_view geojson,
                                                   std::string_view file_name) {
    const Where top{file_name, ""};
    json doc;
    try {
        doc = json::parse(geojson.begin(), geojson.end());
    } catch (const json::exception& e) {
        return Error{std::string(file_name) + ": not valid JSON: " + e.what()};
    }
    if (!doc.is_object()) return top.fail("", "expected a GeoJSON object, got " + type_name(doc));
    const auto type = doc.find("type");
    if (type == doc.end() || !type->is_string()) return top.fail("type", "missing");
    const std::string& t = type->get_ref<const std::string&>();
    std::vector<GeoFeature> out;
    if (t == "FeatureCollection") {
        const auto features = doc.find("features");
        if (features == doc.end() || !features->is_array()) {
            return top.fail("features", "expected an array");
        }
        for (std::size_t i = 0; i < features->size(); ++i) {
            const Where at{file_name, "features[" + std::to_string(i) + "]"};
            if (auto e = read_feature((*features)[i], at, out)) return *e;
        }
    } else if (t == "Feature") {
        if (auto e = read_feature(doc, Where{file_name, "feature"}, out)) return *e;
    } else {
        GeoFeature feature;
        if (auto e = read_geometry(doc, Where{file_name, "document"}, feature)) return *e;
        out.push_back(std::move(feature));
    }
    return out;
}

Result<RegionGeometry> parse_region_geometry(std::string_view outline_geojson,
                                             std::string_view file_name) {
    auto features = parse_geo_features(outline_geojson, file_name);
    if (!features) return Error{features.error()};
    RegionGeometry geo;
    geo.outline = features.take();
    if (auto e = compute_bounds(geo, file_name)) return *e;
    // A region wider than half the globe is one split at 180° (GeoJSON keeps [-180, 180]):
    // move its western half by a turn so the outline is one contiguous picture.
    if (geo.max_lon - geo.min_lon > 180.0) {
        shift_west_by_a_turn(geo.outline);
        if (auto e = compute_bounds(geo, file_name)) return *e;
    }
    return geo;
}

Result<RegionGeometry> parse_region_geometry(std::string_view outline_geojson,
                                             std::string_view outline_file_name,
                                             std::string_view municipalities_geojson,
                                             std::string_view municipalities_file_name) {
    auto geo = parse_region_geometry(outline_geojson, outline_file_name);
    if (!geo) return geo;
    auto munis = parse_geo_features(municipalities_geojson, municipalities_file_name);
    if (!munis) return Error{munis.error()};
    geo.value().municipalities = munis.take();
    if (geo.value().max_lon > 180.0) shift_west_by_a_turn(geo.value().municipalities);
    return geo;
}

}  // namespace tsur::model
