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

/// The y of `rows` rows spread evenly over a frame `height` tall (centres of equal bands),
/// clamped to 1..height rows: what proof of rendering reads back instead of the whole frame.
std::vector<int> proof_rows(int height, int rows);

/// Those rows of `image`, stacked: the same pixels a row-wise read-back of the frame gives.
Image take_rows(const Image& image, int rows);

}  // namespace tsur::display
