// What an ImGui session rasterises into: an SDL renderer and, on a software one, its pixels.
#pragma once

#include <SDL.h>

#include <functional>

namespace tsur::display {

/// A renderer and the surface it draws into; render thread only.
struct RasterTarget {
    SDL_Renderer* renderer = nullptr;
    /// The 1:1 surface the renderer draws into, or null where it has none (a GPU renderer, a
    /// logical size or scale). Asked at every rasterisation: a window may replace its surface.
    std::function<SDL_Surface*()> pixels;
};

}  // namespace tsur::display
