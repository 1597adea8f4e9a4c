// The fingerprints work on the triangles the renderer receives, not on widgets: whatever drew a
// pixel (a widget, a map layer, the burn-in shift) is covered, and no widget needs to report what
// it changed. Clip rectangles are taken in the whole pixels draw_imgui_data hands to SDL, so a
// partial pass cuts exactly where a full pass would.
#include "display/frame_damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "display/sdl_draw.hpp"

namespace tsur::display {
namespace {

PixelBox intersect(const PixelBox& a, const PixelBox& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

std::uint64_t vertex_hash(std::uint64_t h, const ImDrawVert& v) {
    std::uint32_t words[5];
    static_assert(sizeof(ImDrawVert) == sizeof words);
    std::memcpy(words, &v, sizeof words);
    h = mix(h, (static_cast<std::uint64_t>(words[0]) << 32) | words[1]);
    h = mix(h, (static_cast<std::uint64_t>(words[2]) << 32) | words[3]);
    return mix(h, words[4]);
}

/// The pixels a triangle may touch: its box widened by a pixel for the renderer's rounding.
PixelBox triangle_box(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c,
                      const ImVec2& off) {
    const float min_x = std::min({a.pos.x, b.pos.x, c.pos.x}) - off.x;
    const float min_y = std::min({a.pos.y, b.pos.y, c.pos.y}) - off.y;
    const float max_x = std::max({a.pos.x, b.pos.x, c.pos.x}) - off.x;
    const float max_y = std::max({a.pos.y, b.pos.y, c.pos.y}) - off.y;
    // Clamped before the cast: a stray vertex far off screen must not overflow an int.
    const auto px = [](float v) { return static_cast<int>(std::clamp(v, -1e6f, 1e6f)); };
    return {px(std::floor(min_x)) - 1, px(std::floor(min_y)) - 1, px(std::ceil(max_x)) + 2,
            px(std::ceil(max_y)) + 2};
}

/// Calls `fn(command, clip, triangle box, triangle hash)` for every triangle that can touch a
/// pixel of the frame.
template <typename Fn>
void for_each_triangle(const ImDrawData& data, int width, int height, Fn&& fn) {
    const ImVec2 off = data.DisplayPos;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // the wall only resets render state: no pixels
            const PixelBox clip = pixel_clip(cmd.ClipRect, off, width, height);
            if (clip.empty()) continue;
            std::uint64_t cmd_hash =
                mix(0x243F6A8885A308D3ULL, reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            cmd_hash = mix(cmd_hash, (static_cast<std::uint64_t>(clip.x0) << 32) |
                                         static_cast<std::uint32_t>(clip.y0));
            cmd_hash = mix(cmd_hash, (static_cast<std::uint64_t>(clip.x1) << 32) |
                                         static_cast<std::uint32_t>(clip.y1));
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[idx[i]];
                const ImDrawVert& b = vtx[idx[i + 1]];
                const ImDrawVert& c = vtx[idx[i + 2]];
                const PixelBox box = intersect(triangle_box(a, b, c, off), clip);
                if (box.empty()) continue;
                fn(cmd, clip, box, vertex_hash(vertex_hash(vertex_hash(cmd_hash, a), b), c));
            }
        }
    }
}

/// Damaged tiles as few rectangles: runs along each tile row, then runs of equal spans stacked.
std::vector<SDL_Rect> merge_tiles(const std::vector<bool>& damaged, int cols, int rows, int tile,
                                  int width, int height) {
    std::vector<SDL_Rect> done;
    std::vector<SDL_Rect> open;  // spans that reach the row above
    for (int ty = 0; ty < rows; ++ty) {
        std::vector<SDL_Rect> row;
        for (int tx = 0; tx < cols;) {
            if (!damaged[static_cast<std::size_t>(ty) * cols + tx]) {
                ++tx;
                continue;
            }
            const int start = tx;
            while (tx < cols && damaged[static_cast<std::size_t>(ty) * cols + tx]) ++tx;
            const int x0 = start * tile;
            const int y0 = ty * tile;
            row.push_back(
                {x0, y0, std::min(tx * tile, width) - x0, std::min(y0 + tile, height) - y0});
        }
        std::vector<SDL_Rect> next;
        for (SDL_Rect r : row) {
            const auto above = std::find_if(open.begin(), open.end(), [&](const SDL_Rect& o) {
                return o.x == r.x && o.w == r.w && o.y + o.h == r.y;
            });
            if (above != open.end()) {
                r.h += r.y - above->y;
                r.y = above->y;
                open.erase(above);
            }
            next.push_back(r);
        }
        done.insert(done.end(), open.begin(), open.end());
        open = std::move(next);
    }
    done.insert(done.end(), open.begin(), open.end());
    return done;
}

double area(const SDL_Rect& r) { return static_cast<double>(r.w) * r.h; }

SDL_Rect bounding(const SDL_Rect& a, const SDL_Rect& b) {
    const int x0 = std::min(a.x, b.x);
    const int y0 = std::min(a.y, b.y);
    return {x0, y0, std::max(a.x + a.w, b.x + b.w) - x0, std::max(a.y + a.h, b.y + b.h) - y0};
}

/// Joins the two rectangles whose joint box wastes the fewest pixels until at most `most` are
/// left: scattered damage (map points of a new snapshot) costs one pass per rectangle, so a few
/// bigger ones beat many small ones. A joint box may overlap another rectangle; redrawing a pixel
/// twice gives the same pixel.
void coalesce(std::vector<SDL_Rect>& rects, std::size_t most) {
    while (rects.size() > most) {
        std::size_t best_i = 0, best_j = 1;
        double best_waste = -1;
        for (std::size_t i = 0; i < rects.size(); ++i) {
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                const double waste =
                    area(bounding(rects[i], rects[j])) - area(rects[i]) - area(rects[j]);
                if (best_waste < 0 || waste < best_waste) {
                    best_waste = waste;
                    best_i = i;
                    best_j = j;
                }
            }
        }
        rects[best_i] = bounding(rects[best_i], rects[best_j]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(best_j));
    }
}

}  // namespace

