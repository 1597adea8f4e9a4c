// Retry delays: full jitter inside a doubling window that stops at the cap.
#include "feed/backoff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

namespace tsur {
namespace {

using namespace std::chrono_literals;

TEST(Backoff, WindowDoublesFromBaseUpToCap) {
    net::Backoff b(2s, 5min, 7);
    const std::chrono::milliseconds expected[] = {2s,  4s,   8s,   16s,  32s,
                                                  64s, 128s, 256s, 300s, 300s};
    for (const auto ceiling : expected) {
        EXPECT_EQ(b.ceiling(), ceiling);
        const auto d = b.next_delay();
        EXPECT_GE(d, 0ms);
        EXPECT_LE(d, ceiling);
    }
}

TEST(Backoff, JitterSpreadsDelaysAcrossTheWindow) {
    net::Backoff b(1s, 1s, 11);
    std::chrono::milliseconds lo = 1s, hi = 0ms;
    for (int i = 0; i < 200; ++i) {
        const auto d = b.next_delay();
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    // Full jitter, not "base plus a little": both ends of [0, 1 s] get used.
    EXPECT_LT(lo, 100ms);
    EXPECT_GT(hi, 900ms);
}

TEST(Backoff, ResetStartsFromBaseAgain) {
    net::Backoff b(2s, 5min, 3);
    for (int i = 0; i < 5; ++i) b.next_delay();
    EXPECT_EQ(b.ceiling(), 64s);
    b.reset();
    EXPECT_EQ(b.ceiling(), 2s);
    EXPECT_LE(b.next_delay(), 2s);
}

TEST(Backoff, ManyFailuresNeitherOverflowNorPassCap) {
    net::Backoff b(2s, 5min, 5);
    for (int i = 0; i < 1000; ++i) EXPECT_LE(b.next_delay(), 5min);
    EXPECT_EQ(b.ceiling(), 5min);
}

TEST(RetryAfter, HugeValueIsCappedWithoutOverflow) {
    using namespace std::chrono_literals;
    const auto cap = std::chrono::milliseconds{std::chrono::hours{1}};
    // Retry-After: 9223372036854775807 once overflowed into a short wait.
    EXPECT_EQ(net::retry_after_delay(std::chrono::seconds{INT64_MAX}, cap), cap);
    EXPECT_EQ(net::retry_after_delay(std::chrono::seconds{INT64_MAX / 1000 + 1}, cap), cap);
    EXPECT_EQ(net::retry_after_delay(3600s, cap), cap);
    EXPECT_EQ(net::retry_after_delay(120s, cap), 120s);
    EXPECT_EQ(net::retry_after_delay(1s, 300ms), 300ms);
    EXPECT_EQ(net::retry_after_delay(0s, cap), 0ms);
    EXPECT_EQ(net::retry_after_delay(-5s, cap), 0ms);
}

}  // namespace
}  // namespace tsur
