// The staleness banner drawn over the whole screen, escalating with the data's age.
#pragma once

#include <cstdint>

#include "display/frame_context.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// quiet: the header's freshness turns amber (older than 2 poll intervals);
/// prominent: an amber banner (older than 10 minutes); full: red banner and frame (over 1 hour).
enum class StaleLevel : std::uint8_t { fresh, quiet, prominent, full };

StaleLevel stale_level(const WallStatus& status);

/// Draws the banner for the whole visible canvas `ctx.rect` (nothing when live and fresh or
/// quiet); offline always gets a banner; frozen gets the "Данные на 10:15 · зафиксировано"
/// watermark and an accent frame on every output; off paints the whole output black.
void draw_status_overlay(const model::Snapshot* snapshot, const FrameContext& ctx);

}  // namespace tsur::display
