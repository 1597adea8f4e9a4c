// Decides what the wall says about its data: waiting, live, stale, offline (showing the last
// good data), and whether the feed's newest answer was refused.
#pragma once

#include "display/frame_context.hpp"
#include "state/feed_stats.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::app {

/// Pure: the same inputs give the same status. Three failed polls in a row mean offline; no
/// data without that is waiting, never live.
display::WallStatus wall_status(const net::PublishedSnapshot* published,
                                const net::FeedStatsSnapshot& feed, model::TimePoint server_now,
                                model::Seconds poll_interval);

}  // namespace tsur::app
