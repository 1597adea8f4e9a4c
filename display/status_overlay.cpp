// Age counts from the server's as_of (not from the last successful poll), so a server that
// keeps answering with old data still raises the banner.
#include "display/status_overlay.hpp"

#include <algorithm>
#include <cstdio>

#include "display/rounded_fill.hpp"
#include "display/text.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

/// The part of the canvas this output shows: on a multi-PC wall every PC must carry the
/// watermark, so it is centred in the visible area rather than on the whole canvas.
Rect visible_part(const FrameContext& ctx) {
    const ImVec2 lo = ctx.draw->GetClipRectMin();
    const ImVec2 hi = ctx.draw->GetClipRectMax();
    const float x0 = std::max(lo.x, ctx.rect.x);
    const float y0 = std::max(lo.y, ctx.rect.y);
    const float x1 = std::min(hi.x, ctx.rect.right());
    const float y1 = std::min(hi.y, ctx.rect.bottom());
    return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

void draw_frozen_watermark(const FrameContext& ctx) {
    const Theme& th = *ctx.theme;
    const Strings& str = *ctx.strings;
    const Rect r = visible_part(ctx);
    const model::Region* region = ctx.assets ? ctx.assets->region.get() : nullptr;
    const model::Seconds offset = model::utc_offset_of(region);
    const model::LocalTime at = model::to_local(ctx.status->frozen_as_of, offset);
    char hhmm[8];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", at.hour, at.minute);
    const std::string text =
        std::string(str.frozen_data_as_of) + " " + hhmm + " · " + std::string(str.frozen);

    const TextStyle style{TextRole::heading, true, rgb(255, 255, 255)};
    const ImVec2 size = measure_text(ctx, style, text);
    const float p = pad(ctx) * 2;
    const float w = std::min(r.w * 0.9f, size.x + 4 * p);
    const float h = size.y + 2 * p;
    const float x = r.x + (r.w - w) * 0.5f;
    const float y = r.y + r.h * 0.86f - h * 0.5f;
    fill_rounded_rect(*ctx.draw, ImVec2(x, y), ImVec2(x + w, y + h), with_alpha(th.accent, 225), p);
    draw_text(ctx, style, x + 2 * p, y + p, w - 4 * p, text, Align::centre, SceneKind::banner);
    // A frame in the accent colour marks the whole screen, not only the label, as held.
    const float t = pad(ctx) * 0.5f;
    ctx.draw->AddRect(ImVec2(r.x + t * 0.5f, r.y + t * 0.5f),
                      ImVec2(r.right() - t * 0.5f, r.bottom() - t * 0.5f),
                      with_alpha(th.accent, 200), 0, 0, t);
}

}  // namespace

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
    if (st.mode == WallStatus::Mode::off) {
        // Scheduled off: plain black over everything, which is the whole point of the mode.
        ctx.draw->AddRectFilled(ctx.draw->GetClipRectMin(), ctx.draw->GetClipRectMax(),
                                rgb(0, 0, 0));
        return;
    }
    if (st.mode == WallStatus::Mode::frozen) {
        draw_frozen_watermark(ctx);
        return;
    }
    const Theme& th = *ctx.theme;
    const Strings& str = *ctx.strings;
    const Rect r = ctx.rect;
    const StaleLevel level = stale_level(st);
    const bool offline = st.mode == WallStatus::Mode::offline;
    const bool offline_no_data = !snapshot && offline;
    // What is wrong beside age. A refused answer is named as such: the server did answer, so
    // "no connection" would send the room to check the wrong thing.
    std::string_view trouble;
    if (st.refusal == WallStatus::Refusal::all_records) {
        trouble = str.all_records_rejected;
    } else if (st.refusal == WallStatus::Refusal::document && offline) {
        trouble = str.document_refused;
    } else if (offline) {
        trouble = str.offline;
    }
    // Offline with recent data still gets a banner: the numbers are right now, but will not
    // move, and the room must know that before it trusts the next ones.
    if (level < StaleLevel::prominent && trouble.empty()) return;

    const bool full = level == StaleLevel::full || offline_no_data;
    const ImU32 bg = full ? th.overdue : th.at_risk;
    const ImU32 fg = full ? rgb(255, 255, 255) : rgb(20, 20, 20);
    std::string text;
    if (level >= StaleLevel::prominent) {
        text = std::string(str.stale_prefix) + " " + format_age(st.data_age.count(), str.language);
        if (!trouble.empty()) text += " · " + std::string(trouble);
    } else {
        text = std::string(trouble);
    }
    const TextStyle style{full ? TextRole::number : TextRole::heading, true, fg};
    const ImVec2 size = measure_text(ctx, style, text);
    const float p = pad(ctx) * 2;
    const float w = std::min(r.w * 0.9f, size.x + 4 * p);
    const float h = size.y + 2 * p;
    const float x = r.x + (r.w - w) * 0.5f;
    const float y = r.y + r.h * (full ? 0.42f : 0.012f);
    fill_rounded_rect(*ctx.draw, ImVec2(x, y), ImVec2(x + w, y + h), with_alpha(bg, 235), p);
    draw_text(ctx, style, x + 2 * p, y + p, w - 4 * p, text, Align::centre, SceneKind::banner);
    if (full) {
        const float t = pad(ctx) * 0.8f;
        ctx.draw->AddRect(ImVec2(r.x + t * 0.5f, r.y + t * 0.5f),
                          ImVec2(r.right() - t * 0.5f, r.bottom() - t * 0.5f), th.overdue, 0, 0, t);
    }
}

}  // namespace tsur::display
