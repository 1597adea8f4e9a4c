// Fuzzes the layout parser (JSON with comments, every problem collected): any bytes must give a
// layout or a list of problems, never a crash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "config/layout_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The widget names of display::widget_table(); config/ takes them as data, so no display link.
    static constexpr std::array<std::string_view, 10> kWidgetTypes = {
        "header",        "heatmap",   "kpi_strip",   "map",    "rising",
        "risk_calendar", "sla_board", "sla_summary", "ticker", "trends"};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)tsur::config::parse_layout(text, "fuzz.json",
                                     std::span<const std::string_view>(kWidgetTypes));
    return 0;
}
