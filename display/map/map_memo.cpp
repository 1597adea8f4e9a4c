// Keys hold copies of the filters, not the WidgetSpec's address: a reloaded layout may put a
// different spec at the same address.
#include "display/map/map_memo.hpp"

#include <algorithm>

namespace tsur::display {

MapMemoKey map_memo_key(const model::Snapshot& snapshot, const config::WidgetSpec& spec,
                        const Projection& projection, const Rect& map, const MapStyle& style,
                        const std::optional<Rect>& inset) {
    MapMemoKey key;
    key.snapshot = &snapshot;
    key.version = snapshot.version;
    key.incidents = snapshot.incidents.data();
    key.incident_count = snapshot.incidents.size();
    key.sectors = spec.sectors;
    key.channels = spec.channels;
    key.statuses = spec.statuses;
    key.projection = projection;
    key.map = map;
    key.style = style;
    key.inset = inset;
    return key;
}

MapCellData& MapMemo::get(const MapMemoKey& key, const std::function<MapCellData()>& compute) {
    ++clock_;
    for (Entry& e : entries_) {
        if (e.key == key) {
            e.last_use = clock_;
            ++hits_;
            return e.data;
        }
    }
    ++misses_;
    if (entries_.size() >= kMaxEntries) {
        const auto oldest = std::min_element(
            entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.last_use < b.last_use; });
        entries_.erase(oldest);
    }
    entries_.push_back(Entry{key, compute(), clock_});
    return entries_.back().data;
}

}  // namespace tsur::display
