// The on-screen target: one SDL window (fullscreen by default) with a GPU renderer, or SDL's
// software renderer where GL would rasterise on the CPU anyway (it keeps its pixels).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "display/raster_target.hpp"
#include "display/image.hpp"
#include "display/sdl_handles.hpp"

namespace tsur::display {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1920;  ///< windowed size
    int height = 1080;
    int display = 0;  ///< SDL display index for fullscreen
    bool vsync = true;
    /// False on a machine with no GPU device (no /dev/dri render node): GL could only rasterise
    /// on the CPU, so SDL's software renderer is taken without loading the GL stack to ask.
    bool gpu_device = true;
};

/// SDL's drivers that show nothing on a screen. Pure.
bool is_headless_video_driver(std::string_view driver);

/// True when a GL_RENDERER string names a rasteriser that runs on the CPU (Mesa's llvmpipe,
/// softpipe, swrast). Pure.
bool is_software_gl(std::string_view gl_renderer);

/// Owns SDL video, the window and its renderer; render thread only.
class WindowTarget {
public:
    explicit WindowTarget(const WindowOptions& options);
    ~WindowTarget();
    WindowTarget(const WindowTarget&) = delete;
    WindowTarget& operator=(const WindowTarget&) = delete;

    SDL_Window* window() const { return window_.get(); }
    /// The SDL video driver in use ("x11", "wayland", "kmsdrm", "offscreen", ...).
    std::string video_driver() const;
    /// True when nothing reaches a screen: SDL's offscreen or dummy driver.
    bool headless() const { return is_headless_video_driver(video_driver()); }
    /// Why the wall runs headless, when the driver the environment named failed (else empty).
    const std::string& fallback_reason() const { return fallback_reason_; }
    SDL_Renderer* renderer() const { return renderer_.get(); }
    /// Why the renderer is not the one SDL picked first (empty when it is).
    const std::string& renderer_note() const { return renderer_note_; }
    /// True when the renderer draws into a surface that outlives a present (SDL's software
    /// renderer, unscaled), so the next frame may redraw only what changed.
    bool keeps_frame() const;
    /// Shows what was rasterised: only `rects` where the window's surface is drawn into directly
    /// (the X11 window image: a partial redraw then sends the server its rectangles, not all
    /// 33 MB of a 4K frame), else the whole frame.
    void present(const std::vector<SDL_Rect>& rects);
    /// The window's own surface, which a software renderer draws into, while keeps_frame();
    /// else null.
    SDL_Surface* pixels() const;
    /// The renderer and its pixels, for an ImGuiSession.
    RasterTarget raster() const {
        return {renderer_.get(), [this] { return pixels(); }};
    }
    /// Output size in pixels (may differ from the window size on HiDPI).
    void output_size(int& w, int& h) const;
    /// Reads back the last rendered frame (before present) for /screenshot.png.
    Image capture() const;
    /// Reads back `rows` full-width rows spread evenly over the frame, stacked into an image
    /// `rows` high: enough for proof of rendering (fingerprint, blank test) at a few hundred
    /// kilobytes instead of two 32 MB buffers for a 4K frame.
    Image capture_rows(int rows) const;

private:
    SdlWindowPtr window_;
    std::string fallback_reason_;
    SdlRendererPtr renderer_;
    std::string renderer_note_;
};

}  // namespace tsur::display
