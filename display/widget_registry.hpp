// The one explicit table of widgets: type name -> draw function.
#pragma once

#include <span>
#include <string_view>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// A widget is a pure function of (snapshot, options, frame context); snapshot may be null
/// before the first data arrives. It draws inside ctx.rect only.
using WidgetFn = void (*)(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                          const FrameContext& ctx);

struct WidgetEntry {
    std::string_view type;
    WidgetFn draw;
};

/// All widgets, in one table (widget_registry.cpp).
std::span<const WidgetEntry> widget_table();
WidgetFn find_widget(std::string_view type);

}  // namespace tsur::display
