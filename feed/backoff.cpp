// Full jitter spreads the retries of many walls after an outage instead of synchronising them.
#include "feed/backoff.hpp"

#include <algorithm>

namespace tsur::net {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed)
    : base_(std::max(base, std::chrono::milliseconds{1})), cap_(std::max(cap, base_)), rng_(seed) {}

std::chrono::milliseconds Backoff::ceiling() const {
    auto c = base_;
    // Doubling step by step cannot overflow, unlike base << attempt.
    for (int i = 0; i < attempt_ && c < cap_; ++i) c *= 2;
    return std::min(c, cap_);
}

std::chrono::milliseconds Backoff::next_delay() {
    const auto top = ceiling();
    if (attempt_ < 64) ++attempt_;
    std::uniform_int_distribution<std::int64_t> pick(0, top.count());
    return std::chrono::milliseconds{pick(rng_)};
}

}  // namespace tsur::net

namespace tsur::net {

std::chrono::milliseconds retry_after_delay(std::chrono::seconds asked,
                                            std::chrono::milliseconds cap) {
    if (asked.count() <= 0) return std::chrono::milliseconds{0};
    if (asked.count() >= std::chrono::ceil<std::chrono::seconds>(cap).count()) return cap;
    return std::min<std::chrono::milliseconds>(asked, cap);
}

}  // namespace tsur::net
