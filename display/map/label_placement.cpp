// Label placement is greedy on purpose: with ~30 labels an optimiser buys nothing visible, and a
// greedy order makes "who gives way" follow importance exactly.
#include "display/map/label_placement.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace tsur::display {
namespace {

constexpr std::array kSides = {
    LabelSide::right,       LabelSide::left,        LabelSide::above,      LabelSide::below,
    LabelSide::above_right, LabelSide::below_right, LabelSide::above_left, LabelSide::below_left};

Rect candidate(const LabelRequest& q, LabelSide side) {
    const float w = q.size.x, h = q.size.y;
    const float gap = q.marker_radius + h * 0.15f;
    const float ax = q.anchor.x, ay = q.anchor.y;
    // Diagonal spots hug the marker: the text's near corner sits just off the marker's circle.
    const float d = q.marker_radius * 0.7f + h * 0.1f;
    switch (side) {
        case LabelSide::right:
            return Rect{ax + gap, ay - h * 0.5f, w, h};
        case LabelSide::left:
            return Rect{ax - gap - w, ay - h * 0.5f, w, h};
        case LabelSide::above:
            return Rect{ax - w * 0.5f, ay - gap - h, w, h};
        case LabelSide::below:
            return Rect{ax - w * 0.5f, ay + gap, w, h};
        case LabelSide::above_right:
            return Rect{ax + d, ay - d - h, w, h};
        case LabelSide::below_right:
            return Rect{ax + d, ay + d, w, h};
        case LabelSide::above_left:
            return Rect{ax - d - w, ay - d - h, w, h};
        case LabelSide::below_left:
            return Rect{ax - d - w, ay + d, w, h};
    }
    return Rect{ax, ay, w, h};
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

bool hits_any(const Rect& r, std::span<const Rect> rects) {
    return std::any_of(rects.begin(), rects.end(), [&](const Rect& o) { return r.overlaps(o); });
}

/// Whether `r` covers a disc given by its bounding square.
bool hits_disc(const Rect& r, std::span<const Rect> discs) {
    return std::any_of(discs.begin(), discs.end(), [&](const Rect& d) {
        const float rad = std::min(d.w, d.h) * 0.5f;
        const float cx = d.x + d.w * 0.5f, cy = d.y + d.h * 0.5f;
        const float nx = std::clamp(cx, r.x, r.right()), ny = std::clamp(cy, r.y, r.bottom());
        return (cx - nx) * (cx - nx) + (cy - ny) * (cy - ny) < rad * rad;
    });
}

Rect marker_box(const LabelRequest& q) {
    const float r = std::max(q.marker_radius, 1.0f);
    return Rect{q.anchor.x - r, q.anchor.y - r, 2 * r, 2 * r};
}

/// The request with its marker grown to clear every avoided box over or next to its anchor (the
/// count disc on a city, which sits where the city's incidents are, not always on its centre):
/// the same eight spots, just off the disc instead of on it.
LabelRequest clear_of_discs(LabelRequest q, std::span<const Rect> avoid) {
    const LabelRequest original = q;
    for (const Rect& a : avoid) {
        if (!a.inset(-original.size.y).contains(q.anchor.x, q.anchor.y)) continue;
        const float dx = std::max(q.anchor.x - a.x, a.right() - q.anchor.x);
        const float dy = std::max(q.anchor.y - a.y, a.bottom() - q.anchor.y);
        q.marker_radius = std::max(q.marker_radius, std::max(dx, dy));
    }
    return q;
}

}  // namespace

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests,
                                      std::span<const Rect> reserved, const Rect& bounds,
                                      std::span<const Rect> avoid) {
    std::vector<PlacedLabel> placed;
    // A marker on a count disc is not drawn (the disc marks the place), so it blocks nothing.
    std::vector<bool> drawn(requests.size());
    for (std::size_t j = 0; j < requests.size(); ++j) {
        drawn[j] = std::none_of(avoid.begin(), avoid.end(), [&](const Rect& a) {
            return a.contains(requests[j].anchor.x, requests[j].anchor.y);
        });
    }
    std::vector<Rect> taken;
    taken.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const LabelRequest& q = requests[i];
        const auto hits_marker = [&](const Rect& r) {
            for (std::size_t j = 0; j < requests.size(); ++j) {
                if (j != i && drawn[j] && r.overlaps(marker_box(requests[j]))) return true;
            }
            return false;
        };
        bool done = false;
        // Pass 0 beside the marker; 1-3 beside the disc over it, then a little farther out where
        // neighbouring discs crowd it.
        const LabelRequest off_disc = clear_of_discs(q, avoid);
        constexpr std::array kReach = {1.0f, 1.0f, 1.5f, 2.0f};
        for (int pass = 0; pass < 4 && !done; ++pass) {
            if (pass > 0 && off_disc.marker_radius == q.marker_radius) continue;
            LabelRequest at = pass == 0 ? q : off_disc;
            at.marker_radius *= kReach[static_cast<std::size_t>(pass)];
            for (LabelSide side : kSides) {
                const Rect r = candidate(at, side);
                if (inside(r, bounds) && !hits_any(r, reserved) && !hits_any(r, taken) &&
                    !hits_marker(r) && !hits_disc(r, avoid)) {
                    placed.push_back(PlacedLabel{i, r, side});
                    taken.push_back(r);
                    done = true;
                    break;
                }
            }
        }
        if (done || !q.required) continue;
        PlacedLabel fallback{i, candidate(q, LabelSide::right), LabelSide::right};
        bool found = false;
        for (LabelSide side : kSides) {
            const Rect r = candidate(q, side);
            if (inside(r, bounds) && !hits_any(r, reserved) && !hits_disc(r, avoid)) {
                fallback = PlacedLabel{i, r, side};
                found = true;
                break;
            }
        }
        if (!found) {
            Rect& r = fallback.rect;
            r.x = std::clamp(r.x, bounds.x, std::max(bounds.x, bounds.right() - r.w));
            r.y = std::clamp(r.y, bounds.y, std::max(bounds.y, bounds.bottom() - r.h));
            // Every count stays readable: even the capital's name gives way to one (the inset's
            // title names the capital where there is one).
            if (hits_disc(r, avoid)) continue;
        }
        placed.push_back(fallback);
        taken.push_back(fallback.rect);
    }
    return placed;
}

