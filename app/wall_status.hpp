// Decides what the wall says about its data: live, stale, offline (showing the last good data).
#pragma once

#include "display/frame_context.hpp"
#include "net/feed_stats.hpp"
#include "net/snapshot_store.hpp"

namespace tsur::app {

/// Pure: the same inputs give the same status. `consecutive_failures` >= 3 means offline.
display::WallStatus wall_status(const net::PublishedSnapshot* published,
                                std::uint32_t consecutive_failures, std::string_view last_error,
                                model::TimePoint server_now, model::Seconds poll_interval);

}  // namespace tsur::app
