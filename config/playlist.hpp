// Time-driven state of a layout: which screen shows, whether the screen is on, the burn-in shift.
// Each is a pure function of the wall-clock instant, so every PC of a wall agrees with no
// coordinator (NTP keeps their clocks close) and transitions happen on the same whole second.
#pragma once

#include <cstddef>
#include <optional>

#include "config/layout.hpp"
#include "model/time.hpp"

namespace tsur::config {

/// Where the playlist stands at an instant.
struct PlaylistPosition {
    std::size_t entry = 0;       ///< index into Layout::playlist (0 when the playlist is empty)
    std::size_t screen = 0;      ///< index into Layout::screens
    model::TimePoint started{};  ///< when this entry began
    std::optional<model::TimePoint> ends;  ///< when it ends; none for an empty playlist
};

/// Sum of the playlist's durations (0 when empty).
model::Seconds playlist_cycle(const Layout& layout);

/// The playlist position at `t`: (t - Unix epoch) mod cycle, walked through the entries. An
/// empty playlist shows screens[0] forever.
PlaylistPosition playlist_position(const Layout& layout, model::TimePoint t);

/// The first entry boundary strictly after `t`; none for an empty playlist.
std::optional<model::TimePoint> next_transition_after(const Layout& layout, model::TimePoint t);

/// Whether the screen is on at `t` (local time = UTC + utc_offset). No schedule: always on.
bool schedule_on(const Layout& layout, model::TimePoint t, model::Seconds utc_offset);

/// The first instant strictly after `t` at which schedule_on() changes; none if it never does.
std::optional<model::TimePoint> next_schedule_change_after(const Layout& layout, model::TimePoint t,
                                                           model::Seconds utc_offset);

/// How far the whole picture is moved against burn-in, in pixels (|dx|, |dy| <= amplitude).
struct PixelShift {
    int dx = 0, dy = 0;
    bool operator==(const PixelShift&) const = default;
};

/// A serpentine walk over the (2a+1) x (2a+1) pattern and back, one pixel per `step`: every
/// move is one pixel (never a visible jump) and every offset is visited each cycle.
PixelShift burn_in_shift(const BurnIn& burn_in, model::TimePoint t);

/// The next instant strictly after `t` at which burn_in_shift() may change; none when off.
std::optional<model::TimePoint> next_shift_after(const BurnIn& burn_in, model::TimePoint t);

/// Everything time-driven about one frame of a layout, and when any of it next changes.
struct LayoutFrame {
    std::size_t screen = 0;  ///< index into Layout::screens
    bool on = true;          ///< false: draw black (outside the schedule)
    PixelShift shift;
    std::optional<model::TimePoint> next_change;  ///< earliest playlist/schedule/shift change
};

LayoutFrame layout_frame(const Layout& layout, model::TimePoint t, model::Seconds utc_offset);

}  // namespace tsur::config
