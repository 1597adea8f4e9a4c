// Ear clipping over an index-linked ring: holes are bridged into the outer ring first (Eberly's
// "Triangulation by Ear Clipping"), which turns a polygon with holes into one weakly simple ring.
#include "model/triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace tsur::model {
namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

struct Node {
    double x = 0, y = 0;
    std::uint32_t index = 0;  // into the caller's points
    std::uint32_t prev = kNone, next = kNone;
};

double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/// The working ring; nodes are never freed (bridges append copies), only unlinked.
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

double ring_area(std::span<const GeoPoint> ring) {
    double twice = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        twice += (ring[j].lon - ring[i].lon) * (ring[j].lat + ring[i].lat);
    }
    return twice * 0.5;
}

/// Builds a ring from points[begin, end) wound counter-clockwise (outer) or clockwise (hole);
/// returns its first node, or kNone when fewer than three distinct points remain.
std::uint32_t build_ring(Ring& ring, std::span<const GeoPoint> points, std::uint32_t begin,
                         std::uint32_t end, bool counter_clockwise) {
    if (end <= begin + 2) return kNone;
    const double area = ring_area(points.subspan(begin, end - begin));
    if (area == 0 || !std::isfinite(area)) return kNone;
    const bool reverse = (area > 0) != counter_clockwise;
    std::uint32_t first = kNone, last = kNone;
    for (std::uint32_t k = 0; k < end - begin; ++k) {
        const std::uint32_t i = reverse ? end - 1 - k : begin + k;
        last = ring.append(last, points[i], i);
        if (first == kNone) first = last;
    }
    return ring.close(first) >= 3 ? first : kNone;
}

bool in_triangle(const Ring& r, std::uint32_t a, std::uint32_t b, std::uint32_t c,
                 std::uint32_t p) {
    return r.orient3(a, b, p) >= 0 && r.orient3(b, c, p) >= 0 && r.orient3(c, a, p) >= 0;
}

/// Whether `m` lies strictly inside the interior wedge of the ring at node `p`.
bool in_wedge(const Ring& r, std::uint32_t p, std::uint32_t m) {
    const std::uint32_t a = r.at(p).prev, b = r.at(p).next;
    const bool left_in = r.orient3(a, p, m) > 0, right_in = r.orient3(p, b, m) > 0;
    return r.orient3(a, p, b) >= 0 ? (left_in && right_in) : (left_in || right_in);
}

/// Finds the ring node that `m` (a hole's rightmost node) can see along a ray towards +x.
std::uint32_t find_bridge(const Ring& r, std::uint32_t outer, std::uint32_t m) {
    const double mx = r.at(m).x, my = r.at(m).y;
    double best_x = INFINITY;
    std::uint32_t candidate = kNone;
    std::uint32_t a = outer;
    do {
        const std::uint32_t b = r.at(a).next;
        const Node& na = r.at(a);
        const Node& nb = r.at(b);
        // Only edges going up (interior on their -x side) can be hit from inside.
        if (na.y < nb.y && na.y <= my && my <= nb.y) {
            const double x = na.x + (my - na.y) * (nb.x - na.x) / (nb.y - na.y);
            if (x >= mx && x < best_x) {
                best_x = x;
                if (x == na.x && my == na.y)
                    candidate = a;
                else if (x == nb.x && my == nb.y)
                    candidate = b;
                else
                    candidate = na.x > nb.x ? a : b;
            }
        }
        a = b;
    } while (a != outer);
    if (candidate == kNone) return kNone;
    if (best_x == r.at(candidate).x && my == r.at(candidate).y) return candidate;

    // Nodes inside the triangle (m, hit point, candidate) would block the view; the one seen
    // at the smallest angle from the ray is visible.
    const double cx = r.at(candidate).x, cy = r.at(candidate).y;
    const double s = orient(mx, my, best_x, my, cx, cy) >= 0 ? 1.0 : -1.0;
    std::uint32_t best = candidate;
    double best_tan = std::abs(cy - my) / std::max(cx - mx, 1e-300);
    double best_dist = (cx - mx) * (cx - mx) + (cy - my) * (cy - my);
    bool best_in_wedge = in_wedge(r, candidate, m);
    std::uint32_t p = outer;
    do {
        const Node& np = r.at(p);
        if (p != candidate && np.x >= mx && s * orient(mx, my, best_x, my, np.x, np.y) >= 0 &&
            s * orient(best_x, my, cx, cy, np.x, np.y) >= 0 &&
            s * orient(cx, cy, mx, my, np.x, np.y) >= 0 && !(np.x == mx && np.y == my)) {
            const double t = std::abs(np.y - my) / std::max(np.x - mx, 1e-300);
            const double d = (np.x - mx) * (np.x - mx) + (np.y - my) * (np.y - my);
            const bool w = in_wedge(r, p, m);
            if ((w && !best_in_wedge) ||
                (w == best_in_wedge && (t < best_tan || (t == best_tan && d < best_dist)))) {
                best = p;
                best_tan = t;
                best_dist = d;
                best_in_wedge = w;
            }
        }
        p = np.next;
    } while (p != outer);
    return best;
}

