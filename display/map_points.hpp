// Which incidents a map instance shows (its sector/channel/status filters) and where they land
// on screen, with the flags their markers need at this instant.
#pragma once

#include <span>
#include <vector>

#include "config/layout.hpp"
#include "display/point_binning.hpp"
#include "display/projection.hpp"
#include "model/incident.hpp"

namespace tsur::display {

/// Whether `incident` passes the widget's filters; an empty status filter means open incidents
/// only (new, in progress): a map of closed cases would bury what needs action.
bool map_shows(const model::Incident& incident, const config::WidgetSpec& spec);

struct CollectedPoints {
    std::vector<MapPoint> points;
    std::size_t without_location = 0;  ///< passed the filters but have no coordinates
};

/// Projects every shown incident; overdue = model::classify(...) == overdue at `now`. Points are
/// ordered for drawing: plain ones first, then overdue, then critical (on top). Pure; any thread.
CollectedPoints collect_points(std::span<const model::Incident> incidents,
                               const config::WidgetSpec& spec, const Projection& projection,
                               model::TimePoint now);

}  // namespace tsur::display
