// PNG encoding and frame fingerprints; stb's implementation comes from Debian's libstb.
#include "display/image.hpp"

#include <algorithm>

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

std::vector<int> proof_rows(int height, int rows) {
    std::vector<int> ys;
    if (height <= 0) return ys;
    const int n = std::clamp(rows, 1, height);
    ys.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        ys.push_back(static_cast<int>((static_cast<long long>(2 * i + 1) * height) / (2 * n)));
    }
    return ys;
}

Image take_rows(const Image& image, int rows) {
    Image out;
    out.width = image.width;
    const std::vector<int> ys = proof_rows(image.height, rows);
    out.height = static_cast<int>(ys.size());
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    out.rgba.resize(stride * ys.size());
    for (std::size_t i = 0; i < ys.size(); ++i) {
        std::copy_n(image.rgba.begin() + static_cast<std::ptrdiff_t>(stride * ys[i]), stride,
                    out.rgba.begin() + static_cast<std::ptrdiff_t>(stride * i));
    }
    return out;
}

}  // namespace tsur::display
