// The map's drawing layers over ImDrawList: land mesh and borders, incident dots, counted bins.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "display/frame_context.hpp"
#include "display/map/point_binning.hpp"
#include "display/map/projection.hpp"
#include "model/geometry.hpp"

namespace tsur::display {

/// Marker sizes, all proportional to the small text size so the map reads the same at any
/// output resolution.
struct MapStyle {
    float dot_r = 0;       ///< plain incident dot
    float critical_r = 0;  ///< critical incident dot
    float ring_r = 0;      ///< overdue ring
    float ring_w = 0;
    float hex_r = 0;     ///< hexagon bin circumradius
    float marker_r = 0;  ///< municipality centre
    float capital_r = 0;
    float border_w = 0;  ///< region outline
    bool operator==(const MapStyle&) const = default;
};
MapStyle map_style(const FrameContext& ctx);

/// Slow pulse for overdue rings: 0..1, a cosine with a 4 s period of ctx.anim_seconds.
float overdue_pulse(double anim_seconds);

/// Fills the triangulated region and strokes its outline (and municipal borders when the
/// geometry has them).
void draw_land(const FrameContext& ctx, const model::RegionGeometry& geometry,
               const Projection& projection, const MapStyle& style);

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
