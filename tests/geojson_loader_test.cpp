// GeoJSON loading: the shipped outline, winding normalisation, holes, and errors a person can act on.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "model/geojson_loader.hpp"
#include "model/polygon_measure.hpp"
#include "support/paths.hpp"

namespace tsur::model {
namespace {

std::string collection(const std::string& geometry, const std::string& name = "Тест") {
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":")" +
           name + R"("},"geometry":)" + geometry + "}]}";
}

const std::string kSquareCw =
    R"({"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]]]})";
const std::string kSquareWithHole =
    R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],)"
    R"([[3,3],[7,3],[7,7],[3,7],[3,3]]]})";

TEST(GeojsonLoader, LoadsTheShippedUdmurtiaOutline) {
    const std::string text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
    auto geo = parse_region_geometry(text, "outline.geojson");
    ASSERT_TRUE(geo.ok()) << geo.error();
    const RegionGeometry& g = geo.value();
    ASSERT_EQ(g.outline.size(), 1u);
    EXPECT_EQ(g.outline[0].name, "Удмуртская Республика");
    EXPECT_TRUE(g.municipalities.empty());
    // Bounding box of the Natural Earth outline: lon 51.116..54.400, lat 55.857..58.544.
    EXPECT_NEAR(g.min_lon, 51.116, 0.001);
    EXPECT_NEAR(g.max_lon, 54.400, 0.001);
    EXPECT_NEAR(g.min_lat, 55.857, 0.001);
    EXPECT_NEAR(g.max_lat, 58.544, 0.001);
    const GeoPolygon& p = g.outline[0].polygons.at(0);
    EXPECT_GT(signed_area(p.points), 0.0) << "outer ring must be counter-clockwise";
    EXPECT_FALSE(p.triangles.empty());
    EXPECT_TRUE(contains(p, GeoPoint{56.84976, 53.20448})) << "Izhevsk inside";
    EXPECT_FALSE(contains(p, GeoPoint{55.79, 49.12})) << "Kazan outside";
}

TEST(GeojsonLoader, NormalisesWindingOfOuterRingsAndHoles) {
    // Outer clockwise, hole counter-clockwise: both the wrong way round for RFC 7946.
    const std::string doc =
        collection(R"({"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]],)"
                   R"([[3,3],[7,3],[7,7],[3,7],[3,3]]]})");
    auto r = parse_geo_features(doc, "x.geojson");
    ASSERT_TRUE(r.ok()) << r.error();
    const GeoPolygon& p = r.value().at(0).polygons.at(0);
    ASSERT_EQ(p.ring_starts.size(), 2u);
    EXPECT_EQ(p.points.size(), 8u) << "closing repeats are not stored";
    const std::span<const GeoPoint> pts(p.points);
    EXPECT_GT(signed_area(pts.subspan(0, 4)), 0.0);
    EXPECT_LT(signed_area(pts.subspan(4, 4)), 0.0);
    EXPECT_DOUBLE_EQ(polygon_area(p), 84.0);
    EXPECT_FALSE(contains(p, GeoPoint{5, 5}));
}

TEST(GeojsonLoader, ReadsMultiPolygonsFeaturesAndBareGeometry) {
    const std::string multi =
        R"({"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],)"
        R"([[[5,5],[6,5],[6,6],[5,6],[5,5]]]]})";
    auto r = parse_geo_features(collection(multi), "m.geojson");
    ASSERT_TRUE(r.ok()) << r.error();
    EXPECT_EQ(r.value().at(0).polygons.size(), 2u);
    auto bare = parse_geo_features(kSquareCw, "bare.geojson");
    ASSERT_TRUE(bare.ok()) << bare.error();
    EXPECT_EQ(bare.value().size(), 1u);
    auto single = parse_geo_features(
        R"({"type":"Feature","properties":{"id":"izhevsk"},"geometry":)" + kSquareWithHole + "}",
        "f.geojson");
    ASSERT_TRUE(single.ok()) << single.error();
    EXPECT_EQ(single.value().at(0).municipality_id, "izhevsk");
}

TEST(GeojsonLoader, SkipsFeaturesWithNullGeometryButNeedsSomePolygon) {
    const std::string doc = R"({"type":"FeatureCollection","features":[)"
                            R"({"type":"Feature","properties":{},"geometry":null}]})";
    auto features = parse_geo_features(doc, "n.geojson");
    ASSERT_TRUE(features.ok());
    EXPECT_TRUE(features.value().empty());
    auto region = parse_region_geometry(doc, "n.geojson");
    ASSERT_FALSE(region.ok());
    EXPECT_EQ(region.error(), "n.geojson: no Polygon or MultiPolygon geometry found");
}

