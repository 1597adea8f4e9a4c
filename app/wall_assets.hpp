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
    /// The holiday files behind rules->calendar(), in the order applied.
    std::vector<std::string> calendar_sources;
    /// The centre's holiday files that were refused and skipped, one line each.
    std::vector<std::string> calendar_problems;
    /// Problems that did not stop loading (a bad population.csv: per-capita says "no data"),
    /// one line each for the log.
    std::vector<std::string> warnings;
};

/// A centre's own files beside its config, each replacing or extending what the pack ships.
struct CentreFiles {
    /// Holiday calendars (/etc/tsur-wall/calendars/*.json, see load_calendars()).
    std::optional<std::filesystem::path> calendar_dir;
    /// The centre's municipality list; replaces the pack's places.
    std::optional<std::filesystem::path> municipalities;
};

/// The data directory: --assets, else the source tree (developer build), else the install prefix.
std::filesystem::path find_data_dir(const std::optional<std::string>& assets_flag);

/// Loads assets/regions/<code>/ (region.json, municipalities.csv, outline.geojson and the optional
/// population.csv), the SLA rules and holiday calendar, and the DejaVu fonts, plus the centre's
/// own files (CentreFiles). Errors name the file.
model::Result<WallAssets> load_wall_assets(const std::filesystem::path& data_dir,
                                           const std::string& region_code,
                                           const CentreFiles& centre = {});

}  // namespace tsur::app
