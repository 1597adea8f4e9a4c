// Where tests find the repository's fixtures and assets.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tsur::test {

std::filesystem::path source_dir();
std::filesystem::path data_path(const std::string& relative);   ///< tests/data/<relative>
std::filesystem::path asset_path(const std::string& relative);  ///< assets/<relative>
std::string read_file(const std::filesystem::path& p);
/// Names of the shipped layouts (layouts/*.json without the extension), sorted: every test that
/// covers "every shipped layout" takes them from here, so a new layout is covered by adding it.
std::vector<std::string> shipped_layout_names();
/// ISO codes of the shipped region packs (the folders of assets/regions), sorted.
std::vector<std::string> shipped_region_codes();

}  // namespace tsur::test