TEST(GeojsonLoader, ShortRingErrorNamesFileFeatureAndRing) {
    const std::string doc = R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                            R"("properties":{},"geometry":{"type":"Polygon",)"
                            R"("coordinates":[[[0,0],[0,0]]]}}]})";
    auto r = parse_region_geometry(doc, "outline.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(),
              "outline.geojson: features[0].geometry.coordinates[0]: ring has 2 points, "
              "expected at least 4 (closed)");
}

TEST(GeojsonLoader, ErrorsNameTheFeatureByItsName) {
    auto r = parse_geo_features(
        collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})", "Ижевск"),
        "m.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(),
              "m.geojson: features[0] (Ижевск).geometry.coordinates[0]: ring is not "
              "closed (its first and last positions differ)");
}

TEST(GeojsonLoader, RejectsEachKindOfMalformedGeometry) {
    struct Case {
        std::string doc;
        std::string expected_part;
    };
    const std::vector<Case> cases = {
        {"{not json", "m.geojson: not valid JSON"},
        {"[1,2]", "expected a GeoJSON object"},
        {R"({"type":"FeatureCollection"})", "features: expected an array"},
        {collection(R"({"type":"Point","coordinates":[1,2]})"), "\"Point\" is not supported"},
        {collection(R"({"type":"Polygon"})"), "geometry.coordinates: missing"},
        {collection(R"({"type":"Polygon","coordinates":[]})"), "non-empty array of rings"},
        {collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],["a",1],[0,0]]]})"),
         "coordinates[0][2]: expected numbers"},
        {collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,95],[0,0]]]})"),
         "latitude 95.000000 is outside [-90, 90]"},
        {collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[0,0]]]})"),
         "ring encloses no area"},
        {collection(R"({"type":"Polygon","coordinates":[[[0,0],[4,4],[4,0],[0,2],[0,0]]]})"),
         "rings intersect each other"},
        {collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],)"
                    R"([[5,5],[6,5],[6,6],[5,5]]]})"),
         "hole lies outside its polygon"},
        {collection(R"({"type":"MultiPolygon","coordinates":[[[1]]]})"),
         "geometry.coordinates[0][0]: ring has 1 points"},
    };
    for (const Case& c : cases) {
        auto r = parse_region_geometry(c.doc, "m.geojson");
        ASSERT_FALSE(r.ok()) << c.doc;
        EXPECT_NE(r.error().find(c.expected_part), std::string::npos)
            << "message: " << r.error() << "\nexpected to contain: " << c.expected_part;
        EXPECT_EQ(r.error().rfind("m.geojson: ", 0), 0u) << r.error();
    }
}

TEST(GeojsonLoader, LoadsAnOptionalMunicipalLayer) {
    const std::string munis = R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                              R"("properties":{"id":"izhevsk","name":"Ижевск"},"geometry":)" +
                              kSquareCw + "}]}";
    auto r = parse_region_geometry(collection(kSquareWithHole), "o.geojson", munis, "m.geojson");
    ASSERT_TRUE(r.ok()) << r.error();
    ASSERT_EQ(r.value().municipalities.size(), 1u);
    EXPECT_EQ(r.value().municipalities[0].municipality_id, "izhevsk");
    EXPECT_EQ(r.value().municipalities[0].name, "Ижевск");
    auto bad = parse_region_geometry(collection(kSquareWithHole), "o.geojson", "{}", "m.geojson");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().rfind("m.geojson: ", 0), 0u);
}

TEST(GeojsonLoader, MangledInputNeverCrashes) {
    const std::string text = test::read_file(test::asset_path("regions/RU-UD/outline.geojson"));
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pos(0, text.size() - 1);
    const std::string alphabet = "[]{},:\"0123456789.-eE ";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    int accepted = 0;
    for (int i = 0; i < 300; ++i) {
        std::string doc = text;
        for (int k = 0; k < 1 + i % 4; ++k) doc[pos(rng)] = alphabet[pick(rng)];
        if (i % 10 == 0) doc.resize(pos(rng));
        auto r = parse_region_geometry(doc, "fuzz.geojson");
        if (r.ok()) {
            ++accepted;
        } else {
            EXPECT_EQ(r.error().rfind("fuzz.geojson: ", 0), 0u) << r.error();
        }
    }
    EXPECT_LT(accepted, 300) << "some mangled documents must be rejected";
}

}  // namespace
}  // namespace tsur::model
