// An off-screen software render target: no display, no SDL_Init, byte-identical output.
#pragma once

#include "display/image.hpp"
#include "display/raster_target.hpp"
#include "display/sdl_handles.hpp"

namespace tsur::display {

/// Owns a surface and its software renderer; render thread only.
class HeadlessTarget {
public:
    HeadlessTarget(int width, int height);

    SDL_Renderer* renderer() const { return renderer_.get(); }
    /// The renderer and its surface, for an ImGuiSession.
    RasterTarget raster() const {
        return {renderer_.get(), [s = surface_.get()] { return s; }};
    }
    int width() const { return width_; }
    int height() const { return height_; }
    /// Copies the surface into an RGBA image.
    Image capture() const;

private:
    int width_;
    int height_;
    SdlSurfacePtr surface_;
    SdlRendererPtr renderer_;
};

}  // namespace tsur::display
