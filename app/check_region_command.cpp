// check-region loads the pack through load_wall_assets, so "loads" means exactly what the wall
// would do; the rest of the report counts what the pack gives the map and the per-capita views.
#include "app/check_region_command.hpp"

#include <cstdio>

#include "app/wall_assets.hpp"

namespace tsur::app {
namespace fs = std::filesystem;

namespace {

std::size_t vertex_count(const std::vector<model::GeoFeature>& features, std::size_t& polygons) {
    std::size_t n = 0;
    for (const auto& f : features) {
        for (const auto& p : f.polygons) {
            n += p.points.size();
            ++polygons;
        }
    }
    return n;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void describe(const WallAssets& wa, const fs::path& dir, RegionPackReport& r) {
    const model::Region& region = *wa.assets.region;
    const model::RegionGeometry& geo = *wa.assets.geometry;
    const auto& munis = region.municipalities;
    const auto& capital = munis[region.capital];
    const long long hours = region.utc_offset.count() / 3600;
    r.holds.push_back("region: " + region.code + " " + region.name_ru);
    r.holds.push_back("time zone: " + region.time_zone + ", UTC" + (hours >= 0 ? "+" : "") +
                      std::to_string(hours) + " (clock, \"today\", working days, freeze)");
    r.holds.push_back("capital: " + capital.name_ru + " (" + fixed(capital.centre.lat) + ", " +
                      fixed(capital.centre.lon) + ")");
    std::size_t towns = 0, with_population = 0, outside = 0;
    for (const auto& m : munis) {
        if (m.urban) ++towns;
        if (m.population) ++with_population;
        const bool in_box = m.centre.lat >= geo.min_lat && m.centre.lat <= geo.max_lat &&
                            m.centre.lon >= geo.min_lon && m.centre.lon <= geo.max_lon;
        if (!in_box) ++outside;
    }
    r.holds.push_back("places: " + std::to_string(munis.size()) + " (" + std::to_string(towns) +
                      " towns or city okrugs, " + std::to_string(munis.size() - towns) +
                      " districts or municipal okrugs)");
    std::size_t polygons = 0;
    const std::size_t vertices = vertex_count(geo.outline, polygons);
    r.holds.push_back("outline: " + std::to_string(polygons) + " polygon(s), " +
                      std::to_string(vertices) + " vertices, lat " + fixed(geo.min_lat) + ".." +
                      fixed(geo.max_lat) + ", lon " + fixed(geo.min_lon) + ".." +
                      fixed(geo.max_lon) + (geo.max_lon > 180.0 ? " (crosses 180°)" : ""));
    if (with_population > 0) {
        r.holds.push_back("municipal population totals: " + std::to_string(with_population) +
                          " of " + std::to_string(munis.size()));
    }
    if (with_population < munis.size()) {
        r.missing.push_back("population totals for " +
                            std::to_string(munis.size() - with_population) + " of " +
                            std::to_string(munis.size()) +
                            " places (population.csv): per-capita views show \"no data\" there");
    }
    if (towns == munis.size() && munis.size() > 1) {
        r.missing.push_back(
            "municipalities: the pack lists towns, not municipal okrugs; supply "
            "the region's own list (docs/operations.md)");
    }
    if (munis.size() == 1) {
        r.missing.push_back(
            "municipalities: only the city itself; supply its districts "
            "(docs/operations.md)");
    }
    if (geo.municipalities.empty()) {
        r.missing.push_back("municipal boundaries: none, the map shows points only");
    }
    if (outside > 0) {
        r.missing.push_back(std::to_string(outside) +
                            " place(s) lie outside the outline's bounding box");
    }
    if (!fs::exists(dir / "ATTRIBUTION.md")) {
        r.missing.push_back("ATTRIBUTION.md: sources and licences are not stated");
    }
}

}  // namespace

RegionPackReport check_region_pack(const fs::path& data_dir, const std::string& code) {
    RegionPackReport r;
    const fs::path dir = data_dir / "assets" / "regions" / code;
    if (!fs::is_directory(dir)) {
        r.missing.push_back(dir.string() + ": no such pack (run scripts/make_region_packs.py " +
                            "or add region.json, municipalities.csv, outline.geojson)");
        return r;
    }
    for (const char* required : {"region.json", "municipalities.csv", "outline.geojson"}) {
        if (!fs::exists(dir / required)) r.missing.push_back(std::string(required) + ": missing");
    }
    auto loaded = load_wall_assets(data_dir, code);
    if (!loaded) {
        r.missing.push_back(loaded.error());
        return r;
    }
    r.loads = true;
    for (const auto& w : loaded.value().warnings) r.missing.push_back(w);
    if (loaded.value().assets.region->code != code) {
        r.missing.push_back("region.json: code \"" + loaded.value().assets.region->code +
                            "\" differs from the folder name " + code);
    }
    describe(loaded.value(), dir, r);
    return r;
}

int run_check_region(const Options& options) {
    const std::string code = options.region.value_or("");
    const fs::path data_dir = find_data_dir(options.assets_dir);
    const auto r = check_region_pack(data_dir, code);
    std::printf("%s: %s\n", code.c_str(), r.loads ? "loads" : "does NOT load");
    for (const auto& line : r.holds) std::printf("  holds: %s\n", line.c_str());
    for (const auto& line : r.missing) std::printf("  missing: %s\n", line.c_str());
    return r.loads ? 0 : 2;
}

}  // namespace tsur::app
