// What the map draws over the land and incidents: municipality markers and names, the sector
// legend, the magnified capital inset with its leader, and the data attribution.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "display/map/incident_layer.hpp"
#include "display/map/projection.hpp"

namespace tsur::display {

/// How much the capital inset magnifies the main map at least (Udmurtia: about 20 km across).
inline constexpr float kInsetZoom = 4.0f;
/// The most ground an inset should show across; a huge region's inset zooms further.
inline constexpr double kInsetGroundKm = 40.0;

/// The capital inset's magnification: kInsetZoom, or more in whole steps for a region so large
/// (Sakha, Krasnoyarsk) that kInsetZoom would still show more than kInsetGroundKm across.
float inset_zoom(const Projection& main, const Rect& frame);

/// Size of the legend (the sectors the widget shows, then the overdue ring) with its entries
/// flowed into rows no wider than `max_width`; a narrow width gives one column.
ImVec2 legend_size(const FrameContext& ctx, const config::WidgetSpec& spec, float max_width);
/// Draws the legend into `box`, flowed as legend_size measured it for `max_width`.
void draw_legend(const FrameContext& ctx, const config::WidgetSpec& spec, const Rect& box,
                 float max_width, const MapStyle& style);

/// Municipality centre markers and names placed without overlaps; `reserved` stays free and
/// `avoid` (counted bins) is kept clear where possible.
void draw_municipality_labels(const FrameContext& ctx, const model::Region& region,
                              const Projection& projection, const Rect& bounds,
                              std::span<const Rect> reserved, std::span<const Rect> avoid,
                              const MapStyle& style);

/// The capital's name in the wall's language (the inset's title). `region.capital` must be valid.
std::string_view capital_name(const model::Region& region, const Strings& strings);

/// The capital magnified inset_zoom() times inside `frame`: the area it shows is outlined on the
/// main map and joined to the frame by a leader line; `points` are main-map positions and
/// `main_counts` the boxes of the main map's count discs (the outline never crosses one). `plan`,
/// when given, keeps the plan of the inset's incident layer between frames of the same points
/// (empty: planned here and stored there).
void draw_capital_inset(const FrameContext& ctx, const model::RegionGeometry& geometry,
                        const model::Region& region, const Projection& main,
                        std::span<const MapPoint> points, std::span<const Rect> main_counts,
                        const Rect& frame, const MapStyle& style,
                        std::optional<IncidentLayer>* plan = nullptr);

/// "вне МО: 3" right-aligned in the title row above `content` (the panel's, see draw_panel):
/// the incidents of the region as a whole the map cannot place. A fixed place off the map, so
/// it never covers a count or a name. Draws nothing for 0; returns the box drawn (or empty).
Rect draw_region_wide_badge(const FrameContext& ctx, const Rect& content, std::size_t count);

/// "© Natural Earth, GeoNames" in the bottom-right corner of `content`, or just above `legend`
/// where the legend reaches that corner; returns its box (it never overlaps the legend).
Rect attribution_box(const FrameContext& ctx, const Rect& content, const Rect& legend = {});
void draw_attribution(const FrameContext& ctx, const Rect& box);

}  // namespace tsur::display
