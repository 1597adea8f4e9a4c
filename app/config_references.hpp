// What a config names outside itself (region pack, layout, token files), checked the way the wall
// will use it, so `check-config` cannot call OK a config the wall would run half-broken.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/app_config.hpp"

namespace tsur::app {

/// One problem with a referenced file: the config key it came from and what is wrong.
struct ConfigReferenceProblem {
    std::string key;      ///< "layout", "region", "feed.token_file", ...
    std::string message;  ///< names the file and what was expected
};

/// Checks that the region pack loads, the named layout exists and parses, and each token file
/// exists, is a regular file and is readable by its owner only. Reads files; any thread.
std::vector<ConfigReferenceProblem> check_config_references(const config::AppConfig& config,
                                                            const std::filesystem::path& data_dir);

/// The token-file rule shared by check-config and the wall: a regular file with no group or
/// other permission bits. Empty when fine, else what is wrong. Reads file metadata; any thread.
std::string token_file_problem(const std::filesystem::path& path);

}  // namespace tsur::app
