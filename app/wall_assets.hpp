// Loads everything static the wall needs from the data directory: region, geometry, fonts, rules.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "display/fonts.hpp"
#include "display/frame_context.hpp"
#include "model/result.hpp"
#include "model/sla_rules.hpp"

namespace tsur::app {

struct WallAssets {
    std::filesystem::path data_dir;
    display::Assets assets;
    display::FontFiles fonts;
    std::shared_ptr<const model::SlaRules> rules;
    /// Problems that did not stop loading (a bad population.csv: per-capita says "no data"),
    /// one line each for the log.
    std::vector<std::string> warnings;
};

/// The data directory: --assets, else the source tree (developer build), else the install prefix.
std::filesystem::path find_data_dir(const std::optional<std::string>& assets_flag);

/// Loads assets/regions/<code>/ (region.json, municipalities.csv, outline.geojson and the optional
/// population.csv), the SLA rules and holiday calendar, and the DejaVu fonts. Errors name the file.
/// `municipalities`, when given, is the centre's own list and replaces the pack's places.
model::Result<WallAssets> load_wall_assets(
    const std::filesystem::path& data_dir, const std::string& region_code,
    const std::optional<std::filesystem::path>& municipalities = std::nullopt);

}  // namespace tsur::app
