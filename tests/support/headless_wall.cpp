// Loads the wall's static assets once per HeadlessWall; frames reuse the ImGui session so a
// long run exercises the same allocations the real render loop does.
#include "support/headless_wall.hpp"

#include <optional>
#include <stdexcept>
#include <utility>

#include "display/overview_layout.hpp"
#include "display/strings.hpp"
#include "support/paths.hpp"

namespace tsur::test {

namespace {

app::WallAssets load_assets() {
    auto loaded = app::load_wall_assets(source_dir(), "RU-UD");
    if (!loaded) throw std::runtime_error("wall assets: " + loaded.error());
    return loaded.take();
}

app::FramePlan overview_plan(const config::Layout& layout, int width, int height) {
    auto plan = app::plan_frame(layout, true, width, height, std::nullopt);
    if (!plan) throw std::runtime_error("frame plan: " + plan.error());
    return plan.take();
}

}  // namespace

HeadlessWall::HeadlessWall(int width, int height)
    : width_(width),
      height_(height),
      assets_(load_assets()),
      layout_(display::overview_layout()),
      plan_(overview_plan(layout_, width, height)),
      target_(width, height),
      session_(
          std::make_unique<display::ImGuiSession>(target_.raster(), assets_.fonts, plan_.type)) {}

display::Image HeadlessWall::render(const model::Snapshot* snapshot,
                                    const display::WallStatus& status, model::TimePoint now,
                                    display::GlyphTally* glyphs) {
    // Borrowed, not owned: the caller's snapshot outlives the frame.
    frame_ = compose_test_frame(layout_, plan_, model::SnapshotPtr(model::SnapshotPtr(), snapshot),
                                now, status, assets_.assets);
    app::draw_composed_frame(*session_, frame_, plan_, 1.0f / 60.0f);
    app::draw_composed_frame(*session_, frame_, plan_, 1.0f / 60.0f, nullptr, glyphs);
    return target_.capture();
}

app::ComposedFrame compose_test_frame(const config::Layout& layout, const app::FramePlan& plan,
                                      model::SnapshotPtr snapshot, model::TimePoint now,
                                      const display::WallStatus& status,
                                      const display::Assets& assets,
                                      const app::FreezeView& freeze) {
    app::FrameState state;
    state.layout = &layout;
    state.plan = &plan;
    state.snapshot = std::move(snapshot);
    state.now = now;
    state.playlist_now = now;
    state.utc_offset = model::utc_offset_of(assets.region.get());
    state.live_status = status;
    state.freeze = freeze;
    state.strings = &display::strings_for(display::Language::ru);
    state.assets = &assets;
    // Fails only on a named screen, which no caller passes.
    return app::compose_frame(state).take();
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
