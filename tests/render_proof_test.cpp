// Proof of rendering: blank frames and frames that stop changing are faults, except while the
// wall is frozen (held on purpose) or scheduled off (black on purpose).
#include <gtest/gtest.h>

#include "app/render_proof.hpp"

namespace tsur::app {
namespace {

using Mode = display::WallStatus::Mode;
using std::chrono::seconds;

const std::chrono::steady_clock::time_point kT0{std::chrono::hours(1000)};

display::Image solid(int w, int h, std::uint8_t v) {
    display::Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(static_cast<std::size_t>(w) * h * 4, v);
    return img;
}

FrameSample sample_of(const display::Image& img, seconds at, Mode mode = Mode::live) {
    return FrameSample{kT0 + at, display::fingerprint(img), display::is_blank(img), mode};
}

display::Image with_clock(int minute) {
    display::Image img = solid(64, 36, 20);
    img.rgba[static_cast<std::size_t>(minute % 60) * 4] = 255;  // the "clock" pixel moves
    return img;
}

TEST(RenderProof, ChangingFramesAreHealthy) {
    RenderProof proof;
    for (int m = 0; m < 10; ++m) {
        EXPECT_EQ(proof.observe(sample_of(with_clock(m), seconds{60 * m})), RenderFault::none);
    }
}

TEST(RenderProof, BlankFrameIsAFaultUntilAGoodFrame) {
    RenderProof proof;
    EXPECT_EQ(proof.observe(sample_of(with_clock(0), seconds{0})), RenderFault::none);
    EXPECT_EQ(proof.observe(sample_of(solid(64, 36, 0), seconds{60})), RenderFault::blank);
    EXPECT_FALSE(proof.ok());
    EXPECT_EQ(proof.observe(sample_of(with_clock(2), seconds{120})), RenderFault::none);
    EXPECT_TRUE(proof.ok());
}

TEST(RenderProof, UnchangedLongerThanTheLimitIsAFault) {
    RenderProof proof(RenderProofLimits{seconds{150}});
    const display::Image stuck = with_clock(7);
    EXPECT_EQ(proof.observe(sample_of(stuck, seconds{0})), RenderFault::none);
    EXPECT_EQ(proof.observe(sample_of(stuck, seconds{60})), RenderFault::none);
    EXPECT_EQ(proof.observe(sample_of(stuck, seconds{120})), RenderFault::none);
    EXPECT_EQ(proof.observe(sample_of(stuck, seconds{180})), RenderFault::unchanged);
    EXPECT_EQ(proof.observe(sample_of(with_clock(8), seconds{240})), RenderFault::none);
}

TEST(RenderProof, FrozenAndOffAreExempt) {
    RenderProof proof;
    const display::Image held = with_clock(15);
    for (int m = 0; m <= 60; m += 1) {
        EXPECT_EQ(proof.observe(sample_of(held, seconds{60 * m}, Mode::frozen)), RenderFault::none);
    }
    // Unfrozen with the same picture: the unchanged clock starts at the unfreeze, not before.
    EXPECT_EQ(proof.observe(sample_of(held, seconds{61 * 60})), RenderFault::none);
    const display::Image black = solid(64, 36, 0);
    for (int m = 62; m < 200; ++m) {
        EXPECT_EQ(proof.observe(sample_of(black, seconds{60 * m}, Mode::off)), RenderFault::none);
    }
    // Frozen does not excuse a blank frame.
    EXPECT_EQ(proof.observe(sample_of(black, seconds{60 * 201}, Mode::frozen)), RenderFault::blank);
}

TEST(RenderProof, SubsamplingKeepsBlankBlankAndChangeVisible) {
    display::Image big = solid(7680, 2160, 30);
    EXPECT_TRUE(display::is_blank(subsample(big, 4)));
    const display::Image small = subsample(big, 4);
    EXPECT_EQ(small.width, 1920);
    EXPECT_EQ(small.height, 540);
    big.rgba[(static_cast<std::size_t>(400) * 7680 + 800) * 4] = 200;  // on the sampling grid
    EXPECT_FALSE(display::is_blank(subsample(big, 4)));
    EXPECT_NE(display::fingerprint(subsample(big, 4)), display::fingerprint(small));
}

TEST(RenderProof, SampledRowsSeeAMinuteChangeOfTheClock) {
    // 64 rows of a 4K frame, as the wall reads back once a minute.
    const auto ys = display::proof_rows(2160, 64);
    ASSERT_EQ(ys.size(), 64u);
    EXPECT_GT(ys.front(), 0);
    EXPECT_LT(ys.back(), 2159);
    for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_GT(ys[i], ys[i - 1]);
    EXPECT_EQ(display::proof_rows(10, 64).size(), 10u) << "never more rows than the frame has";
    EXPECT_TRUE(display::proof_rows(0, 64).empty());

    display::Image frame = solid(3840, 2160, 30);
    const display::Image before = display::take_rows(frame, 64);
    EXPECT_EQ(before.height, 64);
    EXPECT_TRUE(display::is_blank(before));
    // A clock digit's stroke 40 px tall anywhere on screen crosses a sampled row.
    for (int top : {0, 500, 2120}) {
        display::Image changed = frame;
        for (int y = top; y < top + 40; ++y) {
            changed.rgba[(static_cast<std::size_t>(y) * 3840 + 3000) * 4] = 250;
        }
        const display::Image after = display::take_rows(changed, 64);
        EXPECT_NE(display::fingerprint(after), display::fingerprint(before)) << "stroke at y=" << top;
        EXPECT_FALSE(display::is_blank(after));
    }
}

}  // namespace
}  // namespace tsur::app
