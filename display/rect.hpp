// An axis-aligned rectangle in canvas pixels.
#pragma once

namespace tsur::display {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Rect inset(float d) const { return Rect{x + d, y + d, w - 2 * d, h - 2 * d}; }
    bool contains(float px, float py) const {
        return px >= x && px < x + w && py >= y && py < y + h;
    }
    bool overlaps(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool operator==(const Rect&) const = default;
};

}  // namespace tsur::display
