// Proof of rendering: a sampled frame that is blank, or unchanged for longer than the layout
// allows, is a fault that stops the watchdog pings.
#pragma once

#include <chrono>
#include <cstdint>

#include "display/frame_context.hpp"
#include "display/image.hpp"

namespace tsur::app {

enum class RenderFault : std::uint8_t { none, blank, unchanged };

/// How often the render loop reads a frame back (a read-back stalls the GPU pipeline briefly).
inline constexpr std::chrono::seconds kRenderProofSampleEvery{60};

struct RenderProofLimits {
    /// The header clock changes every minute, so two samples a minute apart always differ on a
    /// healthy wall; 150 s tolerates one late sample.
    std::chrono::seconds max_unchanged{150};
};

/// One sampled frame: when, what it looked like, and the mode it was drawn in.
struct FrameSample {
    std::chrono::steady_clock::time_point at;
    std::uint64_t fingerprint = 0;
    bool blank = false;
    display::WallStatus::Mode mode = display::WallStatus::Mode::live;
};

/// Pure state machine over frame samples; render thread only.
class RenderProof {
public:
    explicit RenderProof(RenderProofLimits limits = {}) : limits_(limits) {}

    /// Frozen frames may stay unchanged, scheduled-off frames are black by design; a blank frame
    /// in any other mode, or a fingerprint held longer than the limit, is a fault until a good
    /// sample clears it.
    RenderFault observe(const FrameSample& sample);
    RenderFault fault() const { return fault_; }
    bool ok() const { return fault_ == RenderFault::none; }

private:
    RenderProofLimits limits_;
    RenderFault fault_ = RenderFault::none;
    bool have_last_ = false;
    std::uint64_t last_fingerprint_ = 0;
    std::chrono::steady_clock::time_point unchanged_since_{};
};

/// Every `step`-th pixel in both directions: a 7680x2160 spanning frame at step 4 is 2 MB to
/// hash instead of 66 MB, and a blank or frozen frame stays blank or frozen when subsampled.
display::Image subsample(const display::Image& image, int step);

/// "none", "blank", "unchanged" for /healthz and logs.
const char* to_string(RenderFault fault);

}  // namespace tsur::app
