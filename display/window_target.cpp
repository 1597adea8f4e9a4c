// SDL picks the video driver (x11, wayland or kmsdrm with no desktop) from the environment; the
// renderer falls back to software when no GPU driver loads, so the wall still shows something.
#include "display/window_target.hpp"

#include <vector>

#include <stdexcept>

namespace tsur::display {
namespace {

/// GL_RENDERER of the current GL context ("llvmpipe (LLVM 15.0.6, 256 bits)", "AMD Radeon ..."),
/// empty when the renderer is not GL.
std::string gl_renderer_string() {
    using GetString = const unsigned char* (*)(unsigned);
    const auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    if (!get || !SDL_GL_GetCurrentContext()) return {};
    constexpr unsigned kGlRenderer = 0x1F01;
    const unsigned char* name = get(kGlRenderer);
    return name ? reinterpret_cast<const char*>(name) : "";
}

/// SDL's software renderer without command batching. Batched, SDL queues every vertex until the
/// present: a partial redraw hands it the draw data once per damaged rectangle, and the queue grew
/// to ~60 MB. SDL turns batching off itself only when SDL_RENDER_DRIVER names the driver.
/// Its surface is the window's own framebuffer (X11: shared memory with the server); by default
/// SDL would show it through a hidden GL renderer and texture, two more frame-sized buffers and
/// the whole GL stack, which is why it once measured bigger than llvmpipe. Where the video driver
/// has no framebuffer of its own (Wayland), this fails and the caller keeps GL.
SDL_Renderer* create_software_renderer(SDL_Window* window) {
    SDL_SetHint(SDL_HINT_RENDER_BATCHING, "0");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_Renderer* r = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    SDL_ResetHint(SDL_HINT_RENDER_BATCHING);
    return r;
}

}  // namespace

WindowTarget::WindowTarget(const WindowOptions& options) {
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        // No card for kmsdrm, or no X11/Wayland server: run offscreen rather than exit into a
        // restart loop, so /healthz, /metrics and /screenshot.png still tell the truth.
        fallback_reason_ = SDL_GetError();
        // OVERRIDE: a plain hint loses to the SDL_VIDEODRIVER variable that just failed.
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
        if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
            throw std::runtime_error("SDL video: " + fallback_reason_ +
                                     "; offscreen: " + SDL_GetError());
        }
    }
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(options.display);
    int y = SDL_WINDOWPOS_CENTERED_DISPLAY(options.display);
    int w = options.width;
    int h = options.height;
    if (options.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(options.display, &bounds) == 0) {
            x = bounds.x;
            y = bounds.y;
            w = bounds.w;
            h = bounds.h;
        }
    }
    window_.reset(SDL_CreateWindow("tsur-wall", x, y, w, h, flags));
    if (!window_) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
        throw std::runtime_error(std::string("SDL_CreateWindow: ") + SDL_GetError());
    }
    const bool driver_named = SDL_GetHint(SDL_HINT_RENDER_DRIVER) != nullptr;
    if (!options.gpu_device && !driver_named) {
        renderer_.reset(create_software_renderer(window_.get()));
        if (renderer_) renderer_note_ = "software (no GPU device)";
    }
    Uint32 rflags = SDL_RENDERER_ACCELERATED | (options.vsync ? SDL_RENDERER_PRESENTVSYNC : 0);
    if (!renderer_) renderer_.reset(SDL_CreateRenderer(window_.get(), -1, rflags));
    if (renderer_ && renderer_note_.empty() && !driver_named) {
        const std::string gl = gl_renderer_string();
        if (is_software_gl(gl)) {
            // GL on the CPU rasterises every frame whole; SDL's software renderer keeps its
            // surface, so only what changed is drawn again, without the GL stack's buffers.
            renderer_.reset();  // SDL allows one renderer per window
            renderer_.reset(create_software_renderer(window_.get()));
            if (renderer_) {
                renderer_note_ = "software (GL is " + gl + ", a CPU rasteriser)";
            } else {
                renderer_.reset(SDL_CreateRenderer(window_.get(), -1, rflags));
            }
        }
    }
    if (!renderer_) renderer_.reset(create_software_renderer(window_.get()));
    if (!renderer_) {
        window_.reset();
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
        throw std::runtime_error(std::string("SDL_CreateRenderer: ") + SDL_GetError());
    }
    SDL_ShowCursor(SDL_DISABLE);
}

bool is_software_gl(std::string_view gl_renderer) {
    for (const char* cpu : {"llvmpipe", "softpipe", "Software Rasterizer", "SWR", "lavapipe"}) {
        if (gl_renderer.find(cpu) != std::string_view::npos) return true;
    }
    return false;
}

bool is_headless_video_driver(std::string_view driver) {
    return driver == "offscreen" || driver == "dummy" || driver == "evdev";
}

std::string WindowTarget::video_driver() const {
    const char* d = SDL_GetCurrentVideoDriver();
    return d ? d : "";
}

WindowTarget::~WindowTarget() {
    renderer_.reset();
    window_.reset();
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

bool WindowTarget::keeps_frame() const {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer_.get(), &info) != 0) return false;
    if (!(info.flags & SDL_RENDERER_SOFTWARE)) return false;
    // GL and other accelerated renderers leave the back buffer undefined after a swap.
    int lw = 0, lh = 0;
    SDL_RenderGetLogicalSize(renderer_.get(), &lw, &lh);
    float sx = 1, sy = 1;
    SDL_RenderGetScale(renderer_.get(), &sx, &sy);
    return lw == 0 && lh == 0 && sx == 1.0f && sy == 1.0f;
}

void WindowTarget::present(const std::vector<SDL_Rect>& rects) {
    // SDL's software renderer presents by updating the whole window surface, where every draw
    // has landed once flushed: updating the damaged rectangles is the same present, cut to
    // what changed.
    if (!rects.empty() && pixels() != nullptr) {
        SDL_RenderFlush(renderer_.get());
        SDL_UpdateWindowSurfaceRects(window_.get(), rects.data(), static_cast<int>(rects.size()));
        return;
    }
    SDL_RenderPresent(renderer_.get());
}

SDL_Surface* WindowTarget::pixels() const {
    // SDL's software renderer for a window draws into the window's framebuffer surface.
    return keeps_frame() ? SDL_GetWindowSurface(window_.get()) : nullptr;
}

void WindowTarget::output_size(int& w, int& h) const {
    SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
}

Image WindowTarget::capture() const {
    Image img;
    output_size(img.width, img.height);
    img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
    SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, img.rgba.data(),
                         img.width * 4);
    return img;
}

Image WindowTarget::capture_rows(int rows) const {
    Image img;
    int h = 0;
    output_size(img.width, h);
    const std::vector<int> ys = proof_rows(h, rows);
    img.height = static_cast<int>(ys.size());
    img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
    for (std::size_t i = 0; i < ys.size(); ++i) {
        const SDL_Rect row{0, ys[i], img.width, 1};
        SDL_RenderReadPixels(renderer_.get(), &row, SDL_PIXELFORMAT_ABGR8888,
                             img.rgba.data() + i * static_cast<std::size_t>(img.width) * 4,
                             img.width * 4);
    }
    return img;
}

}  // namespace tsur::display
