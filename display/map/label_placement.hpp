// Greedy placement of map labels: most important first, each at the first free spot around its
// marker; labels that find no room are dropped, so the smaller places give way.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "display/rect.hpp"
#include "model/region.hpp"

namespace tsur::display {

/// Where a label sits relative to its marker.
enum class LabelSide : std::uint8_t {
    right,
    left,
    above,
    below,
    above_right,
    below_right,
    above_left,
    below_left
};

struct LabelRequest {
    ImVec2 anchor;            ///< the marker's centre
    ImVec2 size;              ///< the text box
    float marker_radius = 0;  ///< keeps the text clear of the marker
    bool required = false;    ///< placed even when every spot collides (the capital)
};

struct PlacedLabel {
    std::size_t request = 0;  ///< index into the requests
    Rect rect;                ///< where the text box goes
    LabelSide side = LabelSide::right;
};

/// Places `requests` in the given order (most important first) inside `bounds`, never over a
/// `reserved` rectangle (legend, inset), another placed label or another request's marker. A
/// required label that fits nowhere takes its first in-bounds spot clear of reserved rectangles
/// (or, failing that, its right-hand spot clamped into bounds). `avoid` holds the bounding
/// squares of count discs: no label covers one (its inscribed circle); spots around the disc
/// next to the anchor are tried, and a label, even a required one, that finds none is dropped.
/// Pure; any thread.
std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests,
                                      std::span<const Rect> reserved, const Rect& bounds,
                                      std::span<const Rect> avoid = {});

/// Municipalities that get a marker and label, most important first: the capital, the other
/// urban okrugs, then the rest, each group by centre population (then by name, for a stable
/// order). A district administered from a city of its own region (same centre, like Глазовский
/// район and Глазов) gets no marker of its own: its name would sit on the city's.
std::vector<model::MunicipalityIndex> label_order(const model::Region& region);

/// "Алнашский район" -> "Алнашский р-н": map labels use the short form of the trailing
/// district word (Strings::district_word / district_abbrev, so English works the same way).
std::string short_label(std::string_view name, std::string_view word, std::string_view abbrev);

}  // namespace tsur::display