/// Splices the hole that starts at `m` into the ring at `p` through a zero-width channel.
void splice(Ring& r, std::uint32_t p, std::uint32_t m) {
    const std::uint32_t m2 = r.copy_of(m), p2 = r.copy_of(p);
    const std::uint32_t pn = r.at(p).next, mp = r.at(m).prev;
    r.at(p).next = m;
    r.at(m).prev = p;
    r.at(mp).next = m2;
    r.at(m2).prev = mp;
    r.at(m2).next = p2;
    r.at(p2).prev = m2;
    r.at(p2).next = pn;
    r.at(pn).prev = p2;
}

double cross(double ux, double uy, double vx, double vy) { return ux * vy - uy * vx; }

/// Whether direction d lies strictly inside the sector swept counter-clockwise from f to t.
bool strictly_in_sector(double dx, double dy, double fx, double fy, double tx, double ty) {
    const double ft = cross(fx, fy, tx, ty);
    if (ft > 0) return cross(fx, fy, dx, dy) > 0 && cross(dx, dy, tx, ty) > 0;
    if (ft < 0) return !(cross(tx, ty, dx, dy) >= 0 && cross(dx, dy, fx, fy) >= 0);
    // Half-plane when f and t are opposite; a zero-width spike when they coincide.
    return fx * tx + fy * ty < 0 && cross(fx, fy, dx, dy) > 0;
}

/// Whether node p, sitting exactly on corner v of the ear (v, v1, v2 counter-clockwise), has
/// polygon interior reaching into the ear: then clipping the ear would overlap that part.
/// Two sectors share interior exactly when one's clockwise edge lies inside the other or both
/// clockwise edges coincide.
bool corner_overlaps(const Ring& r, std::uint32_t v, std::uint32_t v1, std::uint32_t v2,
                     std::uint32_t p) {
    const Node& o = r.at(v);
    const double ax = r.at(v1).x - o.x, ay = r.at(v1).y - o.y;
    const double bx = r.at(v2).x - o.x, by = r.at(v2).y - o.y;
    const double px = r.at(r.at(p).next).x - o.x, py = r.at(r.at(p).next).y - o.y;
    const double qx = r.at(r.at(p).prev).x - o.x, qy = r.at(r.at(p).prev).y - o.y;
    if (cross(ax, ay, px, py) == 0 && ax * px + ay * py > 0) return true;
    return strictly_in_sector(ax, ay, px, py, qx, qy) || strictly_in_sector(px, py, ax, ay, bx, by);
}

