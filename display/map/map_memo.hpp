// The map's per-snapshot work (filtering, projecting and binning every incident) kept between
// frames, so a redraw that only moves the clock does not walk the whole snapshot again.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "config/layout.hpp"
#include "display/map/incident_layer.hpp"
#include "display/map/map_points.hpp"
#include "display/map/projection.hpp"
#include "display/rect.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Everything the cached map data depends on; equal keys give equal data.
struct MapMemoKey {
    const model::Snapshot* snapshot = nullptr;
    std::uint64_t version = 0;
    const model::Incident* incidents = nullptr;  ///< with version: guards against address reuse
    std::size_t incident_count = 0;
    std::vector<model::Sector> sectors;
    std::vector<model::Channel> channels;
    std::vector<model::Status> statuses;
    Projection projection;
    Rect map;
    MapStyle style;
    std::optional<Rect> inset;
    bool operator==(const MapMemoKey&) const = default;
};

/// Builds the key of one map cell for this frame.
MapMemoKey map_memo_key(const model::Snapshot& snapshot, const config::WidgetSpec& spec,
                        const Projection& projection, const Rect& map, const MapStyle& style,
                        const std::optional<Rect>& inset);

/// The instant-independent data of one map cell: its points and the plan of its incident layer,
/// and the plan of its capital inset once the inset has been drawn.
struct MapCellData {
    MapPointSet points;
    IncidentLayer layer;
    std::optional<IncidentLayer> inset_layer;
};

/// A small least-recently-used memo of MapCellData. A memo, not state: what is drawn is the same
/// with or without it (tests compare both), only cheaper. Owned by whoever owns the ImGui
/// session (the render loop, a screenshot); render thread only.
class MapMemo {
public:
    /// The data for `key`, computed by `compute` on a miss.
    MapCellData& get(const MapMemoKey& key, const std::function<MapCellData()>& compute);
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }

private:
    static constexpr std::size_t kMaxEntries = 4;  // map cells on one screen, with room to spare
    struct Entry {
        MapMemoKey key;
        MapCellData data;
        std::uint64_t last_use = 0;
    };
    std::vector<Entry> entries_;
    std::uint64_t clock_ = 0;
    std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace tsur::display
