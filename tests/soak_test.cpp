// A week of the demo region in accelerated time through the whole pipeline (generate, parse,
// build, publish, render headless): resident memory must level off after a day of warm-up.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "app/wall_status.hpp"
#include "demo/demo_simulator.hpp"
#include "formats/feed_parser.hpp"
#include "state/snapshot_store.hpp"
#include "support/headless_wall.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using namespace std::chrono_literals;

/// Resident set size of this process in bytes (second field of /proc/self/statm, in pages).
std::uint64_t rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0;
    std::uint64_t resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

constexpr double kMiB = 1024.0 * 1024.0;

#if defined(__SANITIZE_ADDRESS__)
// ASan's quarantine holds freed memory (up to 256 MB) on purpose, so RSS grows by design there;
// under ASan this test checks for leaks (LeakSanitizer at exit) and prints the curve only.
constexpr bool kRssIsMeaningful = false;
#else
constexpr bool kRssIsMeaningful = true;
#endif

TEST(Soak, WeekOfDemoFeedKeepsMemoryFlat) {
    test::HeadlessWall wall(960, 540);
    const auto region = wall.region();
    net::SimulatorOptions options;
    options.seed = 11;
    options.scale = 0.1;
    const net::DemoSimulator simulator(region, options);
    net::SnapshotStore store;

    constexpr int kStepHours = 2;
    constexpr int kSteps = 7 * 24 / kStepHours;  // one simulated week
    constexpr int kWarmUp = 24 / kStepHours;     // the first simulated day
    constexpr int kRenderEvery = 12;             // one frame a simulated day
    model::TimePoint now = test::at("2026-11-16T06:00:00Z");
    const auto started = std::chrono::steady_clock::now();

    std::vector<std::uint64_t> rss;
    std::size_t frames = 0;
    std::size_t incidents = 0;
    using Clock = std::chrono::steady_clock;
    Clock::duration in_generate{}, in_ingest{}, in_render{};
    for (int step = 0; step < kSteps; ++step, now += std::chrono::hours(kStepHours)) {
        auto t0 = Clock::now();
        const std::string body = simulator.generate_json(now);
        auto t1 = Clock::now();
        in_generate += t1 - t0;
        auto doc = net::parse_feed_v1(body, *region);
        ASSERT_TRUE(doc.ok()) << "step " << step << ": " << doc.error();
        EXPECT_TRUE(doc.value().rejected.empty())
            << "step " << step << ": the demo feed lost records";
        auto snap = model::build_snapshot(doc.take(), region, wall.rules());
        ASSERT_TRUE(snap);
        incidents = snap->incidents.size();
        store.publish(std::move(snap));
        auto t2 = Clock::now();
        in_ingest += t2 - t1;
        if (step % kRenderEvery == 0) {
            const auto published = store.current_published();
            const auto status = app::wall_status(published.get(), {}, now, model::Seconds{30});
            const auto image = wall.render(published->snapshot.get(), status, now);
            EXPECT_GT(test::non_background_pixels(image), 10000u) << "step " << step << ": blank";
            ++frames;
            in_render += Clock::now() - t2;
        }
        rss.push_back(rss_bytes());
    }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);

    const std::uint64_t start = rss.front();
    const std::uint64_t warm = rss[kWarmUp - 1];
    const std::uint64_t peak = *std::max_element(rss.begin(), rss.end());
    const std::uint64_t peak_after_warm = *std::max_element(rss.begin() + kWarmUp, rss.end());
    const std::uint64_t end = rss.back();
    std::printf(
        "[ soak ] %d simulated hours, %zu frames 960x540, %zu incidents at the end, "
        "%lld ms real time\n",
        kSteps * kStepHours, frames, incidents, static_cast<long long>(took.count()));
    std::printf(
        "[ soak ] RSS MiB: start %.1f, after warm-up %.1f, peak %.1f (after warm-up %.1f), "
        "end %.1f\n",
        start / kMiB, warm / kMiB, peak / kMiB, peak_after_warm / kMiB, end / kMiB);
    const auto ms = [](Clock::duration d) {
        return static_cast<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
    };
    std::printf("[ soak ] ms: generate %lld, parse+build+publish %lld, render %lld\n",
                ms(in_generate), ms(in_ingest), ms(in_render));
    std::printf("[ soak ] RSS MiB by simulated day:");
    for (std::size_t i = kWarmUp - 1; i < rss.size(); i += kWarmUp)
        std::printf(" %.1f", rss[i] / kMiB);
    std::printf("\n");

    EXPECT_GT(frames, 0u);
    if (kRssIsMeaningful) {
        const double bound = static_cast<double>(warm) * 1.1 + 8.0 * kMiB;
        EXPECT_LE(static_cast<double>(end), bound) << "memory kept growing after warm-up";
        EXPECT_LE(static_cast<double>(peak_after_warm), bound + 8.0 * kMiB);
    }
}

}  // namespace
}  // namespace tsur
