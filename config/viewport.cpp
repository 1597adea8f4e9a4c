// Viewport text is parsed once here for both of its sources; the caller prefixes the source
// (flag or config field), so every error says where the text was written.
#include "config/viewport.hpp"

#include <charconv>
#include <vector>

namespace tsur::config {
namespace {

bool parse_ints(std::string_view s, std::vector<int>& out) {
    while (true) {
        const auto comma = s.find(',');
        const std::string_view part = s.substr(0, comma);
        int v = 0;
        const auto r = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || r.ec != std::errc{} || r.ptr != part.data() + part.size()) return false;
        out.push_back(v);
        if (comma == std::string_view::npos) return true;
        s = s.substr(comma + 1);
    }
}

}  // namespace

model::Result<ViewportSpec> parse_viewport(std::string_view text) {
    const std::string given = "\"" + std::string(text) + "\"";
    constexpr std::string_view kPanels = "panels:";
    std::vector<int> v;
    if (text.substr(0, kPanels.size()) == kPanels) {
        if (!parse_ints(text.substr(kPanels.size()), v) || (v.size() != 2 && v.size() != 4)) {
            return model::Error{"expected panels:COL,ROW[,COLS,ROWS], got " + given};
        }
        return ViewportSpec{ViewportSpec::Unit::panels, v[0], v[1], v.size() == 4 ? v[2] : 1,
                            v.size() == 4 ? v[3] : 1};
    }
    // Bounds a wall can sensibly use: a value outside them is usually a typo.
    if (!parse_ints(text, v) || v.size() != 4 || v[0] < 0 || v[1] < 0 || v[2] < 64 || v[3] < 64 ||
        v[0] > 65536 || v[1] > 65536 || v[2] > 65536 || v[3] > 65536) {
        return model::Error{
            "expected X,Y,W,H in canvas pixels (W and H from 64 to 65536) or "
            "panels:COL,ROW[,COLS,ROWS], got " +
            given};
    }
    return ViewportSpec{ViewportSpec::Unit::canvas_px, v[0], v[1], v[2], v[3]};
}

std::string viewport_text(const ViewportSpec& spec) {
    std::string out = spec.unit == ViewportSpec::Unit::panels ? "panels:" : "";
    out += std::to_string(spec.x) + "," + std::to_string(spec.y) + "," +
           std::to_string(spec.width) + "," + std::to_string(spec.height);
    return out;
}

}  // namespace tsur::config
