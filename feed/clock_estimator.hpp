// Estimates the offset of server time from the local clock, from HTTP Date headers and as_of,
// and decides which server times are too far ahead of the wall's own clock to be believed.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>

#include "model/time.hpp"

namespace tsur::net {

/// The most a server time (a Date header, a document's as_of) may lie ahead of the wall's own
/// estimate before it is refused (docs/feed-api.md, "Time sanity"). The wall PCs keep NTP time
/// (the playlist of a multi-PC wall relies on it), so a larger gap is a broken server clock.
inline constexpr std::chrono::minutes kMaxServerAhead{10};

/// Median of the last few Date samples, never letting server time fall before the newest as_of.
/// Owned by one thread (the io thread); the result goes to model::ServerClock.
class ClockEstimator {
public:
    explicit ClockEstimator(std::size_t window = 5,
                            std::optional<std::chrono::milliseconds> max_ahead = kMaxServerAhead)
        : window_(window == 0 ? 1 : window), max_ahead_(max_ahead) {}

    /// A response's Date header (whole seconds) that arrived at local time `received`. Returns
    /// false, and changes nothing, when it is more than the bound away from `received` in either
    /// direction: one such header must not move server time.
    bool add_date_sample(model::TimePoint server_date,
                         std::chrono::system_clock::time_point received);
    /// The newest accepted as_of: the server produced it, so server time now is not earlier.
    void set_lower_bound(model::TimePoint as_of) { as_of_ = as_of; }

    /// True when `t` is more than the bound after the wall's own estimate of server time at
    /// `local_now` (local clock + the Date median, without any as_of floor, so an accepted
    /// as_of cannot ratchet the estimate up). Always false without a bound.
    bool too_far_ahead(model::TimePoint t, std::chrono::system_clock::time_point local_now) const;

    /// The wall's own estimate of server time at `local_now`: local clock + the Date median.
    model::TimePoint own_estimate(std::chrono::system_clock::time_point local_now) const {
        return std::chrono::floor<model::Seconds>(local_now + date_offset());
    }
    std::optional<std::chrono::milliseconds> max_ahead() const { return max_ahead_; }

    /// Server time minus local time as known at `local_now`: the median of the Date samples
    /// (0 without any), raised when needed so that local_now + offset >= as_of, unless that
    /// as_of is itself too far ahead (a clock stepped back since, an old wall's cache).
    std::chrono::milliseconds offset(std::chrono::system_clock::time_point local_now) const;
    std::size_t samples() const { return samples_.size(); }

private:
    std::chrono::milliseconds date_offset() const;

    std::size_t window_;
    std::optional<std::chrono::milliseconds> max_ahead_;
    std::deque<std::chrono::milliseconds> samples_;
    std::optional<model::TimePoint> as_of_;
};

}  // namespace tsur::net
