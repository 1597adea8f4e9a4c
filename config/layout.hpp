// What a layout file describes: screens on a grid, widgets with options, and a playlist.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/time.hpp"

namespace tsur::config {

/// Which incidents a widget counts ("today", "7d", "open").
enum class Window : std::uint8_t { open, today, week };
enum class GroupBy : std::uint8_t { none, agency, municipality };
enum class RowOrder : std::uint8_t { by_total, by_name };

/// One widget instance and its options; unknown fields are rejected by the parser.
struct WidgetSpec {
    std::string type;   ///< name in the widget registry: "map", "sla_board", "heatmap", ...
    std::string title;  ///< empty: the widget's default title
    std::vector<model::Sector> sectors;    ///< empty = all
    std::vector<model::Channel> channels;  ///< empty = all
    std::vector<model::Status> statuses;   ///< empty = all
    bool public_mode = false;  ///< lobby: no titles or personal data
    Window window = Window::open;
    GroupBy group_by = GroupBy::none;
    RowOrder row_order = RowOrder::by_total;
    bool per_capita = false;
    bool inset = true;        ///< map: magnified capital inset
    int page_seconds = 12;    ///< board: seconds per page
    int max_rows = 0;         ///< 0 = as many as fit
};

struct Cell {
    int col = 0, row = 0, col_span = 1, row_span = 1;
    WidgetSpec widget;
};

struct Screen {
    std::string id;
    std::vector<float> columns{1.0f};  ///< relative widths
    std::vector<float> rows{1.0f};     ///< relative heights
    float gap_mm = 8.0f;               ///< gap between cells, in millimetres on the wall
    std::vector<Cell> cells;
};

struct PlaylistEntry {
    std::string screen;
    model::Seconds duration{60};
};

struct Layout {
    std::string name;
    std::vector<Screen> screens;
    std::vector<PlaylistEntry> playlist;  ///< empty: show screens[0]
};

}  // namespace tsur::config
