// Offline needs a few failed polls in a row: one lost request on a busy network is not news.
#include "app/wall_status.hpp"

#include "display/status_overlay.hpp"

namespace tsur::app {

display::WallStatus wall_status(const net::PublishedSnapshot* published,
                                std::uint32_t consecutive_failures, std::string_view last_error,
                                model::TimePoint server_now, model::Seconds poll_interval) {
    display::WallStatus st;
    st.poll_interval = poll_interval;
    st.has_data = published && published->snapshot;
    if (st.has_data) {
        st.data_age = std::max(model::Seconds{0}, server_now - published->snapshot->as_of);
    }
    const bool offline = consecutive_failures >= 3 ||
                         (published && published->origin == net::SnapshotOrigin::cache);
    if (offline) {
        st.mode = display::WallStatus::Mode::offline;
        st.last_error = std::string(last_error);
    } else if (st.has_data && display::stale_level(st) != display::StaleLevel::fresh) {
        st.mode = display::WallStatus::Mode::stale;
    } else {
        st.mode = display::WallStatus::Mode::live;
    }
    return st;
}

}  // namespace tsur::app
