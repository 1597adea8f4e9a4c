// A demo feed's snapshot for drawing tests: the region's simulator at one instant, built as the
// wall builds a polled document.
#pragma once

#include "app/wall_assets.hpp"
#include "model/snapshot.hpp"

namespace tsur::test {

/// The demo simulator of `assets`' region (seed 3, scale 0.3 unless given, inside the region's
/// outline) at `at`, as a snapshot.
model::SnapshotPtr demo_snapshot(const app::WallAssets& assets, model::TimePoint at,
                                 double scale = 0.3, std::uint64_t seed = 3);

}  // namespace tsur::test
