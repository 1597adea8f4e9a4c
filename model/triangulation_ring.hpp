// The working ring of the ear-clipping triangulation: index-linked nodes that bridging and clipping
// unlink; shared by model/triangulate.cpp, model/hole_bridge.cpp and model/ear_clipping.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "model/geo_point.hpp"

namespace tsur::model::triangulation {

/// No node: an empty link or a ring that could not be built.
inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

/// A point of the caller's polygon as a ring node; value type.
struct Node {
    double x = 0, y = 0;
    std::uint32_t index = 0;  // into the caller's points
    std::uint32_t prev = kNone, next = kNone;
};

/// Twice the signed area of triangle (a, b, c): positive when counter-clockwise.
inline double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/// The working ring of one triangulate() call (one thread); nodes are never freed (bridges
/// append copies), only unlinked.
class Ring {
public:
    explicit Ring(std::size_t capacity) { nodes_.reserve(capacity); }

    Node& at(std::uint32_t i) { return nodes_[i]; }
    const Node& at(std::uint32_t i) const { return nodes_[i]; }

    double orient3(std::uint32_t a, std::uint32_t b, std::uint32_t c) const {
        return orient(at(a).x, at(a).y, at(b).x, at(b).y, at(c).x, at(c).y);
    }
    bool same_place(std::uint32_t a, std::uint32_t b) const {
        return at(a).x == at(b).x && at(a).y == at(b).y;
    }

    /// Appends a point after `last` (kNone starts a new ring); repeats of `last` are skipped.
    std::uint32_t append(std::uint32_t last, const GeoPoint& p, std::uint32_t index) {
        if (last != kNone && at(last).x == p.lon && at(last).y == p.lat) return last;
        const auto id = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back(Node{p.lon, p.lat, index, id, id});
        if (last != kNone) insert_after(last, id);
        return id;
    }

    std::uint32_t copy_of(std::uint32_t n) {
        const auto id = static_cast<std::uint32_t>(nodes_.size());
        Node c = at(n);
        c.prev = c.next = id;
        nodes_.push_back(c);
        return id;
    }

    void insert_after(std::uint32_t where, std::uint32_t n) {
        const std::uint32_t after = at(where).next;
        at(n).prev = where;
        at(n).next = after;
        at(after).prev = n;
        at(where).next = n;
    }

    void unlink(std::uint32_t n) {
        at(at(n).prev).next = at(n).next;
        at(at(n).next).prev = at(n).prev;
    }

    /// Drops a closing repeat of the first point and returns the ring's node count.
    std::size_t close(std::uint32_t first) {
        std::uint32_t last = at(first).prev;
        if (last != first && same_place(first, last)) unlink(last);
        std::size_t count = 1;
        for (std::uint32_t n = at(first).next; n != first; n = at(n).next) ++count;
        return count;
    }

private:
    std::vector<Node> nodes_;
};

/// Builds a ring from points[begin, end) wound counter-clockwise (outer) or clockwise (hole);
/// returns its first node, or kNone when fewer than three distinct points remain.
std::uint32_t build_ring(Ring& ring, std::span<const GeoPoint> points, std::uint32_t begin,
                         std::uint32_t end, bool counter_clockwise);

}  // namespace tsur::model::triangulation
