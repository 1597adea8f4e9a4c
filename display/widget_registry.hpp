// The one explicit table of widgets: type name -> draw function.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// A widget is a pure function of (snapshot, options, frame context); snapshot may be null
/// before the first data arrives. It draws inside ctx.rect only.
using WidgetFn = void (*)(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                          const FrameContext& ctx);

/// Why a widget cannot be drawn legibly in a cell `cell` px big with text sizes `scale`, for
/// check-layout; nullopt when it can. Widgets whose only need is one line of text leave it null.
using RoomFn = std::optional<std::string> (*)(const Rect& cell, const TypeScale& scale);

struct WidgetEntry {
    std::string_view type;
    WidgetFn draw;
    RoomFn room = nullptr;
};

/// All widgets, in one table (widget_registry.cpp).
std::span<const WidgetEntry> widget_table();
WidgetFn find_widget(std::string_view type);
/// The widget's own room check (null when it has none or the type is unknown).
RoomFn find_room_check(std::string_view type);

}  // namespace tsur::display
