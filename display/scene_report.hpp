// What one frame drew, as data: every text run and mark with its kind, string and screen shape,
// grouped by widget, so tests and people can check a picture without reading its pixels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "display/rect.hpp"

namespace tsur::display {

enum class SceneKind : std::uint8_t {
    text,    ///< any other text run (cells, captions, KPI values)
    title,   ///< a panel's title
    count,   ///< the number on a map disc
    label,   ///< a place name on the map
    disc,    ///< a map disc standing for several incidents
    dot,     ///< one incident on the map
    marker,  ///< a place marker (the capital's is larger)
    legend,  ///< a legend entry: its chip and its words
    credit,  ///< the map data attribution
    banner,  ///< the status overlay (stale, offline, frozen)
    extra,   ///< "+N": incidents the map counts but cannot place
};

/// Name of a kind as the JSON report writes it ("count", "disc", ...).
std::string_view scene_kind_name(SceneKind kind);

/// One drawn thing. Texts and plates have a box; marks a circle (centre x, y and radius r, with
/// `box` its bounding square). Items sharing `group` belong together (a count and its disc).
struct SceneItem {
    SceneKind kind = SceneKind::text;
    std::string text;
    Rect box;
    bool circle = false;
    float cx = 0, cy = 0, r = 0;
    std::uint32_t widget = 0;  ///< index into SceneReport::widgets
    std::uint32_t group = 0;
    std::uint64_t value = 0;  ///< incidents a count, dot or "+N" stands for
};

/// A widget's cell: `name` is its type as layouts write it ("map", "sla_board"), a part of one
/// gets a suffix ("map inset").
struct SceneWidget {
    std::string name;
    Rect rect;
};

/// The recorder a frame fills when its FrameContext carries one. Render thread only; one frame.
class SceneReport {
public:
    /// Adds a widget and returns its index for FrameContext::scene_widget.
    std::uint32_t add_widget(std::string name, const Rect& rect);
    /// A fresh group id for items that belong together.
    std::uint32_t next_group() { return ++groups_; }
    void add(SceneItem item) { items_.push_back(std::move(item)); }

    const std::vector<SceneWidget>& widgets() const { return widgets_; }
    const std::vector<SceneItem>& items() const { return items_; }

private:
    std::vector<SceneWidget> widgets_;
    std::vector<SceneItem> items_;
    std::uint32_t groups_ = 0;
};

}  // namespace tsur::display
