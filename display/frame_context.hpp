// What every widget draws with: its rectangle, the draw list, fonts, theme, strings, the instant.
#pragma once

#include <memory>
#include <string>

#include <imgui.h>

#include "display/fonts.hpp"
#include "display/rect.hpp"
#include "display/scene_report.hpp"
#include "display/strings.hpp"
#include "display/theme.hpp"
#include "model/geometry.hpp"
#include "model/region.hpp"
#include "model/time.hpp"

namespace tsur::display {

class MapMemo;

/// Static data loaded once at start (geometry, municipalities); immutable, shared.
struct Assets {
    std::shared_ptr<const model::Region> region;
    std::shared_ptr<const model::RegionGeometry> geometry;
};

/// What the wall knows about its own data and health, for the banner and badges.
struct WallStatus {
    /// waiting: no data yet and no sign of trouble (never "live" without data).
    enum class Mode : std::uint8_t { live, stale, offline, frozen, off, waiting };
    /// Why the feed's newest answer was not shown although the server answered.
    enum class Refusal : std::uint8_t { none, document, all_records };
    Mode mode = Mode::live;
    Refusal refusal = Refusal::none;
    model::Seconds data_age{0};  ///< server now - as_of of the snapshot on screen
    model::Seconds poll_interval{30};
    bool has_data = false;
    bool layout_invalid = false;      ///< the edited layout was rejected: small badge
    std::string last_error;           ///< short reason for offline ("connection refused")
    model::TimePoint frozen_as_of{};  ///< as_of of the held snapshot, for the frozen watermark
};

/// Characters one frame drew with the font's fallback glyph ('?'), because the role's atlas lacks
/// them. Render thread only.
struct GlyphTally {
    std::uint32_t missing = 0;
    char32_t first = 0;  ///< the first missing character (0: none)
    void note(char32_t c) {
        if (missing++ == 0) first = c;
    }
};

/// Everything a widget may use for one frame; built by the frame builder, valid for one call.
struct FrameContext {
    ImDrawList* draw = nullptr;
    Rect rect;  ///< the widget's cell on the canvas
    const Theme* theme = nullptr;
    const FontSet* fonts = nullptr;
    const Strings* strings = nullptr;
    const Assets* assets = nullptr;
    const WallStatus* status = nullptr;
    model::TimePoint now{};        ///< server time of this frame (frozen instant while frozen)
    double anim_seconds = 0;       ///< monotonic seconds for slow pulses (a pure function of time)
    MapMemo* map_memo = nullptr;   ///< per-snapshot map data kept between frames; null = none
    GlyphTally* glyphs = nullptr;  ///< counts '?' fallbacks of this frame; null = not counted
    SceneReport* scene = nullptr;  ///< receives what is drawn; null = not recorded
    std::uint32_t scene_widget = 0;  ///< the widget recorded items belong to (index in scene)
};

}  // namespace tsur::display
