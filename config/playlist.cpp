// Everything is counted from the Unix epoch rather than from process start, which is what lets
// several PCs compute the same answer independently.
#include "config/playlist.hpp"

#include <algorithm>
#include <vector>

namespace tsur::config {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kWeek = 7 * kDay;
// 1970-01-01 was a Thursday; shifting by three days puts Monday 00:00 at a multiple of a week.
constexpr std::int64_t kEpochToMonday = 3 * kDay;

std::int64_t floor_mod(std::int64_t a, std::int64_t m) {
    const std::int64_t r = a % m;
    return r < 0 ? r + m : r;
}

std::int64_t floor_div(std::int64_t a, std::int64_t m) { return (a - floor_mod(a, m)) / m; }

std::int64_t seconds(model::TimePoint t) { return t.time_since_epoch().count(); }

/// Seconds since Monday 00:00 of the local week holding t.
std::int64_t week_second(model::TimePoint t, model::Seconds utc_offset) {
    return floor_mod(seconds(t) + utc_offset.count() + kEpochToMonday, kWeek);
}

bool on_at_week_second(const Schedule& s, std::int64_t w) {
    return std::any_of(s.on.begin(), s.on.end(), [w](const OnInterval& i) {
        return (w >= i.start_s && w < i.end_s) || (i.end_s > kWeek && w < i.end_s - kWeek);
    });
}

}  // namespace

model::Seconds playlist_cycle(const Layout& layout) {
    model::Seconds total{0};
    for (const auto& e : layout.playlist) total += e.duration;
    return total;
}

PlaylistPosition playlist_position(const Layout& layout, model::TimePoint t) {
    PlaylistPosition pos;
    const std::int64_t cycle = playlist_cycle(layout).count();
    if (cycle <= 0) {
        pos.started = model::TimePoint{};
        return pos;
    }
    const std::int64_t in_cycle = floor_mod(seconds(t), cycle);
    std::int64_t start = 0;
    for (std::size_t i = 0; i < layout.playlist.size(); ++i) {
        const std::int64_t d = layout.playlist[i].duration.count();
        if (in_cycle < start + d) {
            pos.entry = i;
            pos.screen = layout.playlist[i].screen_index;
            pos.started = t - model::Seconds{in_cycle - start};
            pos.ends = pos.started + model::Seconds{d};
            return pos;
        }
        start += d;
    }
    return pos;  // unreachable: in_cycle < cycle
}

std::optional<model::TimePoint> next_transition_after(const Layout& layout, model::TimePoint t) {
    return playlist_position(layout, t).ends;
}

bool schedule_on(const Layout& layout, model::TimePoint t, model::Seconds utc_offset) {
    if (!layout.schedule) return true;
    return on_at_week_second(*layout.schedule, week_second(t, utc_offset));
}

std::optional<model::TimePoint> next_schedule_change_after(const Layout& layout, model::TimePoint t,
                                                           model::Seconds utc_offset) {
    if (!layout.schedule) return std::nullopt;
    const Schedule& s = *layout.schedule;
    const std::int64_t w = week_second(t, utc_offset);
    std::vector<std::int64_t> deltas;
    for (const auto& i : s.on) {
        for (std::int64_t edge : {i.start_s, i.end_s}) {
            const std::int64_t d = floor_mod(edge - w, kWeek);
            deltas.push_back(d == 0 ? kWeek : d);
        }
    }
    std::sort(deltas.begin(), deltas.end());
    // Adjacent spans (Mon 00:00-24:00, Tue 00:00-24:00) share an edge where nothing changes.
    const bool now_on = on_at_week_second(s, w);
    for (std::int64_t d : deltas) {
        if (on_at_week_second(s, floor_mod(w + d, kWeek)) != now_on) return t + model::Seconds{d};
    }
    return std::nullopt;
}

PixelShift burn_in_shift(const BurnIn& burn_in, model::TimePoint t) {
    if (burn_in.amplitude_px <= 0 || burn_in.step.count() <= 0) return {};
    const std::int64_t a = burn_in.amplitude_px;
    const std::int64_t n = 2 * a + 1;
    const std::int64_t cells = n * n;
    const std::int64_t cycle = 2 * (cells - 1);
    const std::int64_t k = floor_mod(floor_div(seconds(t), burn_in.step.count()), cycle);
    // Out along the serpentine, then back the same way: each step is one pixel.
    const std::int64_t i = k < cells ? k : cycle - k;
    const std::int64_t row = i / n;
    const std::int64_t col = row % 2 == 0 ? i % n : n - 1 - i % n;
    return PixelShift{static_cast<int>(col - a), static_cast<int>(row - a)};
}

std::optional<model::TimePoint> next_shift_after(const BurnIn& burn_in, model::TimePoint t) {
    if (burn_in.amplitude_px <= 0 || burn_in.step.count() <= 0) return std::nullopt;
    const std::int64_t step = burn_in.step.count();
    const std::int64_t s = seconds(t);
    return model::TimePoint{model::Seconds{(s - floor_mod(s, step)) + step}};
}

LayoutFrame layout_frame(const Layout& layout, model::TimePoint t, model::Seconds utc_offset) {
    LayoutFrame f;
    f.screen = playlist_position(layout, t).screen;
    f.on = schedule_on(layout, t, utc_offset);
    f.shift = f.on ? burn_in_shift(layout.burn_in, t) : PixelShift{};
    f.next_change = next_schedule_change_after(layout, t, utc_offset);
    auto earliest = [&f](std::optional<model::TimePoint> c) {
        if (c && (!f.next_change || *c < *f.next_change)) f.next_change = c;
    };
    // A dark screen need not wake for playlist or shift changes, only to switch back on.
    if (f.on) {
        earliest(next_transition_after(layout, t));
        earliest(next_shift_after(layout.burn_in, t));
    }
    return f;
}

}  // namespace tsur::config
