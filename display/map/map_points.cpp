// The overdue flag is the only part of a point that depends on the instant, so it is kept as a
// time span per point: a redraw then costs one comparison per point instead of a filter,
// projection and SLA classification of every incident of the snapshot.
#include "display/map/map_points.hpp"

#include <algorithm>
#include <numeric>

#include "model/sla.hpp"

namespace tsur::display {
namespace {

template <typename T>
bool allowed(const std::vector<T>& filter, T value) {
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

std::int64_t unix_seconds(model::TimePoint t) { return t.time_since_epoch().count(); }

}  // namespace

bool map_shows(const model::Incident& incident, const config::WidgetSpec& spec) {
    if (spec.statuses.empty() ? !model::is_open(incident.status)
                              : !allowed(spec.statuses, incident.status)) {
        return false;
    }
    return allowed(spec.sectors, incident.sector) && allowed(spec.channels, incident.channel);
}

MapPointSet project_points(std::span<const model::Incident> incidents,
                           const config::WidgetSpec& spec, const Projection& projection) {
    MapPointSet raw;
    raw.points.reserve(incidents.size());
    for (const model::Incident& inc : incidents) {
        if (!map_shows(inc, spec)) continue;
        if (!inc.location) {
            ++raw.without_location;
            if (model::is_region_wide(inc.municipality)) ++raw.region_wide_unplaced;
            continue;
        }
        const ImVec2 s = projection.forward(*inc.location);
        const std::uint8_t flags = inc.priority == model::Priority::critical ? kPointCritical : 0;
        raw.points.push_back(
            MapPoint{s.x, s.y, static_cast<std::uint8_t>(model::index_of(inc.sector)), flags});
        const model::SlaTimeline t = model::sla_timeline(inc);
        raw.overdue_from.push_back(unix_seconds(t.overdue_from));
        raw.overdue_until.push_back(unix_seconds(t.overdue_until()));
    }
    std::vector<std::uint32_t> order(raw.points.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const bool ca = (raw.points[a].flags & kPointCritical) != 0;
        const bool cb = (raw.points[b].flags & kPointCritical) != 0;
        if (ca != cb) return cb;
        return raw.overdue_from[a] > raw.overdue_from[b];
    });
    MapPointSet out;
    out.without_location = raw.without_location;
    out.region_wide_unplaced = raw.region_wide_unplaced;
    out.points.reserve(order.size());
    out.overdue_from.reserve(order.size());
    out.overdue_until.reserve(order.size());
    for (const std::uint32_t i : order) {
        out.points.push_back(raw.points[i]);
        out.overdue_from.push_back(raw.overdue_from[i]);
        out.overdue_until.push_back(raw.overdue_until[i]);
    }
    return out;
}

std::vector<MapPoint> points_at(const MapPointSet& set, model::TimePoint now) {
    const std::int64_t t = unix_seconds(now);
    std::vector<MapPoint> points = set.points;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (t >= set.overdue_from[i] && t < set.overdue_until[i]) points[i].flags |= kPointOverdue;
    }
    return points;
}

CollectedPoints collect_points(std::span<const model::Incident> incidents,
                               const config::WidgetSpec& spec, const Projection& projection,
                               model::TimePoint now) {
    const MapPointSet set = project_points(incidents, spec, projection);
    return CollectedPoints{points_at(set, now), set.without_location};
}

}  // namespace tsur::display
