// Judging samples rather than every frame keeps the read-back cost to one frame a minute; the
// verdict needs only the fingerprint, so samples are cheap to keep.
#include "app/render_proof.hpp"

#include <algorithm>
#include <cstring>

namespace tsur::app {

RenderFault RenderProof::observe(const FrameSample& s) {
    using Mode = display::WallStatus::Mode;
    const bool exempt_unchanged = s.mode == Mode::frozen || s.mode == Mode::off;
    if (exempt_unchanged || !have_last_ || s.fingerprint != last_fingerprint_) {
        // The unchanged clock restarts at unfreeze too, so the held picture is not counted.
        unchanged_since_ = s.at;
    }
    have_last_ = true;
    last_fingerprint_ = s.fingerprint;

    if (s.blank && s.mode != Mode::off) {
        fault_ = RenderFault::blank;
    } else if (s.at - unchanged_since_ > limits_.max_unchanged) {
        fault_ = RenderFault::unchanged;
    } else {
        fault_ = RenderFault::none;
    }
    return fault_;
}

display::Image subsample(const display::Image& image, int step) {
    step = std::max(step, 1);
    display::Image out;
    out.width = (image.width + step - 1) / step;
    out.height = (image.height + step - 1) / step;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    std::size_t o = 0;
    for (int y = 0; y < image.height; y += step) {
        for (int x = 0; x < image.width; x += step) {
            const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
            std::memcpy(&out.rgba[o], &image.rgba[i], 4);
            o += 4;
        }
    }
    return out;
}

const char* to_string(RenderFault fault) {
    switch (fault) {
        case RenderFault::none: return "none";
        case RenderFault::blank: return "blank";
        case RenderFault::unchanged: return "unchanged";
    }
    return "none";
}

}  // namespace tsur::app