bool is_ear(const Ring& r, std::uint32_t b) {
    const std::uint32_t a = r.at(b).prev, c = r.at(b).next;
    if (r.orient3(a, b, c) <= 0) return false;
    const double min_x = std::min({r.at(a).x, r.at(b).x, r.at(c).x});
    const double max_x = std::max({r.at(a).x, r.at(b).x, r.at(c).x});
    const double min_y = std::min({r.at(a).y, r.at(b).y, r.at(c).y});
    const double max_y = std::max({r.at(a).y, r.at(b).y, r.at(c).y});
    for (std::uint32_t p = r.at(c).next; p != a; p = r.at(p).next) {
        const Node& n = r.at(p);
        if (n.x < min_x || n.x > max_x || n.y < min_y || n.y > max_y) continue;
        if (r.same_place(p, a)) {
            if (corner_overlaps(r, a, b, c, p)) return false;
        } else if (r.same_place(p, b)) {
            if (corner_overlaps(r, b, c, a, p)) return false;
        } else if (r.same_place(p, c)) {
            if (corner_overlaps(r, c, a, b, p)) return false;
        } else if (in_triangle(r, a, b, c, p)) {
            return false;
        }
    }
    return true;
}

/// Unlinks repeated and collinear nodes (they add no area); returns how many went.
std::size_t drop_degenerate(Ring& r, std::uint32_t& start, std::size_t count) {
    std::size_t removed = 0;
    std::uint32_t n = start;
    for (std::size_t seen = 0; seen < count && count - removed > 3; ++seen) {
        const std::uint32_t next = r.at(n).next;
        if (r.same_place(n, next) || r.orient3(r.at(n).prev, n, next) == 0) {
            r.unlink(n);
            if (n == start) start = next;
            ++removed;
        }
        n = next;
    }
    return removed;
}

void emit(const Ring& r, std::uint32_t a, std::uint32_t b, std::uint32_t c,
          std::vector<std::uint32_t>& out) {
    if (r.orient3(a, b, c) <= 0) return;
    out.push_back(r.at(a).index);
    out.push_back(r.at(b).index);
    out.push_back(r.at(c).index);
}

double ring_area(const Ring& r, std::uint32_t start) {
    double twice = 0;
    std::uint32_t n = start;
    do {
        const Node& a = r.at(n);
        const Node& b = r.at(a.next);
        twice += (a.x - b.x) * (a.y + b.y);
        n = a.next;
    } while (n != start);
    return twice * 0.5;
}

void clip_ears(Ring& r, std::uint32_t start, std::size_t count, std::vector<std::uint32_t>& out) {
    std::uint32_t cur = start;
    std::size_t misses = 0;
    bool cleaned = false;
    // Where holes touch each other or the outer ring, the ring pinches into loops and can end
    // as a zero-area remnant whose "ears" lie outside; tracking the area left rejects them.
    double remaining = ring_area(r, start);
    const double tolerance = 1e-9 * std::abs(remaining);
    while (count > 3 && remaining > tolerance) {
        const std::uint32_t prev = r.at(cur).prev, next = r.at(cur).next;
        const double ear_area = 0.5 * r.orient3(prev, cur, next);
        if (ear_area <= remaining + tolerance && is_ear(r, cur)) {
            remaining -= ear_area;
            emit(r, prev, cur, next, out);
            r.unlink(cur);
            --count;
            cur = next;
            misses = 0;
            cleaned = false;
            continue;
        }
        cur = next;
        if (++misses < count) continue;
        // A full lap without an ear: first drop zero-area vertices, then (only for
        // self-intersecting input) force a cut so the loop always ends.
        misses = 0;
        if (!cleaned) {
            cleaned = true;
            const std::size_t removed = drop_degenerate(r, cur, count);
            count -= removed;
            if (removed > 0) continue;
        }
        std::uint32_t convex = kNone, n = cur;
        for (std::size_t k = 0; k < count && convex == kNone; ++k, n = r.at(n).next) {
            if (r.orient3(r.at(n).prev, n, r.at(n).next) > 0) convex = n;
        }
        if (convex != kNone) {
            remaining -= 0.5 * r.orient3(r.at(convex).prev, convex, r.at(convex).next);
            emit(r, r.at(convex).prev, convex, r.at(convex).next, out);
            cur = r.at(convex).next;
            r.unlink(convex);
        } else {
            const std::uint32_t after = r.at(cur).next;
            r.unlink(cur);
            cur = after;
        }
        --count;
    }
    if (count == 3 && remaining > tolerance) emit(r, r.at(cur).prev, cur, r.at(cur).next, out);
}

}  // namespace

