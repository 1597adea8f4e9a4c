// Fixture paths are fixed at configure time so tests run from any working directory.
#include "support/paths.hpp"

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

}  // namespace tsur::test
