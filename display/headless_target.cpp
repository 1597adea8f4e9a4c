// The software renderer draws straight into an ABGR8888 surface, which is RGBA in memory order on
// little-endian machines, so capture is a row copy.
#include "display/headless_target.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace tsur::display {

HeadlessTarget::HeadlessTarget(int width, int height) : width_(width), height_(height) {
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
        throw std::invalid_argument("headless target: size must be 1..16384 px on each side");
    }
    surface_.reset(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ABGR8888));
    if (!surface_) throw std::runtime_error(std::string("SDL_CreateRGBSurface: ") + SDL_GetError());
    renderer_.reset(SDL_CreateSoftwareRenderer(surface_.get()));
    if (!renderer_) {
        throw std::runtime_error(std::string("SDL_CreateSoftwareRenderer: ") + SDL_GetError());
    }
}

Image HeadlessTarget::capture() const {
    Image img;
    img.width = width_;
    img.height = height_;
    img.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
    const auto* src = static_cast<const std::uint8_t*>(surface_->pixels);
    for (int y = 0; y < height_; ++y) {
        std::memcpy(img.rgba.data() + static_cast<std::size_t>(y) * width_ * 4,
                    src + static_cast<std::size_t>(y) * surface_->pitch,
                    static_cast<std::size_t>(width_) * 4);
    }
    return img;
}

}  // namespace tsur::display
