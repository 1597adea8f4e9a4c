// Plain (not condensed) DejaVu: fonts-dejavu-core always has it, so render tests run anywhere.
#include "support/test_fonts.hpp"

#include "support/paths.hpp"

namespace tsur::test {

display::FontFiles dejavu_fonts() {
    auto bytes = [](const char* name) {
        const std::string s = read_file(std::filesystem::path(TSUR_FONT_DIR) / name);
        return std::vector<std::uint8_t>(s.begin(), s.end());
    };
    return display::FontFiles{bytes("DejaVuSans.ttf"), bytes("DejaVuSans-Bold.ttf")};
}

}  // namespace tsur::test
