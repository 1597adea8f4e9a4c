// The clock shows minutes only: a wall that redraws every second pays for it in CPU (docs/design.md).
#include "display/header_widget.hpp"

#include <cstdio>

#include "display/text.hpp"

namespace tsur::display {
namespace {

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

ImU32 freshness_colour(const FrameContext& ctx) {
    switch (ctx.status->mode) {
        case WallStatus::Mode::live:
            return ctx.theme->on_time;
        case WallStatus::Mode::stale:
            return ctx.theme->at_risk;
        case WallStatus::Mode::offline:
            return ctx.theme->overdue;
        case WallStatus::Mode::frozen:
            return ctx.theme->accent;
        case WallStatus::Mode::off:
            return ctx.theme->text_dim;
        case WallStatus::Mode::waiting:
            return ctx.theme->text_dim;
    }
    return ctx.theme->text_dim;
}

}  // namespace

void draw_header(const model::Snapshot* snapshot, const config::WidgetSpec& spec,
                 const FrameContext& ctx) {
    const Theme& th = *ctx.theme;
    const Strings& str = *ctx.strings;
    const Rect r = ctx.rect;
    const model::Region* region = ctx.assets->region.get();
    const model::Seconds offset = model::utc_offset_of(region);
    const model::LocalTime lt = model::to_local(ctx.now, offset);

    const float p = pad(ctx);
    const float huge = ctx.fonts->px(TextRole::huge);
    const float clock_y = r.y + (r.h - huge) * 0.5f;
    const std::string clock = two(lt.hour) + ":" + two(lt.minute);
    const TextStyle clock_style{TextRole::huge, true, th.text};
    const float clock_w = measure_text(ctx, clock_style, clock).x;
    const float clock_x = r.right() - clock_w - 2 * p;
    draw_text(ctx, clock_style, clock_x, clock_y, clock_w + 1, clock);

    const std::string date =
        std::to_string(lt.day) + " " +
        std::string(str.month_genitive[static_cast<std::size_t>(lt.month - 1)]) + ", " +
        std::string(str.weekday[static_cast<std::size_t>(lt.weekday)]);
    const TextStyle date_style{TextRole::body, false, th.text_dim};
    const float date_w = measure_text(ctx, date_style, date).x;
    const float line_h = ctx.fonts->px(TextRole::body);
    draw_text(ctx, date_style, clock_x - date_w - 3 * p, r.y + r.h * 0.5f - line_h, date_w + 1,
              date);

    std::string fresh;
    if (snapshot) {
        const model::LocalTime at = model::to_local(snapshot->as_of, offset);
        fresh = std::string(str.data_as_of) + " " + two(at.hour) + ":" + two(at.minute);
    } else {
        fresh = std::string(str.waiting_for_data);
    }
    const TextStyle fresh_style{TextRole::body, true, freshness_colour(ctx)};
    const float fresh_w = measure_text(ctx, fresh_style, fresh).x;
    const float dot = line_h * 0.28f;
    const float fresh_x = clock_x - fresh_w - 3 * p;
    ctx.draw->AddCircleFilled(ImVec2(fresh_x - dot * 2.2f, r.y + r.h * 0.5f + line_h * 0.55f), dot,
                              freshness_colour(ctx));
    draw_text(ctx, fresh_style, fresh_x, r.y + r.h * 0.5f + 2, fresh_w + 1, fresh);

    const std::string title = spec.title.empty() ? std::string(str.centre_prefix) + " · " +
                                                       (region ? region->name_ru : std::string())
                                                 : spec.title;
    const TextStyle title_style{TextRole::heading, true, th.text};
    const float title_space = fresh_x - dot * 4 - (r.x + 2 * p);
    const float th_px = ctx.fonts->px(TextRole::heading);
    ctx.draw->AddRectFilled(ImVec2(r.x, r.y + (r.h - th_px * 1.3f) * 0.5f),
                            ImVec2(r.x + p * 0.8f, r.y + (r.h + th_px * 1.3f) * 0.5f), th.accent);
    draw_text(ctx, title_style, r.x + 2 * p, r.y + (r.h - th_px) * 0.5f, title_space, title);
    if (ctx.status->layout_invalid) {
        const TextStyle badge{TextRole::small, false, th.at_risk};
        draw_text(ctx, badge, r.x + 2 * p, r.bottom() - ctx.fonts->px(TextRole::small), title_space,
                  str.layout_error);
    }
}

}  // namespace tsur::display
