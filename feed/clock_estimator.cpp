// Server clock estimation: a median resists one delayed response; as_of is a lower bound, and
// every server time is checked against the wall's own clock first.
#include "feed/clock_estimator.hpp"

#include <algorithm>
#include <vector>

namespace tsur::net {

namespace chr = std::chrono;

bool ClockEstimator::add_date_sample(model::TimePoint server_date,
                                     chr::system_clock::time_point received) {
    // Compared in seconds: a Date in the year 9999 would overflow a difference in nanoseconds.
    const auto gap = server_date.time_since_epoch().count() -
                     chr::floor<chr::seconds>(received).time_since_epoch().count();
    if (max_ahead_) {
        const auto limit = chr::ceil<chr::seconds>(*max_ahead_).count();
        if (gap > limit || gap < -limit) return false;
    }
    // Date is truncated to the second: on average the server stamped it half a second later.
    const auto server =
        chr::time_point_cast<chr::milliseconds>(server_date) + chr::milliseconds{500};
    samples_.push_back(chr::duration_cast<chr::milliseconds>(server - received));
    while (samples_.size() > window_) samples_.pop_front();
    return true;
}

chr::milliseconds ClockEstimator::date_offset() const {
    if (samples_.empty()) return chr::milliseconds{0};
    std::vector<chr::milliseconds> sorted(samples_.begin(), samples_.end());
    std::sort(sorted.begin(), sorted.end());
    const auto n = sorted.size();
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

bool ClockEstimator::too_far_ahead(model::TimePoint t,
                                   chr::system_clock::time_point local_now) const {
    if (!max_ahead_) return false;
    const auto estimate = own_estimate(local_now);
    const auto limit = chr::ceil<chr::seconds>(*max_ahead_).count();
    // Seconds since the epoch on both sides: no overflow even for the year 9999.
    return t.time_since_epoch().count() - estimate.time_since_epoch().count() > limit;
}

chr::milliseconds ClockEstimator::offset(chr::system_clock::time_point local_now) const {
    chr::milliseconds estimate = date_offset();
    if (as_of_ && !too_far_ahead(*as_of_, local_now)) {
        const auto floor = chr::duration_cast<chr::milliseconds>(*as_of_ - local_now);
        estimate = std::max(estimate, floor);
    }
    return estimate;
}

}  // namespace tsur::net
