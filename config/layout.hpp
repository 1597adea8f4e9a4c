// What a layout file describes: screens on a grid, widgets with options, and a playlist.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/time.hpp"

namespace tsur::config {

/// Which incidents a widget counts ("open", "today", "7d", or "overdue" at the frame's instant).
enum class Window : std::uint8_t { open, today, week, overdue };
enum class GroupBy : std::uint8_t { none, agency, municipality };
enum class RowOrder : std::uint8_t { by_total, by_name };
/// SLA board: "urgent" (default) lists what can still be saved first (at risk, soonest deadline
/// first), then the newest breaches; "oldest_first" lists the longest overdue first, then at risk.
enum class BoardOrder : std::uint8_t { urgent, oldest_first };

/// One widget instance and its options; unknown fields are rejected by the parser.
struct WidgetSpec {
    std::string type;   ///< name in the widget registry: "map", "sla_board", "heatmap", ...
    std::string title;  ///< empty: the widget's default title
    std::vector<model::Sector> sectors;    ///< empty = all
    std::vector<model::Channel> channels;  ///< empty = all
    std::vector<model::Status> statuses;   ///< empty = all
    bool public_mode = false;              ///< lobby: no titles or personal data
    Window window = Window::open;
    GroupBy group_by = GroupBy::none;
    RowOrder row_order = RowOrder::by_total;
    BoardOrder board_order = BoardOrder::urgent;  ///< board: key "order"
    bool per_capita = false;
    bool inset = true;      ///< map: magnified capital inset
    int page_seconds = 12;  ///< board: seconds per page
    int max_rows = 0;       ///< 0 = as many as fit

    /// True when this widget shows sector `s` (no sector filter shows every sector). The one
    /// rule every widget applies to `sectors`.
    bool shows_sector(model::Sector s) const {
        return sectors.empty() || std::find(sectors.begin(), sectors.end(), s) != sectors.end();
    }
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
    std::size_t screen_index = 0;  ///< index into Layout::screens, resolved by the parser
};

/// Width of a panel's frame on each side, in millimetres or (when `in_px`) in panel pixels.
struct Bezel {
    float left = 0, top = 0, right = 0, bottom = 0;
    bool in_px = false;
};

/// The physical wall: a grid of identical panels, their visible size and the viewing distance.
/// Millimetre sizes of 0 mean "unknown" (the built-in layout on an unknown monitor).
struct Wall {
    int columns = 1, rows = 1;  ///< panels across and down
    int panel_width_px = 1920, panel_height_px = 1080;
    float panel_width_mm = 0, panel_height_mm = 0;  ///< visible (active) area of one panel
    Bezel bezel;
    float viewing_distance_m = 3.0f;
};

/// One span of a week during which the screen is on, in seconds since Monday 00:00 local time.
/// `end_s` may exceed a week (604800) for a span that wraps into the next Monday.
struct OnInterval {
    std::int64_t start_s = 0, end_s = 0;
};

/// Opening hours of an unattended screen in the region's local time; outside them it is black.
struct Schedule {
    std::vector<OnInterval> on;
};

/// Burn-in protection: the picture walks over a (2 * amplitude_px + 1)^2 pixel pattern, one
/// pixel every `step`. amplitude_px == 0 turns it off.
struct BurnIn {
    int amplitude_px = 0;
    model::Seconds step{180};
};

struct Layout {
    std::string name;
    Wall wall;
    std::vector<Screen> screens;
    std::vector<PlaylistEntry> playlist;  ///< empty: show screens[0]
    std::optional<Schedule> schedule;     ///< none: always on
    BurnIn burn_in;
};

}  // namespace tsur::config
