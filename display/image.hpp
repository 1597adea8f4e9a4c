// A captured frame: RGBA8 pixels in memory order R, G, B, A.
#pragma once

#include <cstdint>
#include <vector>

namespace tsur::display {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  ///< width * height * 4 bytes, rows top to bottom

    struct Pixel {
        std::uint8_t r, g, b, a;
    };
    Pixel at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
    }
};

/// PNG bytes of the image (stb_image_write into memory; the caller writes or serves them).
std::vector<std::uint8_t> encode_png(const Image& image);

/// 64-bit FNV-1a of the pixels: a small fingerprint of what is on screen.
std::uint64_t fingerprint(const Image& image);

/// True when every pixel has the same colour (a blank frame).
bool is_blank(const Image& image);

}  // namespace tsur::display
