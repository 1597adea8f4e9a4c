// Proof of rendering: what the render thread reports after each presented frame (counter, time,
// fingerprint, blank flag, frame build time, state on screen, the frame's PNG), read by the status
// server and the watchdog.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "model/time.hpp"

namespace tsur::net {

/// What the wall shows; same order as display::WallStatus::Mode. "off" is the scheduled black
/// screen, which is not a failure; "waiting" has no data yet.
enum class DisplayState : std::uint8_t { live, stale, offline, frozen, off, waiting };
inline constexpr std::array<std::string_view, 6> kDisplayStateIds = {
    "live", "stale", "offline", "frozen", "scheduled_off", "waiting"};
constexpr std::string_view id_of(DisplayState s) {
    return kDisplayStateIds[static_cast<std::size_t>(s)];
}

/// Which layout the room sees: the configured one ("ok", also when none is configured), the last
/// good version while the file on disk is rejected, or the built-in overview because no version
/// of the configured file ever loaded.
enum class LayoutState : std::uint8_t { ok, rejected, builtin };
inline constexpr std::array<std::string_view, 3> kLayoutStateIds = {"ok", "rejected", "builtin"};
constexpr std::string_view id_of(LayoutState s) {
    return kLayoutStateIds[static_cast<std::size_t>(s)];
}

/// Upper bounds (seconds) of the tsur_frame_seconds histogram; +Inf is implicit.
inline constexpr std::array<double, 11> kFrameSecondsBuckets = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

using PngBytes = std::shared_ptr<const std::vector<std::uint8_t>>;

/// One presented frame, as the render thread describes it.
struct FrameReport {
    std::uint64_t fingerprint = 0;  ///< e.g. display::fingerprint() of the captured frame
    bool blank = false;             ///< every pixel one colour
    std::chrono::duration<double> build_time{0};  ///< our CPU cost: building the frame
    DisplayState state = DisplayState::live;
    std::uint64_t snapshot_version = 0;  ///< 0: no snapshot on screen
    model::TimePoint snapshot_as_of{};
    /// How long the picture may legitimately stay the same (the layout's clock and playlist
    /// change it); nullopt: no limit (a layout with nothing that moves, a briefing freeze).
    std::optional<std::chrono::seconds> max_unchanged;
    /// PNG of this very frame, or null to keep serving the previous one.
    PngBytes png;
    /// The scene report (JSON) of the same frame, made with its PNG; null with it.
    PngBytes scene;
    /// The frame shows only public-mode widgets (config::is_public): its PNG needs no token.
    bool public_view = false;
    LayoutState layout = LayoutState::ok;
    std::uint64_t layout_rejections = 0;  ///< rejected versions of the layout file since start
    std::uint32_t glyph_fallbacks = 0;    ///< characters this frame drew as the font's '?'
    char32_t first_missing_glyph = 0;     ///< the first of them (0: none)
};

/// The newest stored PNG, the number of the frame it shows, and whether that frame was public.
struct StoredPng {
    PngBytes png;
    PngBytes scene;  ///< /scene.json of the same frame
    std::uint64_t frame = 0;
    bool public_view = false;
};

/// A consistent-enough copy of every field for formatting on any thread.
struct RenderHealthSnapshot {
    using Steady = std::chrono::steady_clock::time_point;
    Steady created{};
    std::uint64_t frames = 0;
    Steady last_present{};  ///< meaningful when frames > 0
    std::chrono::system_clock::time_point last_present_wall{};
    Steady last_change{};  ///< last time the fingerprint changed
    std::uint64_t fingerprint = 0;
    bool blank = false;
    DisplayState state = DisplayState::live;
    std::uint64_t snapshot_version = 0;
    model::TimePoint snapshot_as_of{};
    std::optional<std::chrono::seconds> max_unchanged;
    bool headless = false;  ///< SDL's offscreen/dummy driver: nothing reaches a screen
    std::array<std::uint64_t, kFrameSecondsBuckets.size() + 1> frame_buckets{};  ///< not cumulative
    double frame_seconds_sum = 0;
    LayoutState layout = LayoutState::ok;
    std::uint64_t layout_rejections = 0;
    std::uint32_t glyph_fallbacks = 0;        ///< in the newest frame
    char32_t first_missing_glyph = 0;         ///< of the newest frame
    std::uint64_t glyph_fallbacks_total = 0;  ///< summed over every presented frame
};

/// Written by the render thread (frame_presented), read by the io thread and the watchdog;
/// every member function is safe on any thread.
class RenderHealth {
public:
    explicit RenderHealth(
        std::chrono::steady_clock::time_point created = std::chrono::steady_clock::now());

