// Loads the wall's static assets once per HeadlessWall; frames reuse the ImGui session so a
// long run exercises the same allocations the real render loop does.
#include "support/headless_wall.hpp"

#include <stdexcept>

#include "display/frame_builder.hpp"
#include "display/overview_layout.hpp"
#include "display/strings.hpp"
#include "display/theme.hpp"
#include "support/paths.hpp"

namespace tsur::test {

namespace {

app::WallAssets load_assets() {
    auto loaded = app::load_wall_assets(source_dir(), "RU-UD");
    if (!loaded) throw std::runtime_error("wall assets: " + loaded.error());
    return loaded.take();
}

}  // namespace

HeadlessWall::HeadlessWall(int width, int height)
    : width_(width),
      height_(height),
      assets_(load_assets()),
      layout_(display::overview_layout()),
      target_(width, height),
      session_(std::make_unique<display::ImGuiSession>(
          target_.renderer(), assets_.fonts,
          display::TypeScale::for_height(static_cast<float>(height)))) {}

display::Image HeadlessWall::render(const model::Snapshot* snapshot,
                                    const display::WallStatus& status, model::TimePoint now,
                                    display::GlyphTally* glyphs) {
    display::FrameInputs in;
    in.snapshot = snapshot;
    in.screen = &layout_.screens.front();
    in.canvas = display::Rect{0, 0, static_cast<float>(width_), static_cast<float>(height_)};
    in.viewport = in.canvas;
    in.gap_px = session_->fonts().px(display::TextRole::small) * 0.4f;
    in.now = now;
    in.anim_seconds = static_cast<double>(now.time_since_epoch().count());
    in.status = &status;
    in.theme = &display::dark_theme();
    in.strings = &display::strings_for(display::Language::ru);
    in.assets = &assets_.assets;
    display::render_frame(*session_, in, width_, height_, 1.0f / 60.0f);
    in.glyphs = glyphs;
    display::render_frame(*session_, in, width_, height_, 1.0f / 60.0f);
    return target_.capture();
}

std::size_t non_background_pixels(const display::Image& image) {
    std::size_t n = 0;
    for (std::size_t i = 4; i + 3 < image.rgba.size(); i += 4) {
        if (image.rgba[i] != image.rgba[0] || image.rgba[i + 1] != image.rgba[1] ||
            image.rgba[i + 2] != image.rgba[2]) {
            ++n;
        }
    }
    return n;
}

}  // namespace tsur::test
