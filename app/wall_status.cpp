// Offline needs a few failed polls in a row: one lost request on a busy network is not news.
// A refused answer is news at once: the screen must say why new data does not appear.
#include "app/wall_status.hpp"

#include "display/status_overlay.hpp"

namespace tsur::app {

display::WallStatus wall_status(const net::PublishedSnapshot* published,
                                const net::FeedStatsSnapshot& feed, model::TimePoint server_now,
                                model::Seconds poll_interval) {
    display::WallStatus st;
    st.poll_interval = poll_interval;
    st.has_data = published && published->snapshot;
    if (st.has_data) {
        st.data_age = model::data_age(*published->snapshot, server_now);
    }
    if (feed.last_result == net::PollResult::all_rejected) {
        st.refusal = display::WallStatus::Refusal::all_records;
    } else if (feed.last_result && net::is_content_failure(*feed.last_result)) {
        st.refusal = display::WallStatus::Refusal::document;
    }
    const bool offline = feed.consecutive_failures >= 3 ||
                         (published && published->origin == net::SnapshotOrigin::cache);
    if (offline) {
        st.mode = display::WallStatus::Mode::offline;
        st.last_error = feed.last_error;
    } else if (!st.has_data) {
        st.mode = display::WallStatus::Mode::waiting;
    } else if (display::stale_level(st) != display::StaleLevel::fresh) {
        st.mode = display::WallStatus::Mode::stale;
    } else {
        st.mode = display::WallStatus::Mode::live;
    }
    return st;
}

}  // namespace tsur::app
