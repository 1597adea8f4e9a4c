// Which incidents a map instance shows (its sector/channel/status filters) and where they land
// on screen; projecting is done once per snapshot, the overdue flags once per frame.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "config/layout.hpp"
#include "display/map/point_binning.hpp"
#include "display/map/projection.hpp"
#include "model/incident.hpp"
#include "model/time.hpp"

namespace tsur::display {

/// Whether `incident` passes the widget's filters; an empty status filter means open incidents
/// only (new, in progress): a map of closed cases would bury what needs action.
bool map_shows(const model::Incident& incident, const config::WidgetSpec& spec);

/// The shown incidents projected, independent of the instant: points in drawing order with
/// kPointCritical set, and per point the overdue span of model::sla_timeline() in Unix seconds,
/// [overdue_from, overdue_until). Drawing order: plain points, then critical ones;
/// within each, latest deadline first, so that at any instant the overdue points of a group
/// come after (on top of) its on-time ones.
struct MapPointSet {
    std::vector<MapPoint> points;
    std::vector<std::int64_t> overdue_from;
    std::vector<std::int64_t> overdue_until;
    std::size_t without_location = 0;  ///< passed the filters but have no coordinates
    /// Of those, the incidents of the region as a whole (model::kRegionWide): the map's badge
    /// counts them, so points plus badge add up to what the map shows.
    std::size_t region_wide_unplaced = 0;
};

/// Filters and projects every incident once. Pure; any thread.
MapPointSet project_points(std::span<const model::Incident> incidents,
                           const config::WidgetSpec& spec, const Projection& projection);

/// The points of `set` with kPointOverdue set as model::classify() would at `now`; same order.
std::vector<MapPoint> points_at(const MapPointSet& set, model::TimePoint now);

struct CollectedPoints {
    std::vector<MapPoint> points;
    std::size_t without_location = 0;  ///< passed the filters but have no coordinates
};

/// project_points() then points_at(): the points a frame at `now` draws. Pure; any thread.
CollectedPoints collect_points(std::span<const model::Incident> incidents,
                               const config::WidgetSpec& spec, const Projection& projection,
                               model::TimePoint now);

}  // namespace tsur::display
