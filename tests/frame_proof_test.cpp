// Proof of rendering as the render loop runs it: the rows it reads back see a minute change of
// the clock, a frozen picture has no unchanged limit, and a described frame carries what
// net::render_fault judges (blank, fingerprint, the limit).
#include "app/frame_proof.hpp"

#include <gtest/gtest.h>

namespace tsur::app {
namespace {

using Mode = display::WallStatus::Mode;

display::Image solid(int w, int h, std::uint8_t v) {
    display::Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(static_cast<std::size_t>(w) * h * 4, v);
    return img;
}

TEST(FrameProof, SampledRowsSeeAMinuteChangeOfTheClock) {
    const auto ys = display::proof_rows(2160, kProofRows);
    ASSERT_EQ(ys.size(), static_cast<std::size_t>(kProofRows));
    EXPECT_GT(ys.front(), 0);
    EXPECT_LT(ys.back(), 2159);
    for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_GT(ys[i], ys[i - 1]);
    EXPECT_EQ(display::proof_rows(10, kProofRows).size(), 10u)
        << "never more rows than the frame has";
    EXPECT_TRUE(display::proof_rows(0, kProofRows).empty());

    display::Image frame = solid(3840, 2160, 30);
    const display::Image before = display::take_rows(frame, kProofRows);
    EXPECT_EQ(before.height, kProofRows);
    EXPECT_TRUE(display::is_blank(before));
    // A clock digit's stroke 40 px tall anywhere on screen crosses a sampled row.
    for (int top : {0, 500, 2120}) {
        display::Image changed = frame;
        for (int y = top; y < top + 40; ++y) {
            changed.rgba[(static_cast<std::size_t>(y) * 3840 + 3000) * 4] = 250;
        }
        const display::Image after = display::take_rows(changed, kProofRows);
        EXPECT_NE(display::fingerprint(after), display::fingerprint(before))
            << "stroke at y=" << top;
        EXPECT_FALSE(display::is_blank(after));
    }
}

TEST(FrameProof, OnlyAFrozenPictureMayStayUnchanged) {
    EXPECT_EQ(unchanged_limit(Mode::frozen), std::nullopt);
    for (const Mode m : {Mode::live, Mode::stale, Mode::offline, Mode::off}) {
        EXPECT_EQ(unchanged_limit(m), kMaxUnchanged);
    }
    // Two proofs a minute apart must fit in the limit, with room for one late proof.
    EXPECT_GT(kMaxUnchanged, 2 * kProofInterval);
}

TEST(FrameProof, ABlankLiveFrameIsReportedAsOneAndJudgedAFault) {
    display::WallStatus status;
    const net::FrameReport r =
        describe_frame(solid(64, 36, 0), false, status, nullptr, std::chrono::milliseconds(5),
                       unchanged_limit(status.mode));
    EXPECT_TRUE(r.blank);
    EXPECT_EQ(r.state, net::DisplayState::live);
    EXPECT_EQ(r.max_unchanged, kMaxUnchanged);
    EXPECT_EQ(r.png, nullptr);
    const auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    net::RenderHealth health{t0};
    health.frame_presented(r, t0);
    EXPECT_EQ(net::render_fault(health.snapshot(), t0 + std::chrono::seconds(1)), "blank_frame");
}

}  // namespace
}  // namespace tsur::app
