// The map's incident layer: dots, or counted hexagon bins where dots would hide each other;
// planned once per area and points, drawn every frame.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "display/frame_context.hpp"
#include "display/map/map_style.hpp"
#include "display/map/point_binning.hpp"
#include "display/rect.hpp"

namespace tsur::display {

/// Bins with fewer points than this stay dots even when the map aggregates: in sparse areas a
/// handful of dots says more (sector, overdue) than a small counted circle.
inline constexpr std::uint32_t kMinBinCount = 6;

/// How the incident layer of one map area is drawn, independent of the instant: dots, or counted
/// hexagon bins (then the bins, with overdue counts left at zero, the bin of each point and the
/// style with the hexagon size that fits the largest count). Value type; any thread.
struct IncidentLayer {
    bool binned = false;
    MapStyle style;
    std::vector<HexBin> bins;
    std::vector<std::uint32_t> point_bins;  ///< per point of the planned span, or kNoBin
};

/// Plans the points inside `area`: bins when more than kAggregateAboveHiddenShare of the dots
/// would hide each other (sparse bins stay dots). Only positions, sectors and kPointCritical are
/// read, so the plan holds for the same points at any instant. Counted discs keep off `cover`
/// (the capital inset drawn over the map).
IncidentLayer plan_incident_layer(const FrameContext& ctx, std::span<const MapPoint> points,
                                  const Rect& area, const MapStyle& style,
                                  const std::optional<Rect>& cover = std::nullopt);

/// Draws `points` (the planned points, in the same order, flags at this instant) as `layer`
/// says. Appends the boxes of drawn bins to `bin_boxes` (labels avoid them); returns true when
/// binned.
bool draw_incident_layer(const FrameContext& ctx, std::span<const MapPoint> points,
                         const IncidentLayer& layer, const Rect& area,
                         std::vector<Rect>* bin_boxes = nullptr);

/// plan_incident_layer() then draw_incident_layer().
bool draw_incidents(const FrameContext& ctx, std::span<const MapPoint> points, const Rect& area,
                    const MapStyle& style, std::vector<Rect>* bin_boxes = nullptr);

}  // namespace tsur::display
