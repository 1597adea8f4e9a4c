// Whether a picture of a screen may be shown without a token: the one rule for /screenshot.png.
#pragma once

#include "config/layout.hpp"

namespace tsur::config {

/// True when every widget on `screen` is in public mode (no titles or personal data), so a
/// picture of it may be shown without a token. A screen with no widgets is not public.
inline bool is_public(const Screen& screen) {
    if (screen.cells.empty()) return false;
    for (const Cell& cell : screen.cells) {
        if (!cell.widget.public_mode) return false;
    }
    return true;
}

}  // namespace tsur::config
