// `tsur-wall check-config FILE` and the config loading the wall itself uses at start.
#pragma once

#include <filesystem>

#include "app/command_line.hpp"
#include "config/app_config.hpp"
#include "model/result.hpp"

namespace tsur::app {

/// Reads and validates a config file; errors name the file, the JSON path and what was expected.
model::Result<config::AppConfig> load_app_config(const std::filesystem::path& path);

/// Prints "FILE: OK" and a summary, or every problem; exit status 0 or 2.
int run_check_config(const Options& options);

}  // namespace tsur::app
