// Redraw only what changed: per-tile fingerprints of a frame's ImGui draw data tell which parts of
// the picture differ from the frame on screen, and those rectangles alone are rasterised again.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "display/sdl_draw.hpp"

namespace tsur::display {

/// What to do with a built frame: nothing (it equals the frame on screen), rasterise `rects` over
/// the pixels already there, or rasterise all of it.
struct RedrawPlan {
    enum class Kind { none, partial, full };
    Kind kind = Kind::full;
    std::vector<SDL_Rect> rects;  ///< partial only, in display pixels (may overlap)
    double damaged_share = 1.0;   ///< share of the frame's pixels that are rasterised
};

/// One fingerprint per `tile` x `tile` square of a `width` x `height` frame: every triangle that
/// can touch a pixel of the square, in draw order, with its vertices, texture and clip rectangle.
/// Equal fingerprints mean equal pixels there. Pure.
std::vector<std::uint64_t> tile_fingerprints(const ImDrawData& data, int width, int height,
                                             int tile);

/// Remembers the fingerprints of the frame on screen and plans the next redraw; render thread.
class FrameDamage {
public:
    static constexpr int kTilePx = 64;
    /// Each rectangle is one pass over the draw data; more damage is joined into fewer boxes.
    static constexpr std::size_t kMaxRects = 24;

    /// `keeps_pixels`: the target still holds the last rasterised frame (SDL's software renderer
    /// draws into a surface that outlives a present), so a part of it may be redrawn alone.
    /// Otherwise a changed frame is rasterised whole. The plan is assumed carried out.
    RedrawPlan plan(const ImDrawData& data, bool keeps_pixels);
    /// The target's pixels are no longer the last frame (new window surface, exposure, another
    /// session): the next plan is full.
    void invalidate() { shown_.clear(); }

private:
    int width_ = 0;
    int height_ = 0;
    std::vector<std::uint64_t> shown_;
};

/// Rasterises `data` into `renderer` only inside `rects` (each first cleared to `clear`), leaving
/// every other pixel as it is. Inside a rectangle the pixels equal a full rasterisation's: clip
/// rectangles are cut in the whole pixels the ImGui backend would use. Render thread.
void rasterise_rects(SDL_Renderer* renderer, ImDrawData& data, ImU32 clear,
                     const std::vector<SDL_Rect>& rects, const GlyphSource& glyphs);

}  // namespace tsur::display
