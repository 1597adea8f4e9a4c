// Where tests find the repository's fixtures and assets.
#pragma once

#include <filesystem>
#include <string>

namespace tsur::test {

std::filesystem::path source_dir();
std::filesystem::path data_path(const std::string& relative);   ///< tests/data/<relative>
std::filesystem::path asset_path(const std::string& relative);  ///< assets/<relative>
std::string read_file(const std::filesystem::path& p);

}  // namespace tsur::test
