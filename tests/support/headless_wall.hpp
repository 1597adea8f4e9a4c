// The wall drawn off-screen for robustness tests: the shipped overview layout, the Udmurt assets
// and DejaVu fonts, composed and rendered by the same functions as the real wall.
#pragma once

#include <memory>

#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/wall_assets.hpp"
#include "config/layout.hpp"
#include "display/frame_context.hpp"
#include "display/headless_target.hpp"
#include "display/image.hpp"
#include "display/imgui_session.hpp"
#include "model/snapshot.hpp"

namespace tsur::test {

/// One headless screen of `width` x `height` kept across frames (as the wall keeps its session).
/// Render thread only; one per test.
class HeadlessWall {
public:
    HeadlessWall(int width, int height);

    /// Draws two frames (ImGui hides auto-sized windows on the first) and captures the second.
    /// `glyphs`, when given, receives the '?' fallbacks of the captured frame.
    display::Image render(const model::Snapshot* snapshot, const display::WallStatus& status,
                          model::TimePoint now, display::GlyphTally* glyphs = nullptr);

    /// What the last render() composed: screen, snapshot, status (as the wall would report).
    const app::ComposedFrame& last_frame() const { return frame_; }

    /// The region the assets hold, for parsers and build_snapshot.
    std::shared_ptr<const model::Region> region() const { return assets_.assets.region; }
    const model::SlaRules& rules() const { return *assets_.rules; }

private:
    int width_;
    int height_;
    app::WallAssets assets_;
    config::Layout layout_;
    app::FramePlan plan_;
    app::ComposedFrame frame_;
    display::HeadlessTarget target_;
    std::unique_ptr<display::ImGuiSession> session_;
};

/// A test's frame as the live wall decides it: app::compose_frame() of `layout` on `plan`, with
/// `snapshot` at `now` (the playlist's clock too), the feed's `status`, `freeze` and Russian text.
app::ComposedFrame compose_test_frame(const config::Layout& layout, const app::FramePlan& plan,
                                      model::SnapshotPtr snapshot, model::TimePoint now,
                                      const display::WallStatus& status,
                                      const display::Assets& assets,
                                      const app::FreezeView& freeze = {});

/// Pixels that differ from the top-left pixel (the background): a blank frame has none.
std::size_t non_background_pixels(const display::Image& image);

}  // namespace tsur::test
