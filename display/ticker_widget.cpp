// The ticker widget ("ticker") of newest incidents. It is a static list that changes only with
// the data: moving text on a wall is unreadable and costs frames.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "display/board_rows.hpp"
#include "display/ticker_widget.hpp"
#include "display/widget_common.hpp"
#include "display/widget_format.hpp"
#include "model/spike_detector.hpp"

namespace tsur::display {
namespace {

/// "14:05" today, "22.11 14:05" on an earlier day (region's local time).
std::string format_stamp(model::TimePoint t, model::TimePoint now, model::Seconds offset) {
    const model::LocalTime lt = model::to_local(t, offset);
    const bool same_day = model::local_midnight(t, offset) == model::local_midnight(now, offset);
    char buf[32];
    if (same_day) {
        std::snprintf(buf, sizeof buf, "%02d:%02d", lt.hour, lt.minute);
    } else {
        std::snprintf(buf, sizeof buf, "%02d.%02d %02d:%02d", lt.day, lt.month, lt.hour, lt.minute);
    }
    return buf;
}

}  // namespace

void draw_ticker(const model::Snapshot* snap, const config::WidgetSpec& spec,
                 const FrameContext& ctx) {
    const Strings& s = *ctx.strings;
    const Theme& th = *ctx.theme;
    const auto content = begin_panel(snap, spec, ctx, s.title_ticker);
    if (!content) return;
    const Rect& c = *content;
    const float row_h = line_height(ctx, TextRole::body);
    std::size_t fit = lines_that_fit(c.h, row_h);
    if (spec.max_rows > 0)
        fit = std::min<std::size_t>(fit, static_cast<std::size_t>(spec.max_rows));
    std::vector<std::uint32_t> newest;
    for (std::uint32_t i = 0; i < snap->incidents.size(); ++i) {
        const model::Incident& inc = snap->incidents[i];
        if (inc.created_at <= ctx.now && passes_filter(inc, spec)) newest.push_back(i);
    }
    const std::size_t n = std::min(fit, newest.size());
    // Newest first; ties by id so every PC lists the same order.
    std::partial_sort(newest.begin(), newest.begin() + static_cast<std::ptrdiff_t>(n), newest.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                          const model::Incident& x = snap->incidents[a];
                          const model::Incident& y = snap->incidents[b];
                          if (x.created_at != y.created_at) return x.created_at > y.created_at;
                          return x.id < y.id;
                      });
    if (n == 0) {
        draw_centred_message(ctx, c, s.no_incidents);
        return;
    }
    const float em = ctx.fonts->px(TextRole::small);
    const float gap = em * 0.6f;
    const TextStyle dim{TextRole::body, false, th.text_dim};
    const TextStyle body{TextRole::body, false, th.text};
    const model::Seconds offset = model::utc_offset_of(snap->region.get());
    const bool all_today = std::all_of(
        newest.begin(), newest.begin() + static_cast<std::ptrdiff_t>(n), [&](std::uint32_t i) {
            return model::local_midnight(snap->incidents[i].created_at, offset) ==
                   model::local_midnight(ctx.now, offset);
        });
    const float time_w = measure_text(ctx, dim, all_today ? "00:00" : "00.00 00:00").x;
    // Municipality, sector, channel, title share the width by weight above their minimums; the
    // channel gives way first on a narrow cell. Lobby walls have no title column at all.
    const bool with_title = !spec.public_mode;
    float mins = time_w + em * (6 + 5) + 2 * gap + (with_title ? em * 8 + gap : 0.0f);
    const bool with_channel = mins + em * 5 + gap <= c.w;
    if (with_channel) mins += em * 5 + gap;
    const float weights = 1.3f + 1.0f + (with_channel ? 1.0f : 0.0f) + (with_title ? 2.4f : 0.0f);
    const float spare = std::max(0.0f, c.w - mins) / weights;
    const float muni_w = em * 6 + spare * 1.3f;
    const float sector_w = em * 5 + spare;
    const float channel_w = with_channel ? em * 5 + spare : 0.0f;
    const float chip = ctx.fonts->px(TextRole::body) * 0.6f;
    for (std::size_t k = 0; k < n; ++k) {
        const model::Incident& inc = snap->incidents[newest[k]];
        const float ly = c.y + static_cast<float>(k) * row_h;
        const float y = ly + text_offset(ctx, TextRole::body, row_h);
        float x = c.x;
        draw_text(ctx, dim, x, y, time_w, format_stamp(inc.created_at, ctx.now, offset));
        x += time_w + gap;
        draw_text(ctx, body, x, y, muni_w,
                  municipality_label(ctx, *snap, inc.municipality, body, muni_w));
        x += muni_w + gap;
        draw_sector_chip(ctx, inc.sector, x, ly + row_h * 0.5f, chip);
        draw_text(ctx, body, x + chip * 1.6f, y, sector_w - chip * 1.6f,
                  s.sector_short[model::index_of(inc.sector)]);
        x += sector_w + gap;
        if (with_channel) {
            draw_text(ctx, dim, x, y, channel_w, s.channel_name(inc.channel));
            x += channel_w + gap;
        }
        // Lobby walls never show what a citizen wrote.
        if (with_title && x < c.right()) draw_text(ctx, body, x, y, c.right() - x, inc.title);
    }
}

}  // namespace tsur::display
