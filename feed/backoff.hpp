// Retry delays after failed polls: exponential backoff with full jitter.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace tsur::net {

/// Delay n (0-based) is uniform in [0, min(cap, base * 2^n)]; owned by one thread (the io thread).
class Backoff {
public:
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed);

    /// The delay before the next retry; each call widens the window until reset().
    std::chrono::milliseconds next_delay();
    /// Upper bound of the window the next call draws from.
    std::chrono::milliseconds ceiling() const;
    void reset() { attempt_ = 0; }
    int attempt() const { return attempt_; }

private:
    std::chrono::milliseconds base_;
    std::chrono::milliseconds cap_;
    int attempt_ = 0;
    std::mt19937_64 rng_;
};

/// The wait a server asked for with Retry-After, at most `cap` and never negative. Compared in
/// whole seconds, so a header like 9223372036854775807 cannot overflow into a short wait.
std::chrono::milliseconds retry_after_delay(std::chrono::seconds asked,
                                            std::chrono::milliseconds cap);

}  // namespace tsur::net
