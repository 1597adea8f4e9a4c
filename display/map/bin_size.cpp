// Disc sizes of counted bins: log-scaled by count, never too small for the count's text.
#include "display/map/bin_size.hpp"

#include <algorithm>
#include <cmath>

#include "display/map/incident_layer.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

float count_width(const FrameContext& ctx, std::uint32_t count) {
    return measure_text(ctx, TextStyle{TextRole::small, true, 0}, format_count(count)).x;
}

}  // namespace

float hole_diameter(float r, const MapStyle& st) {
    return 2.0f * (r - std::max(st.ring_w * 2.0f, r * 0.22f));
}

float bin_radius(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st) {
    const float r_max = st.hex_r * 0.84f;
    float r = r_max;
    if (max_count > kMinBinCount) {
        const float t = std::log(static_cast<float>(b.count) / kMinBinCount) /
                        std::log(static_cast<float>(max_count) / kMinBinCount);
        r = r_max * (0.5f + 0.5f * std::clamp(t, 0.0f, 1.0f));
    }
    // The smallest r whose hole_diameter(r) + ring_w holds the count, in either of its regimes.
    const float w = count_width(ctx, b.count) - st.ring_w;
    return std::max({r, w / 1.56f + 0.5f, w * 0.5f + 2.0f * st.ring_w + 0.5f});
}

float bin_extent(const FrameContext& ctx, const HexBin& b, std::uint32_t max_count,
                 const MapStyle& st) {
    return bin_radius(ctx, b, max_count, st) + st.ring_w * 2.5f;
}

}  // namespace tsur::display
