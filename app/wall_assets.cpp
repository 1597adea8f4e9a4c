// Startup-time loading; anything wrong here is fatal with a message naming the file, because a
// wall without its region or fonts cannot show anything truthful.
#include "app/wall_assets.hpp"

#include "app/calendar_files.hpp"
#include "app/file_io.hpp"
#include "model/geojson_loader.hpp"
#include "model/population_loader.hpp"
#include "model/region_loader.hpp"
#include "model/sla_rules_loader.hpp"

namespace tsur::app {
namespace fs = std::filesystem;

namespace {

model::Result<std::vector<std::uint8_t>> read_bytes(const fs::path& p) {
    auto text = read_text_file(p, 64u << 20);
    if (!text) return model::Error{text.error()};
    return std::vector<std::uint8_t>(text.value().begin(), text.value().end());
}

model::Result<display::FontFiles> load_fonts() {
    const fs::path dir = TSUR_FONT_DIR;
    // Condensed faces (fonts-dejavu-extra) fit more text per column; plain DejaVu Sans is the
    // fallback that fonts-dejavu-core always has.
    for (const auto& [regular, bold] :
         {std::pair{"DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"},
          std::pair{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}}) {
        if (!fs::exists(dir / regular) || !fs::exists(dir / bold)) continue;
        auto r = read_bytes(dir / regular);
        auto b = read_bytes(dir / bold);
        if (r && b) return display::FontFiles{r.take(), b.take()};
    }
    return model::Error{(dir / "DejaVuSans.ttf").string() +
                        ": font not found (install fonts-dejavu-core)"};
}

}  // namespace

fs::path find_data_dir(const std::optional<std::string>& assets_flag) {
    if (assets_flag) return fs::path(*assets_flag);
#ifdef TSUR_DEV_DATA_DIR
    // Only a development build looks in its source tree; a packaged one (TSUR_DEV_ASSETS=OFF) is
    // compiled without the path, so a leftover checkout on the wall PC can never win.
    if (fs::exists(fs::path(TSUR_DEV_DATA_DIR) / "assets" / "regions")) return TSUR_DEV_DATA_DIR;
#endif
    return TSUR_DATA_DIR;
}

model::Result<WallAssets> load_wall_assets(const fs::path& data_dir, const std::string& region_code,
                                           const CentreFiles& centre) {
    const auto& calendar_dir = centre.calendar_dir;
    const auto& municipalities = centre.municipalities;
    WallAssets out;
    out.data_dir = data_dir;
    const fs::path region_dir = data_dir / "assets" / "regions" / region_code;

    auto region_json = read_text_file(region_dir / "region.json");
    if (!region_json) return model::Error{region_json.error()};
    auto csv = read_text_file(region_dir / "municipalities.csv");
    if (!csv) return model::Error{csv.error()};
    auto region =
        model::parse_region(region_json.value(), csv.value(), (region_dir / "region.json").string(),
                            (region_dir / "municipalities.csv").string());
    if (!region) return model::Error{region.error()};
    if (municipalities) {
        auto own_csv = read_text_file(*municipalities);
        if (!own_csv) return model::Error{own_csv.error()};
        auto own = model::parse_region_csv(own_csv.value(), municipalities->string());
        if (!own) return model::Error{own.error()};
        region = model::with_municipalities(region.value(), own.take());
    }
    // Population totals are optional: without them the wall still works and the per-capita
    // heatmap says which figures are missing, so a bad table is a warning, not a dead wall.
    const fs::path population_path = region_dir / "population.csv";
    if (fs::exists(population_path)) {
        auto text = read_text_file(population_path);
        auto report = text ? model::apply_population_csv(text.value(), population_path.string(),
                                                         region.value())
                           : model::Result<model::PopulationReport>{model::Error{text.error()}};
        if (!report) {
            out.warnings.push_back(report.error() + " (per-capita figures disabled)");
        } else if (!report.value().unknown_ids.empty()) {
            out.warnings.push_back(population_path.string() + ": skipped unknown ids, first \"" +
                                   report.value().unknown_ids.front() + "\"");
        }
    }
    const fs::path outline_path = region_dir / "outline.geojson";
    auto outline = read_text_file(outline_path);
    if (!outline) return model::Error{outline.error()};
    auto geometry = model::parse_region_geometry(outline.value(), outline_path.string());
    if (!geometry) return model::Error{geometry.error()};
    model::align_to_geometry(region.value(), geometry.value());
    out.assets.region = std::make_shared<const model::Region>(region.take());
    out.assets.geometry = std::make_shared<const model::RegionGeometry>(geometry.take());

    auto calendars = load_calendars(data_dir, calendar_dir, out.assets.region->utc_offset);
    if (!calendars) return model::Error{calendars.error()};
    out.calendar_problems = std::move(calendars.value().problems);
    out.calendar_sources = std::move(calendars.value().sources);
    const fs::path rules_path = data_dir / "assets" / "sla" / "default-rules.json";
    auto rules_text = read_text_file(rules_path);
    if (!rules_text) return model::Error{rules_text.error()};
    auto rules = model::parse_sla_rules(rules_text.value(), rules_path.string(),
                                        std::move(calendars.value().calendar));
    if (!rules) return model::Error{rules.error()};
    out.rules = std::make_shared<const model::SlaRules>(rules.take());

    auto fonts = load_fonts();
    if (!fonts) return model::Error{fonts.error()};
    out.fonts = fonts.take();
    return out;
}

}  // namespace tsur::app
