// Ears that touch other parts of the ring at a shared corner are tested by sector, and the area
// left is tracked, so rings pinched where holes touch are clipped without overlap.
#include "model/ear_clipping.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::model::triangulation {
namespace {

bool in_triangle(const Ring& r, std::uint32_t a, std::uint32_t b, std::uint32_t c,
                 std::uint32_t p) {
    return r.orient3(a, b, p) >= 0 && r.orient3(b, c, p) >= 0 && r.orient3(c, a, p) >= 0;
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

}  // namespace

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

}  // namespace tsur::model::triangulation
