// What a user checks on a picture, computed from its scene report: nothing covers a count, texts
// neither cover each other nor leave their widget, every disc says its number, counts add up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "display/scene_report.hpp"

namespace tsur::test {

/// Two drawn shapes overlap: they share more than `kSceneTolerancePx` in depth (boxes that only
/// touch, as table rows do, do not). Boxes against boxes, circles against boxes or circles.
inline constexpr float kSceneTolerancePx = 1.0f;
bool shapes_overlap(const display::SceneItem& a, const display::SceneItem& b);

/// Every problem found, one line each, naming the widget, kinds, strings and positions.
struct SceneFindings {
    std::size_t items = 0;  ///< items looked at
    std::vector<std::string> problems;
};

/// (a) A count overlaps another count, a label or a mark (disc, dot, marker) of another group (its
/// own disc is in its group; a dot wholly under a disc is hidden, as dots are drawn first), or
/// lies under a part drawn over its widget (the capital inset).
/// (b) A text run overlaps a text run of another group in the same widget, or leaves its widget.
/// A disc without its count (a pie without a number) is a problem too.
SceneFindings check_scene(const display::SceneReport& scene);

/// Incidents the `index`-th widget named "map" shows as numbers: its counts, its dots (one each),
/// its "+N" and any disc without a number (which check_scene reports).
std::uint64_t map_incidents_drawn(const display::SceneReport& scene, std::size_t index);

/// Incidents the `index`-th widget named `widget` states: the sum of its items' values (a tile
/// view's counts; for a map, map_incidents_drawn).
std::uint64_t incidents_drawn(const display::SceneReport& scene, std::string_view widget,
                              std::size_t index);

}  // namespace tsur::test
