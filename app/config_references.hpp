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
/// passes net::secret_file_problem() (the one token-file rule). Reads files; any thread.
std::vector<ConfigReferenceProblem> check_config_references(const config::AppConfig& config,
                                                            const std::filesystem::path& data_dir);

}  // namespace tsur::app
