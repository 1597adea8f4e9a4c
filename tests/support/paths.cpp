// Fixture paths are fixed at configure time so tests run from any working directory.
#include "support/paths.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tsur::test {

std::filesystem::path source_dir() { return TSUR_SOURCE_DIR; }
std::filesystem::path data_path(const std::string& relative) {
    return source_dir() / "tests" / "data" / relative;
}
std::filesystem::path asset_path(const std::string& relative) {
    return source_dir() / "assets" / relative;
}
std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
std::vector<std::string> shipped_layout_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "layouts")) {
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}
std::vector<std::string> shipped_region_codes() {
    std::vector<std::string> codes;
    for (const auto& entry : std::filesystem::directory_iterator(asset_path("regions"))) {
        if (entry.is_directory()) codes.push_back(entry.path().filename().string());
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

}  // namespace tsur::test
