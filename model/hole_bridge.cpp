// A hole's rightmost node sees the ring along +x; blockers inside the sight triangle are resolved
// by angle, then by wedge membership, so bridges never cross an edge.
#include "model/hole_bridge.hpp"

#include <algorithm>
#include <cmath>

namespace tsur::model::triangulation {
namespace {

/// Whether `m` lies strictly inside the interior wedge of the ring at node `p`.
bool in_wedge(const Ring& r, std::uint32_t p, std::uint32_t m) {
    const std::uint32_t a = r.at(p).prev, b = r.at(p).next;
    const bool left_in = r.orient3(a, p, m) > 0, right_in = r.orient3(p, b, m) > 0;
    return r.orient3(a, p, b) >= 0 ? (left_in && right_in) : (left_in || right_in);
}

}  // namespace

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

}  // namespace tsur::model::triangulation
