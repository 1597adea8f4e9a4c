// The DejaVu faces the headless render tests bake, read from the Debian font directory.
#pragma once

#include "display/fonts.hpp"

namespace tsur::test {

/// DejaVuSans.ttf and DejaVuSans-Bold.ttf from TSUR_FONT_DIR; throws if they are missing.
display::FontFiles dejavu_fonts();

}  // namespace tsur::test