    /// Counts one presented frame; returns its number (1 for the first).
    std::uint64_t frame_presented(
        const FrameReport& report,
        std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now(),
        std::chrono::system_clock::time_point wall_now = std::chrono::system_clock::now());

    /// The newest stored PNG, its frame number and public flag (null, 0, false before any).
    StoredPng png() const;

    /// Asks the render thread for a PNG of the next frame (status server, io thread).
    void request_screenshot() { screenshot_wanted_.store(true, std::memory_order_release); }
    /// True once per request; the render thread then renders a frame and attaches its PNG.
    bool take_screenshot_request() {
        return screenshot_wanted_.exchange(false, std::memory_order_acq_rel);
    }

    std::uint64_t frames() const { return frames_.load(std::memory_order_acquire); }
    /// Set once by the render thread when its window turns out to show nothing on a screen.
    void set_headless(bool headless) { headless_.store(headless, std::memory_order_relaxed); }
    RenderHealthSnapshot snapshot() const;

private:
    static std::int64_t ns(std::chrono::steady_clock::time_point t);

    const std::chrono::steady_clock::time_point created_;
    std::atomic<std::uint64_t> frames_{0};
    std::atomic<std::int64_t> last_present_ns_{0};
    std::atomic<std::int64_t> last_present_wall_ns_{0};
    std::atomic<std::int64_t> last_change_ns_{0};
    std::atomic<std::uint64_t> fingerprint_{0};
    std::atomic<bool> blank_{false};
    std::atomic<std::uint8_t> state_{0};
    std::atomic<std::uint64_t> snapshot_version_{0};
    std::atomic<std::int64_t> snapshot_as_of_s_{0};
    std::atomic<std::int64_t> max_unchanged_s_{-1};  // -1: no limit
    std::array<std::atomic<std::uint64_t>, kFrameSecondsBuckets.size() + 1> buckets_{};
    std::atomic<std::uint64_t> frame_ns_sum_{0};
    std::atomic<bool> screenshot_wanted_{false};
    std::atomic<bool> headless_{false};
    std::atomic<std::uint8_t> layout_{0};
    std::atomic<std::uint64_t> layout_rejections_{0};
    std::atomic<std::uint32_t> glyph_fallbacks_{0};
    std::atomic<char32_t> first_missing_glyph_{0};
    std::atomic<std::uint64_t> glyph_fallbacks_total_{0};

    mutable std::mutex png_mutex_;  // guards the two members below; held only to copy a pointer
    StoredPng png_;
};

/// Limits of render_fault(); the render loop presents at least once a minute.
struct RenderFaultLimits {
    std::chrono::seconds max_present_gap{120};
};

/// Why the picture on the wall cannot be trusted, or empty when it can: "no_frame" (none yet,
/// past the start-up grace), "present_stalled", "blank_frame", "frame_unchanged" (past the
/// report's max_unchanged); a blank or still picture is no fault while scheduled off. Pure.
std::string_view render_fault(const RenderHealthSnapshot& s,
                              std::chrono::steady_clock::time_point now,
                              const RenderFaultLimits& limits = {});

}  // namespace tsur::net