std::vector<model::MunicipalityIndex> label_order(const model::Region& region) {
    const auto& ms = region.municipalities;
    std::vector<model::MunicipalityIndex> order;
    for (std::size_t i = 0; i < ms.size(); ++i) {
        const model::Municipality& m = ms[i];
        const bool shares_city_centre =
            !m.urban && std::any_of(ms.begin(), ms.end(), [&](const model::Municipality& o) {
                // ~100 m: the same settlement, whatever the rounding of the source.
                return o.urban && std::abs(o.centre.lat - m.centre.lat) < 1e-3 &&
                       std::abs(o.centre.lon - m.centre.lon) < 1e-3;
            });
        if (!shares_city_centre) order.push_back(static_cast<model::MunicipalityIndex>(i));
    }
    const auto group = [&](model::MunicipalityIndex i) {
        return i == region.capital ? 0 : (ms[i].urban ? 1 : 2);
    };
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
        if (group(a) != group(b)) return group(a) < group(b);
        if (ms[a].centre_population != ms[b].centre_population) {
            return ms[a].centre_population > ms[b].centre_population;
        }
        return ms[a].name_ru < ms[b].name_ru;
    });
    return order;
}

std::string short_label(std::string_view name, std::string_view word, std::string_view abbrev) {
    if (word.empty() || name.size() <= word.size() + 1 || !name.ends_with(word) ||
        name[name.size() - word.size() - 1] != ' ') {
        return std::string(name);
    }
    std::string s(name.substr(0, name.size() - word.size()));
    s += abbrev;
    return s;
}

}  // namespace tsur::display
