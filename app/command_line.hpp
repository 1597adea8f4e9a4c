// The command line: which command to run and its options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/viewport.hpp"
#include "model/result.hpp"

namespace tsur::app {

enum class Command {
    wall,
    screenshot,
    demo_feed,
    check_layout,
    check_config,
    check_region,
    ctl,
    version,
    help
};

struct Options {
    Command command = Command::wall;
    bool demo = false;
    std::optional<std::string> config_path;
    std::optional<std::string> layout_path;
    std::optional<std::string> feed;  ///< URL or file path
    std::optional<std::string> assets_dir;
    /// --region ISO: the region pack to show, over the config file's "region" (default RU-UD).
    std::optional<std::string> region;
    std::optional<std::pair<int, int>> windowed;   ///< --windowed WxH
    std::optional<config::ViewportSpec> viewport;  ///< --viewport X,Y,W,H | panels:COL,ROW,...
    // screenshot
    std::string output;
    int width = 3840;
    int height = 2160;
    std::optional<std::string> at;  ///< RFC 3339 instant
    std::optional<std::string> screen;
    std::optional<std::string> scene;  ///< --scene OUT.json: the scene report of the screenshot
    // demo feed
    std::string bind = "127.0.0.1";
    int port = 8311;
    std::uint64_t seed = 18;
    double demo_scale = 1.0;
    std::vector<std::string> positional;
};

/// The region a command serves: --region, else the config's, else the default (RU-UD).
std::string region_of(const Options& options, const std::string& config_region);

model::Result<Options> parse_command_line(int argc, const char* const* argv);
const char* usage();

}  // namespace tsur::app
