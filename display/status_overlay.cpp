// Age counts from the server's as_of (not from the last successful poll), so a server that
// keeps answering with old data still raises the banner.
#include "display/status_overlay.hpp"

#include "display/text.hpp"

namespace tsur::display {

StaleLevel stale_level(const WallStatus& status) {
    if (!status.has_data || status.mode == WallStatus::Mode::frozen ||
        status.mode == WallStatus::Mode::off) {
        return StaleLevel::fresh;
    }
    const auto age = status.data_age;
    if (age >= model::Seconds{3600}) return StaleLevel::full;
    if (age >= model::Seconds{600}) return StaleLevel::prominent;
    if (age >= 2 * status.poll_interval) return StaleLevel::quiet;
    return StaleLevel::fresh;
}

void draw_status_overlay(const model::Snapshot* snapshot, const FrameContext& ctx) {
    const WallStatus& st = *ctx.status;
    const Theme& th = *ctx.theme;
    const Strings& str = *ctx.strings;
    const Rect r = ctx.rect;
    const StaleLevel level = stale_level(st);
    const bool offline_no_data = !snapshot && st.mode == WallStatus::Mode::offline;
    if (level < StaleLevel::prominent && !offline_no_data) return;

    const bool full = level == StaleLevel::full || offline_no_data;
    const ImU32 bg = full ? th.overdue : th.at_risk;
    const ImU32 fg = full ? rgb(255, 255, 255) : rgb(20, 20, 20);
    std::string text = offline_no_data ? std::string(str.offline)
                                       : std::string(str.stale_prefix) + " " +
                                             format_age(st.data_age.count(), str.language);
    if (!offline_no_data && st.mode == WallStatus::Mode::offline) {
        text += " · " + std::string(str.offline);
    }
    const TextStyle style{full ? TextRole::number : TextRole::heading, true, fg};
    const ImVec2 size = measure_text(ctx, style, text);
    const float p = pad(ctx) * 2;
    const float w = std::min(r.w * 0.9f, size.x + 4 * p);
    const float h = size.y + 2 * p;
    const float x = r.x + (r.w - w) * 0.5f;
    const float y = r.y + r.h * (full ? 0.42f : 0.012f);
    ctx.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), with_alpha(bg, 235), p);
    draw_text(ctx, style, x + 2 * p, y + p, w - 4 * p, text, Align::centre);
    if (full) {
        const float t = pad(ctx) * 0.8f;
        ctx.draw->AddRect(ImVec2(r.x + t * 0.5f, r.y + t * 0.5f),
                          ImVec2(r.right() - t * 0.5f, r.bottom() - t * 0.5f), th.overdue, 0, 0, t);
    }
}

}  // namespace tsur::display
