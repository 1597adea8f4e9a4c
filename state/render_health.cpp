// Atomics rather than one mutex: the watchdog reads these on every loop turn of the render thread,
// and a reader must never make the render thread wait.
#include "state/render_health.hpp"

#include <algorithm>

namespace tsur::net {

using Steady = std::chrono::steady_clock;

RenderHealth::RenderHealth(Steady::time_point created) : created_(created) {}

std::int64_t RenderHealth::ns(Steady::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::uint64_t RenderHealth::frame_presented(const FrameReport& r, Steady::time_point now,
                                            std::chrono::system_clock::time_point wall_now) {
    const auto previous = fingerprint_.exchange(r.fingerprint, std::memory_order_relaxed);
    // The first frame counts as a change: "unchanged" is measured from when the picture appeared.
    if (previous != r.fingerprint || frames_.load(std::memory_order_relaxed) == 0) {
        last_change_ns_.store(ns(now), std::memory_order_relaxed);
    }
    blank_.store(r.blank, std::memory_order_relaxed);
    state_.store(static_cast<std::uint8_t>(r.state), std::memory_order_relaxed);
    snapshot_version_.store(r.snapshot_version, std::memory_order_relaxed);
    snapshot_as_of_s_.store(r.snapshot_as_of.time_since_epoch().count(), std::memory_order_relaxed);
    max_unchanged_s_.store(r.max_unchanged ? r.max_unchanged->count() : -1,
                           std::memory_order_relaxed);
    layout_.store(static_cast<std::uint8_t>(r.layout), std::memory_order_relaxed);
    layout_rejections_.store(r.layout_rejections, std::memory_order_relaxed);
    glyph_fallbacks_.store(r.glyph_fallbacks, std::memory_order_relaxed);
    first_missing_glyph_.store(r.first_missing_glyph, std::memory_order_relaxed);
    glyph_fallbacks_total_.fetch_add(r.glyph_fallbacks, std::memory_order_relaxed);
    last_present_ns_.store(ns(now), std::memory_order_relaxed);
    last_present_wall_ns_.store(
        std::chrono::duration_cast<std::chrono::nanoseconds>(wall_now.time_since_epoch()).count(),
        std::memory_order_relaxed);

    const double seconds = std::max(0.0, r.build_time.count());
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(kFrameSecondsBuckets.begin(), kFrameSecondsBuckets.end(), seconds) -
        kFrameSecondsBuckets.begin());
    buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
    frame_ns_sum_.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed);

    // Release: a reader that sees the new count also sees the fields stored above.
    const std::uint64_t frame = frames_.fetch_add(1, std::memory_order_release) + 1;
    if (r.png) {
        std::lock_guard lock(png_mutex_);
        png_ = StoredPng{r.png, r.scene, frame, r.public_view};
    }
    return frame;
}

StoredPng RenderHealth::png() const {
    std::lock_guard lock(png_mutex_);
    return png_;
}

RenderHealthSnapshot RenderHealth::snapshot() const {
    RenderHealthSnapshot s;
    s.created = created_;
    s.frames = frames_.load(std::memory_order_acquire);
    s.last_present = Steady::time_point{std::chrono::nanoseconds{last_present_ns_.load()}};
    s.last_present_wall = std::chrono::system_clock::time_point{
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds{last_present_wall_ns_.load()})};
    s.last_change = Steady::time_point{std::chrono::nanoseconds{last_change_ns_.load()}};
    s.fingerprint = fingerprint_.load();
    s.blank = blank_.load();
    s.headless = headless_.load(std::memory_order_relaxed);
    s.state = static_cast<DisplayState>(state_.load());
    s.snapshot_version = snapshot_version_.load();
    s.snapshot_as_of = model::TimePoint{model::Seconds{snapshot_as_of_s_.load()}};
    if (const auto m = max_unchanged_s_.load(); m >= 0) s.max_unchanged = std::chrono::seconds{m};
    for (std::size_t i = 0; i < buckets_.size(); ++i) s.frame_buckets[i] = buckets_[i].load();
    s.frame_seconds_sum = static_cast<double>(frame_ns_sum_.load()) / 1e9;
    s.layout = static_cast<LayoutState>(layout_.load());
    s.layout_rejections = layout_rejections_.load();
    s.glyph_fallbacks = glyph_fallbacks_.load();
    s.first_missing_glyph = first_missing_glyph_.load();
    s.glyph_fallbacks_total = glyph_fallbacks_total_.load();
    return s;
}

std::string_view render_fault(const RenderHealthSnapshot& s, Steady::time_point now,
                              const RenderFaultLimits& limits) {
    if (s.frames == 0) {
        // Start-up (SDL, fonts, the first frame) gets the same grace as a gap between frames.
        return now - s.created > limits.max_present_gap ? "no_frame" : "";
    }
    if (now - s.last_present > limits.max_present_gap) return "present_stalled";
    // The scheduled "off" screen is black and still by design.
    if (s.state == DisplayState::off) return "";
    if (s.blank) return "blank_frame";
    if (s.max_unchanged && now - s.last_change > *s.max_unchanged) return "frame_unchanged";
    return "";
}

}  // namespace tsur::net
