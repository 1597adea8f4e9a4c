// Estimates the offset of server time from the local clock, from HTTP Date headers and as_of.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>

#include "model/time.hpp"

namespace tsur::net {

/// Median of the last few Date samples, never letting server time fall before the newest as_of.
/// Owned by one thread (the io thread); the result goes to model::ServerClock.
class ClockEstimator {
public:
    explicit ClockEstimator(std::size_t window = 5) : window_(window == 0 ? 1 : window) {}

    /// A response's Date header (whole seconds) that arrived at local time `received`.
    void add_date_sample(model::TimePoint server_date,
                         std::chrono::system_clock::time_point received);
    /// The newest accepted as_of: the server produced it, so server time now is not earlier.
    void set_lower_bound(model::TimePoint as_of) { as_of_ = as_of; }

    /// Server time minus local time as known at `local_now`: the median of the Date samples
    /// (0 without any), raised when needed so that local_now + offset >= as_of.
    std::chrono::milliseconds offset(std::chrono::system_clock::time_point local_now) const;
    std::size_t samples() const { return samples_.size(); }

private:
    std::size_t window_;
    std::deque<std::chrono::milliseconds> samples_;
    std::optional<model::TimePoint> as_of_;
};

}  // namespace tsur::net