double signed_area(std::span<const GeoPoint> ring) {
    return ring.size() < 3 ? 0.0 : ring_area(ring);
}

std::vector<std::uint32_t> triangulate(std::span<const GeoPoint> points,
                                       std::span<const std::uint32_t> ring_starts) {
    std::vector<std::uint32_t> out;
    if (ring_starts.empty() || points.size() < 3) return out;
    const auto ring_end = [&](std::size_t k) {
        return k + 1 < ring_starts.size() ? ring_starts[k + 1]
                                          : static_cast<std::uint32_t>(points.size());
    };
    for (std::size_t k = 0; k < ring_starts.size(); ++k) {
        if (ring_starts[k] > ring_end(k) || ring_end(k) > points.size()) return out;
    }
    Ring ring(points.size() + 4 * ring_starts.size());
    const std::uint32_t outer = build_ring(ring, points, ring_starts[0], ring_end(0), true);
    if (outer == kNone) return out;

    struct Hole {
        std::uint32_t rightmost;
        double x, y;
    };
    std::vector<Hole> holes;
    for (std::size_t k = 1; k < ring_starts.size(); ++k) {
        const std::uint32_t first = build_ring(ring, points, ring_starts[k], ring_end(k), false);
        if (first == kNone) continue;
        std::uint32_t best = first;
        for (std::uint32_t n = ring.at(first).next; n != first; n = ring.at(n).next) {
            const Node& a = ring.at(n);
            const Node& b = ring.at(best);
            if (a.x > b.x || (a.x == b.x && a.y < b.y)) best = n;
        }
        holes.push_back(Hole{best, ring.at(best).x, ring.at(best).y});
    }
    // Right to left, so a hole's ray can only meet the outer ring or holes already bridged.
    std::sort(holes.begin(), holes.end(),
              [](const Hole& a, const Hole& b) { return a.x != b.x ? a.x > b.x : a.y < b.y; });
    for (const Hole& h : holes) {
        const std::uint32_t bridge = find_bridge(ring, outer, h.rightmost);
        if (bridge != kNone) splice(ring, bridge, h.rightmost);
    }
    std::size_t count = 1;
    for (std::uint32_t n = ring.at(outer).next; n != outer; n = ring.at(n).next) ++count;
    out.reserve(3 * count);
    clip_ears(ring, outer, count, out);
    return out;
}

void triangulate(GeoPolygon& polygon) {
    polygon.triangles = triangulate(polygon.points, polygon.ring_starts);
}

double polygon_area(const GeoPolygon& polygon) {
    double area = 0;
    const auto& rs = polygon.ring_starts;
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t end = k + 1 < rs.size() ? rs[k + 1] : polygon.points.size();
        if (rs[k] >= end || end > polygon.points.size()) continue;
        const double a = std::abs(
            signed_area(std::span<const GeoPoint>(polygon.points).subspan(rs[k], end - rs[k])));
        area += k == 0 ? a : -a;
    }
    return area;
}

bool contains(const GeoPolygon& polygon, GeoPoint p) {
    bool inside = false;
    const auto& rs = polygon.ring_starts;
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t begin = rs[k];
        const std::size_t end = k + 1 < rs.size() ? rs[k + 1] : polygon.points.size();
        if (begin >= end || end > polygon.points.size()) continue;
        for (std::size_t i = begin, j = end - 1; i < end; j = i++) {
            const GeoPoint& a = polygon.points[i];
            const GeoPoint& b = polygon.points[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) &&
                p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace tsur::model
