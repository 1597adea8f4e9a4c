// `tsur-wall check-region ISO`: what a region pack holds and what it lacks, before a centre
// switches to it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/command_line.hpp"

namespace tsur::app {

/// The findings for one pack; plain value.
struct RegionPackReport {
    bool loads = false;                ///< the wall would start with this pack
    std::vector<std::string> holds;    ///< one line per fact found ("capital: Хабаровск")
    std::vector<std::string> missing;  ///< one line per gap ("population.csv: none ...")
};

/// Inspects data_dir/assets/regions/<code>/ with the loaders the wall itself uses. Any thread.
RegionPackReport check_region_pack(const std::filesystem::path& data_dir, const std::string& code);

/// Prints the report; exit status 0 when the pack loads, 2 when it does not.
int run_check_region(const Options& options);

}  // namespace tsur::app
