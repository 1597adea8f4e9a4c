// PNG encoding and frame fingerprints; stb's implementation comes from Debian's libstb.
#include "display/image.hpp"

#include <stb_image_write.h>

#include <cstring>

namespace tsur::display {
namespace {

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<std::uint8_t> encode_png(const Image& image) {
    std::vector<std::uint8_t> out;
    if (image.width <= 0 || image.height <= 0) return out;
    stbi_write_png_to_func(append_bytes, &out, image.width, image.height, 4, image.rgba.data(),
                           image.width * 4);
    return out;
}

std::uint64_t fingerprint(const Image& image) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::uint8_t b : image.rgba) {
        h ^= b;
        h *= 1099511628211ull;
    }
    return h;
}

bool is_blank(const Image& image) {
    if (image.rgba.size() < 4) return true;
    std::uint32_t first = 0;
    std::memcpy(&first, image.rgba.data(), 4);
    for (std::size_t i = 4; i + 4 <= image.rgba.size(); i += 4) {
        std::uint32_t px = 0;
        std::memcpy(&px, image.rgba.data() + i, 4);
        if (px != first) return false;
    }
    return true;
}

}  // namespace tsur::display
