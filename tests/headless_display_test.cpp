// A wall on a machine with nothing to show on: SDL's offscreen driver is named as headless, a
// video driver that cannot start falls back to offscreen, and /healthz says so.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "display/window_target.hpp"
#include "state/render_health.hpp"
#include "server/status_report.hpp"

namespace tsur {
namespace {

/// Sets SDL_VIDEODRIVER for one test and puts the old value back. The renderer is SDL's software
/// one: what is tested is the video driver, not GL.
class VideoDriverEnv {
public:
    explicit VideoDriverEnv(const char* driver) {
        if (const char* old = getenv("SDL_VIDEODRIVER")) old_ = old;
        setenv("SDL_VIDEODRIVER", driver, 1);
        setenv("SDL_RENDER_DRIVER", "software", 1);
    }
    ~VideoDriverEnv() {
        if (old_.empty())
            unsetenv("SDL_VIDEODRIVER");
        else
            setenv("SDL_VIDEODRIVER", old_.c_str(), 1);
        unsetenv("SDL_RENDER_DRIVER");
    }
    VideoDriverEnv(const VideoDriverEnv&) = delete;
    VideoDriverEnv& operator=(const VideoDriverEnv&) = delete;

private:
    std::string old_;
};

display::WindowOptions small_window() {
    display::WindowOptions o;
    o.fullscreen = false;
    o.width = 320;
    o.height = 180;
    o.vsync = false;
    return o;
}

TEST(HeadlessDisplay, OffscreenAndDummyDriversShowNothing) {
    EXPECT_TRUE(display::is_headless_video_driver("offscreen"));
    EXPECT_TRUE(display::is_headless_video_driver("dummy"));
    EXPECT_FALSE(display::is_headless_video_driver("kmsdrm"));
    EXPECT_FALSE(display::is_headless_video_driver("x11"));
    EXPECT_FALSE(display::is_headless_video_driver("wayland"));
}

TEST(RendererChoice, MesaCpuRasterisersCountAsSoftwareGl) {
    // On these the wall takes SDL's software renderer, which redraws only what changed.
    EXPECT_TRUE(display::is_software_gl("llvmpipe (LLVM 15.0.6, 256 bits)"));
    EXPECT_TRUE(display::is_software_gl("softpipe"));
    EXPECT_TRUE(display::is_software_gl("Mesa DRI Intel(R) Software Rasterizer"));
    EXPECT_FALSE(display::is_software_gl("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)"));
    EXPECT_FALSE(display::is_software_gl("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    EXPECT_FALSE(display::is_software_gl(""));
}

TEST(HeadlessDisplay, OffscreenWindowIsReportedHeadless) {
    VideoDriverEnv env("offscreen");
    display::WindowTarget target(small_window());
    EXPECT_EQ(target.video_driver(), "offscreen");
    EXPECT_TRUE(target.headless());
    EXPECT_TRUE(target.fallback_reason().empty());
}

TEST(HeadlessDisplay, DriverThatCannotStartFallsBackToOffscreenWithItsReason) {
    // As with SDL_VIDEODRIVER=kmsdrm under systemd on a PC with no card: no exit, no restart
    // loop, but a headless wall that still serves its status and screenshot.
    VideoDriverEnv env("no-such-driver");
    display::WindowTarget target(small_window());
    EXPECT_TRUE(target.headless());
    EXPECT_EQ(target.video_driver(), "offscreen");
    EXPECT_FALSE(target.fallback_reason().empty());
}

TEST(HeadlessDisplay, HealthzReportsTheDisplayAsHeadless) {
    net::RenderHealth health;
    net::StatusInputs in;
    in.render = health.snapshot();
    EXPECT_EQ(
        nlohmann::json::parse(net::healthz_json(in, net::assess_health(in)))["display"]["headless"],
        false);
    health.set_headless(true);
    in.render = health.snapshot();
    EXPECT_EQ(
        nlohmann::json::parse(net::healthz_json(in, net::assess_health(in)))["display"]["headless"],
        true);
}

}  // namespace
}  // namespace tsur