std::vector<std::uint64_t> tile_fingerprints(const ImDrawData& data, int width, int height,
                                             int tile) {
    const int cols = (width + tile - 1) / tile;
    const int rows = (height + tile - 1) / tile;
    std::vector<std::uint64_t> tiles(static_cast<std::size_t>(cols) * rows, 0x13198A2E03707344ULL);
    for_each_triangle(data, width, height,
                      [&](const ImDrawCmd&, const PixelBox&, const PixelBox& box, std::uint64_t h) {
                          for (int ty = box.y0 / tile; ty <= (box.y1 - 1) / tile; ++ty) {
                              for (int tx = box.x0 / tile; tx <= (box.x1 - 1) / tile; ++tx) {
                                  auto& t = tiles[static_cast<std::size_t>(ty) * cols + tx];
                                  t = mix(t, h);
                              }
                          }
                      });
    return tiles;
}

RedrawPlan FrameDamage::plan(const ImDrawData& data, bool keeps_pixels) {
    const int width = static_cast<int>(data.DisplaySize.x);
    const int height = static_cast<int>(data.DisplaySize.y);
    std::vector<std::uint64_t> tiles = tile_fingerprints(data, width, height, kTilePx);
    RedrawPlan plan;
    const bool comparable = width == width_ && height == height_ && shown_.size() == tiles.size();
    if (comparable) {
        std::vector<bool> damaged(tiles.size());
        std::size_t count = 0;
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            damaged[i] = tiles[i] != shown_[i];
            count += damaged[i] ? 1 : 0;
        }
        if (count == 0) {
            plan.kind = RedrawPlan::Kind::none;
            plan.damaged_share = 0;
        } else if (keeps_pixels) {
            const int cols = (width + kTilePx - 1) / kTilePx;
            const int rows = (height + kTilePx - 1) / kTilePx;
            plan.rects = merge_tiles(damaged, cols, rows, kTilePx, width, height);
            coalesce(plan.rects, kMaxRects);
            double pixels = 0;
            for (const SDL_Rect& r : plan.rects) pixels += area(r);
            plan.damaged_share = std::min(1.0, pixels / (static_cast<double>(width) * height));
            // Past half the frame one full pass costs less than the passes of the rectangles.
            if (plan.damaged_share <= 0.5) {
                plan.kind = RedrawPlan::Kind::partial;
            } else {
                plan.rects.clear();
                plan.damaged_share = 1.0;
            }
        }
    }
    width_ = width;
    height_ = height;
    shown_ = std::move(tiles);
    return plan;
}

void rasterise_rects(SDL_Renderer* renderer, ImDrawData& data, ImU32 clear,
                     const std::vector<SDL_Rect>& rects, const GlyphSource& glyphs) {
    const int width = static_cast<int>(data.DisplaySize.x);
    const int height = static_cast<int>(data.DisplaySize.y);
    const ImVec2 off = data.DisplayPos;
    // Each command's clip and the box of its triangles, so a rectangle's pass hands SDL only the
    // commands that can reach it.
    struct Saved {
        ImDrawCmd* cmd;
        ImVec4 clip;
        PixelBox pixels;
        PixelBox reach;
    };
    std::vector<Saved> saved;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        for (ImDrawCmd& cmd : data.CmdLists[n]->CmdBuffer) {
            if (cmd.UserCallback) continue;
            saved.push_back({&cmd, cmd.ClipRect, pixel_clip(cmd.ClipRect, off, width, height),
                             PixelBox{width, height, 0, 0}});
        }
    }
    std::size_t next = 0;
    for_each_triangle(
        data, width, height,
        [&](const ImDrawCmd& cmd, const PixelBox&, const PixelBox& box, std::uint64_t) {
            while (saved[next].cmd != &cmd) ++next;
            PixelBox& r = saved[next].reach;
            r = {std::min(r.x0, box.x0), std::min(r.y0, box.y0), std::max(r.x1, box.x1),
                 std::max(r.y1, box.y1)};
        });
    for (const SDL_Rect& rect : rects) {
        const PixelBox damage{rect.x, rect.y, rect.x + rect.w, rect.y + rect.h};
        SDL_RenderSetClipRect(renderer, &rect);
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(renderer, clear & 0xFF, (clear >> 8) & 0xFF, (clear >> 16) & 0xFF,
                               255);
        SDL_RenderFillRect(renderer, &rect);
        for (Saved& s : saved) {
            const PixelBox cut = intersect(s.pixels, damage);
            if (cut.empty() || intersect(s.reach, damage).empty()) {
                s.cmd->ClipRect = ImVec4(0, 0, 0, 0);  // the backend skips an empty clip
            } else {
                s.cmd->ClipRect =
                    ImVec4(static_cast<float>(cut.x0) + off.x, static_cast<float>(cut.y0) + off.y,
                           static_cast<float>(cut.x1) + off.x, static_cast<float>(cut.y1) + off.y);
            }
        }
        draw_imgui_data(renderer, data, glyphs);
    }
    for (const Saved& s : saved) s.cmd->ClipRect = s.clip;
    SDL_RenderSetClipRect(renderer, nullptr);
}

}  // namespace tsur::display
