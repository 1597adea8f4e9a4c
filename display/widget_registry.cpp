// The explicit widget table: adding a widget is one include and one row here.
#include "display/widget_registry.hpp"

#include <array>

#include "display/header_widget.hpp"
#include "display/heatmap_widget.hpp"
#include "display/kpi_strip_widget.hpp"
#include "display/map/map_widget.hpp"
#include "display/rising_widget.hpp"
#include "display/risk_calendar_widget.hpp"
#include "display/sla_board_widget.hpp"
#include "display/sla_summary_widget.hpp"
#include "display/tiles_widget.hpp"
#include "display/ticker_widget.hpp"
#include "display/trends_widget.hpp"

namespace tsur::display {
namespace {

constexpr std::array kWidgets = {
    WidgetEntry{"header", draw_header},
    WidgetEntry{"sla_board", draw_sla_board},
    WidgetEntry{"heatmap", draw_heatmap},
    WidgetEntry{"kpi_strip", draw_kpi_strip},
    WidgetEntry{"sla_summary", draw_sla_summary},
    WidgetEntry{"rising", draw_rising},
    WidgetEntry{"trends", draw_trends},
    WidgetEntry{"risk_calendar", draw_risk_calendar},
    WidgetEntry{"ticker", draw_ticker},
    WidgetEntry{"map", draw_map},
    WidgetEntry{"tiles", draw_tiles, tiles_room_problem},
};

}  // namespace

std::span<const WidgetEntry> widget_table() { return kWidgets; }

WidgetFn find_widget(std::string_view type) {
    for (const auto& w : kWidgets) {
        if (w.type == type) return w.draw;
    }
    return nullptr;
}

RoomFn find_room_check(std::string_view type) {
    for (const auto& w : kWidgets) {
        if (w.type == type) return w.room;
    }
    return nullptr;
}

}  // namespace tsur::display
