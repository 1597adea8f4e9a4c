// Server clock estimate: median of Date samples, bounded below by the newest as_of.
#include "feed/clock_estimator.hpp"

#include <gtest/gtest.h>

namespace tsur {
namespace {

using namespace std::chrono_literals;
namespace chr = std::chrono;

const chr::system_clock::time_point kLocal =
    chr::sys_days{chr::year{2026} / 11 / 23} + 12h;  // local clock reading at the responses

TEST(ClockEstimator, NoInformationMeansTrustTheLocalClock) {
    net::ClockEstimator e;
    EXPECT_EQ(e.offset(kLocal), 0ms);
}

TEST(ClockEstimator, DateHeaderGivesOffsetToHalfASecond) {
    net::ClockEstimator e;
    // The server's clock reads 90 s ahead; Date truncates to whole seconds.
    e.add_date_sample(chr::floor<chr::seconds>(kLocal + 90s), kLocal);
    EXPECT_EQ(e.offset(kLocal), 90s + 500ms);
}

TEST(ClockEstimator, MedianIgnoresOneDelayedResponse) {
    net::ClockEstimator e(5);
    for (int i = 0; i < 4; ++i) {
        const auto received = kLocal + chr::seconds{i * 30};
        e.add_date_sample(chr::floor<chr::seconds>(received - 20s), received);
    }
    // One response sat 40 s in a proxy: its Date is 40 s older than its arrival suggests.
    const auto late = kLocal + 150s;
    e.add_date_sample(chr::floor<chr::seconds>(late - 60s), late);
    EXPECT_EQ(e.offset(late), -20s + 500ms);
}

TEST(ClockEstimator, OnlyTheLastWindowOfSamplesCounts) {
    net::ClockEstimator e(3);
    for (int i = 0; i < 3; ++i) e.add_date_sample(chr::floor<chr::seconds>(kLocal - 100s), kLocal);
    for (int i = 0; i < 3; ++i) e.add_date_sample(chr::floor<chr::seconds>(kLocal + 10s), kLocal);
    EXPECT_EQ(e.samples(), 3u);
    EXPECT_EQ(e.offset(kLocal), 10s + 500ms);
}

TEST(ClockEstimator, AsOfRaisesAnEstimateThatWouldPutServerTimeBeforeIt) {
    net::ClockEstimator e;
    e.add_date_sample(chr::floor<chr::seconds>(kLocal - 60s), kLocal);
    const auto as_of = chr::floor<chr::seconds>(kLocal + 5min);
    e.set_lower_bound(as_of);
    EXPECT_EQ(e.offset(kLocal), 5min);
    // Later the bound no longer binds and the Date estimate is back.
    EXPECT_EQ(e.offset(kLocal + 1h), -60s + 500ms);
}

TEST(ClockEstimator, DateFarFromTheLocalClockIsNotBelieved) {
    net::ClockEstimator e;
    const auto year_2099 = chr::floor<chr::seconds>(chr::sys_days{chr::year{2099} / 1 / 1});
    EXPECT_FALSE(e.add_date_sample(year_2099, kLocal));
    EXPECT_FALSE(e.add_date_sample(chr::floor<chr::seconds>(kLocal - 11min), kLocal));
    EXPECT_EQ(e.samples(), 0u);
    EXPECT_EQ(e.offset(kLocal), 0ms);
    EXPECT_TRUE(e.add_date_sample(chr::floor<chr::seconds>(kLocal + 9min), kLocal));
    EXPECT_EQ(e.offset(kLocal), 9min + 500ms);
}

TEST(ClockEstimator, AsOfMoreThanTheBoundAheadIsTooFarAhead) {
    net::ClockEstimator e;
    EXPECT_FALSE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 10min), kLocal));
    EXPECT_TRUE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 10min + 1s), kLocal));
    EXPECT_TRUE(
        e.too_far_ahead(chr::floor<chr::seconds>(chr::sys_days{chr::year{9999} / 1 / 1}), kLocal));
    // A believed Date moves the reference: the server's clock reads 5 min ahead.
    e.add_date_sample(chr::floor<chr::seconds>(kLocal + 5min), kLocal);
    EXPECT_FALSE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 15min), kLocal));
    EXPECT_TRUE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 16min), kLocal));
}

TEST(ClockEstimator, AcceptedAsOfDoesNotRatchetTheReference) {
    net::ClockEstimator e;
    e.set_lower_bound(chr::floor<chr::seconds>(kLocal + 9min));
    EXPECT_EQ(e.offset(kLocal), 9min);
    // The reference is still the local clock, not the raised estimate.
    EXPECT_TRUE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 18min), kLocal));
}

TEST(ClockEstimator, FutureLowerBoundIsIgnored) {
    // An as_of accepted earlier that is now far ahead (clock stepped back, an old wall's cache)
    // must not hold server time in the future.
    net::ClockEstimator e;
    e.set_lower_bound(chr::floor<chr::seconds>(chr::sys_days{chr::year{2099} / 1 / 1}));
    EXPECT_EQ(e.offset(kLocal), 0ms);
}

TEST(ClockEstimator, NoBoundTrustsEverything) {
    net::ClockEstimator e(5, std::nullopt);
    EXPECT_TRUE(e.add_date_sample(chr::floor<chr::seconds>(kLocal + 2h), kLocal));
    EXPECT_FALSE(e.too_far_ahead(chr::floor<chr::seconds>(kLocal + 48h), kLocal));
}

}  // namespace
}  // namespace tsur
