// The public map (lobby screens): counts per municipality only, never an incident's position,
// and no count small enough to point at a household.
#pragma once

#include <cstdint>
#include <vector>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "display/map/incident_layer.hpp"
#include "display/map/projection.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Smallest count a public widget shows. Five is the usual small-cell threshold of statistical
/// disclosure control (counts of 1-4 in a small area can identify a household); the map draws
/// nothing for such a municipality and the heatmap writes "<5".
inline constexpr std::uint32_t kPublicMinCount = 5;

/// Open incidents per municipality (region order) that pass the widget's sector filter; counts
/// below kPublicMinCount are 0. Pure; any thread.
std::vector<std::uint32_t> public_counts(const model::Snapshot& snap,
                                         const config::WidgetSpec& spec);

/// Open incidents of the region as a whole (model::kRegionWide) that pass the sector filter, for
/// the map's badge; 0 below kPublicMinCount, as for a municipality. Pure; any thread.
std::uint32_t public_region_wide_count(const model::Snapshot& snap, const config::WidgetSpec& spec);

/// One disc per municipality with a shown count, at its centre, sized by the count, with the
/// number inside. Appends the discs' boxes to `boxes` (labels keep clear of them).
void draw_public_counts(const FrameContext& ctx, const model::Snapshot& snap,
                        const config::WidgetSpec& spec, const Projection& projection,
                        const Rect& area, const MapStyle& style, std::vector<Rect>* boxes);

}  // namespace tsur::display
