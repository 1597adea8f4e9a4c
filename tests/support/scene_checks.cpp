// The rules live here once, so the render matrix and the map tests judge pictures alike.
#include "support/scene_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tsur::test {
namespace {

using display::SceneItem;
using display::SceneKind;

bool is_text(const SceneItem& it) { return !it.circle; }

bool is_mark(const SceneItem& it) {
    return it.circle && (it.kind == SceneKind::disc || it.kind == SceneKind::dot ||
                         it.kind == SceneKind::marker);
}

/// How far a circle reaches into a box: radius minus the distance from its centre to the box.
float circle_into_box(const SceneItem& c, const display::Rect& r) {
    const float nx = std::clamp(c.cx, r.x, r.right());
    const float ny = std::clamp(c.cy, r.y, r.bottom());
    return c.r - std::hypot(c.cx - nx, c.cy - ny);
}

std::string describe(const display::SceneReport& scene, const SceneItem& it) {
    char where[96];
    if (it.circle) {
        std::snprintf(where, sizeof where, " at (%.0f,%.0f) r %.0f", it.cx, it.cy, it.r);
    } else {
        std::snprintf(where, sizeof where, " at (%.0f,%.0f %.0fx%.0f)", it.box.x, it.box.y,
                      it.box.w, it.box.h);
    }
    return std::string(display::scene_kind_name(it.kind)) + " \"" + it.text + "\"" + where +
           " in " + scene.widgets()[it.widget].name;
}

}  // namespace

bool shapes_overlap(const SceneItem& a, const SceneItem& b) {
    constexpr float t = kSceneTolerancePx;
    if (a.circle && b.circle) {
        return std::hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r - t;
    }
    if (a.circle) return circle_into_box(a, b.box) > t;
    if (b.circle) return circle_into_box(b, a.box) > t;
    const float w = std::min(a.box.right(), b.box.right()) - std::max(a.box.x, b.box.x);
    const float h = std::min(a.box.bottom(), b.box.bottom()) - std::max(a.box.y, b.box.y);
    return w > t && h > t;
}

SceneFindings check_scene(const display::SceneReport& scene) {
    SceneFindings out;
    const auto& items = scene.items();
    const auto& widgets = scene.widgets();
    out.items = items.size();
    std::vector<const SceneItem*> counts, texts, discs;
    for (const SceneItem& it : items) {
        if (it.kind == SceneKind::count) counts.push_back(&it);
        if (it.kind == SceneKind::disc) discs.push_back(&it);
        if (is_text(it)) texts.push_back(&it);
    }
    auto problem = [&](const std::string& what, const SceneItem& a, const SceneItem* b) {
        out.problems.push_back(what + ": " + describe(scene, a) +
                               (b != nullptr ? " / " + describe(scene, *b) : std::string()));
    };
    // A dot under a disc is hidden: dots are drawn first, so that discs stay on top.
    const auto hidden = [&](const SceneItem& dot) {
        return dot.kind == SceneKind::dot &&
               std::any_of(discs.begin(), discs.end(), [&](const SceneItem* d) {
                   return d->widget == dot.widget &&
                          std::hypot(d->cx - dot.cx, d->cy - dot.cy) + dot.r <= d->r;
               });
    };
    // (a) Counts against everything a reader could confuse them with, in their widget.
    for (const SceneItem* c : counts) {
        for (const SceneItem& o : items) {
            // What lies in another widget is under or over it as a whole (checked below).
            if (&o == c || o.group == c->group || o.widget != c->widget) continue;
            if (o.kind == SceneKind::count && &o < c) continue;  // each pair once
            const bool rival =
                o.kind == SceneKind::count || o.kind == SceneKind::label || is_mark(o);
            if (rival && shapes_overlap(*c, o) && !hidden(o)) problem("count covered", *c, &o);
        }
        const std::string part = widgets[c->widget].name + " ";
        for (const display::SceneWidget& w : widgets) {
            if (w.name.rfind(part, 0) != 0) continue;
            SceneItem frame;
            frame.box = w.rect;
            if (shapes_overlap(*c, frame)) problem("count under " + w.name, *c, nullptr);
        }
    }
    for (const SceneItem* d : discs) {
        const bool has_count = std::any_of(
            counts.begin(), counts.end(), [&](const SceneItem* c) { return c->group == d->group; });
        if (!has_count) problem("disc without its number", *d, nullptr);
    }
    // (b) Texts of one widget against each other and against the widget's edges.
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const SceneItem& a = *texts[i];
        const display::Rect& w = widgets[a.widget].rect;
        constexpr float t = kSceneTolerancePx;
        if (a.box.x < w.x - t || a.box.y < w.y - t || a.box.right() > w.right() + t ||
            a.box.bottom() > w.bottom() + t) {
            problem("text outside its widget", a, nullptr);
        }
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            const SceneItem& b = *texts[j];
            if (b.widget != a.widget || b.group == a.group) continue;
            // A count against a text is (a)'s to report, once.
            if (a.kind == SceneKind::count || b.kind == SceneKind::count) continue;
            if (shapes_overlap(a, b)) problem("texts overlap", a, &b);
        }
    }
    return out;
}

std::uint64_t map_incidents_drawn(const display::SceneReport& scene, std::size_t index) {
    return incidents_drawn(scene, "map", index);
}

std::uint64_t incidents_drawn(const display::SceneReport& scene, std::string_view widget,
                              std::size_t index) {
    std::size_t seen = 0;
    std::uint64_t sum = 0;
    for (std::uint32_t w = 0; w < scene.widgets().size(); ++w) {
        if (scene.widgets()[w].name != widget) continue;
        if (seen++ != index) continue;
        for (const SceneItem& it : scene.items()) {
            if (it.widget == w) sum += it.value;
        }
    }
    return sum;
}

}  // namespace tsur::test
