// The on-screen target: one SDL window (fullscreen by default) with an accelerated renderer.
#pragma once

#include <string>

#include "display/image.hpp"
#include "display/sdl_handles.hpp"

namespace tsur::display {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1920;    ///< windowed size
    int height = 1080;
    int display = 0;     ///< SDL display index for fullscreen
    bool vsync = true;
};

/// Owns SDL video, the window and its renderer; render thread only.
class WindowTarget {
public:
    explicit WindowTarget(const WindowOptions& options);
    ~WindowTarget();
    WindowTarget(const WindowTarget&) = delete;
    WindowTarget& operator=(const WindowTarget&) = delete;

    SDL_Window* window() const { return window_.get(); }
    SDL_Renderer* renderer() const { return renderer_.get(); }
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
    SdlRendererPtr renderer_;
};

}  // namespace tsur::display
