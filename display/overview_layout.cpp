// The overview is data, the same type a layout file parses into, so one code path draws both.
#include "display/overview_layout.hpp"

namespace tsur::display {
namespace {

config::Cell cell(int col, int row, int col_span, int row_span, const char* type) {
    config::Cell c;
    c.col = col;
    c.row = row;
    c.col_span = col_span;
    c.row_span = row_span;
    c.widget.type = type;
    return c;
}

}  // namespace

config::Layout overview_layout() {
    config::Screen s;
    s.id = "overview";
    s.columns = {0.40f, 0.33f, 0.27f};
    s.rows = {0.07f, 0.15f, 0.78f};
    s.cells = {cell(0, 0, 3, 1, "header"), cell(0, 1, 3, 1, "kpi_strip"), cell(0, 2, 1, 1, "map"),
               cell(1, 2, 1, 1, "sla_board"), cell(2, 2, 1, 1, "heatmap")};
    config::Layout layout;
    layout.name = "overview";
    layout.screens.push_back(std::move(s));
    // The overview runs around the clock like any wall: one pixel every 3 minutes over 5x5.
    layout.burn_in.amplitude_px = 2;
    layout.burn_in.step = model::Seconds{180};
    return layout;
}

}  // namespace tsur::display
