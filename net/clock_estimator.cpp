// Server clock estimation: a median resists one delayed response; as_of is a hard lower bound.
#include "net/clock_estimator.hpp"

#include <algorithm>
#include <vector>

namespace tsur::net {

namespace chr = std::chrono;

void ClockEstimator::add_date_sample(model::TimePoint server_date,
                                     chr::system_clock::time_point received) {
    // Date is truncated to the second: on average the server stamped it half a second later.
    const auto server = chr::time_point_cast<chr::milliseconds>(server_date) + chr::milliseconds{500};
    samples_.push_back(chr::duration_cast<chr::milliseconds>(server - received));
    while (samples_.size() > window_) samples_.pop_front();
}

chr::milliseconds ClockEstimator::offset(chr::system_clock::time_point local_now) const {
    chr::milliseconds estimate{0};
    if (!samples_.empty()) {
        std::vector<chr::milliseconds> sorted(samples_.begin(), samples_.end());
        std::sort(sorted.begin(), sorted.end());
        const auto n = sorted.size();
        estimate = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    if (as_of_) {
        const auto floor = chr::duration_cast<chr::milliseconds>(*as_of_ - local_now);
        estimate = std::max(estimate, floor);
    }
    return estimate;
}

}  // namespace tsur::net
