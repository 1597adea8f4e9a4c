// Frame cost of the overview at 3840x2160: the CPU work of building one frame (ImGui NewFrame +
// draw_screen + ImGui::Render, no rasteriser) for 1k-100k incidents, and the full software-rendered
// frame for reference. Target: frame build at most 4 ms at 50k incidents.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>

#include <imgui.h>

#include "bench/bench_data.hpp"
#include "bench/cpu_only_imgui.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/map/map_memo.hpp"
#include "display/overview_layout.hpp"
#include "model/snapshot.hpp"

namespace {

constexpr int kWidth = 3840;
constexpr int kHeight = 2160;

using tsur::bench::bench_now;
using tsur::bench::wall_assets;
using tsur::bench::snapshot_of;
using tsur::bench::CpuOnlyImGui;

/// Frame inputs as the wall builds them for the built-in overview; `now` moves by the minute.
struct Scene {
    tsur::config::Layout layout = tsur::display::overview_layout();
    tsur::display::WallStatus status;
    tsur::display::FrameInputs in;

    Scene(const tsur::model::Snapshot& snap, const tsur::display::FontSet& fonts) {
        status.has_data = true;
        in.snapshot = &snap;
        in.screen = &layout.screens.front();
        in.canvas = tsur::display::Rect{0, 0, static_cast<float>(kWidth), static_cast<float>(kHeight)};
        in.viewport = in.canvas;
        in.gap_px = fonts.px(tsur::display::TextRole::small) * 0.4f;
        in.status = &status;
        in.theme = &tsur::display::dark_theme();
        in.strings = &tsur::display::strings_for(tsur::display::Language::ru);
        in.assets = &wall_assets().assets;
        set_minute(0);
    }
    void set_minute(std::int64_t minute) {
        in.now = bench_now() + std::chrono::minutes(minute % 60);
        in.anim_seconds = static_cast<double>(in.now.time_since_epoch().count());
    }
};

/// One frame build; with `memo`, per-snapshot map data is kept as the wall's render loop keeps it.
void build_frames(benchmark::State& state, bool fresh_snapshot_each_frame) {
    const auto snap = snapshot_of(static_cast<std::size_t>(state.range(0)));
    CpuOnlyImGui imgui(kWidth, kHeight);
    Scene scene(*snap, imgui.fonts());
    auto memo = std::make_unique<tsur::display::MapMemo>();
    std::int64_t minute = 0;
    for (auto _ : state) {
        // A new memo stands for the first frame after a poll brought a new snapshot.
        if (fresh_snapshot_each_frame) memo = std::make_unique<tsur::display::MapMemo>();
        scene.in.map_memo = memo.get();
        scene.set_minute(minute++);
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        tsur::display::draw_screen(ImGui::GetBackgroundDrawList(), imgui.fonts(), scene.in);
        ImGui::Render();
        benchmark::DoNotOptimize(ImGui::GetDrawData());
    }
    const ImDrawData* dd = ImGui::GetDrawData();
    state.counters["incidents"] = static_cast<double>(snap->incidents.size());
    state.counters["vertices"] = static_cast<double>(dd->TotalVtxCount);
    state.counters["indices"] = static_cast<double>(dd->TotalIdxCount);
}

/// A redraw of the same snapshot (clock, board page): the wall's usual frame.
void BM_FrameBuild(benchmark::State& state) { build_frames(state, false); }

/// The first frame after a new snapshot arrived (every poll with new data).
void BM_FrameBuildNewSnapshot(benchmark::State& state) { build_frames(state, true); }

void BM_FrameSoftwareRendered(benchmark::State& state) {
    const auto snap = snapshot_of(static_cast<std::size_t>(state.range(0)));
    tsur::display::HeadlessTarget target(kWidth, kHeight);
    tsur::display::ImGuiSession session(
        target.renderer(), wall_assets().fonts,
        tsur::display::TypeScale::for_height(static_cast<float>(kHeight)));
    Scene scene(*snap, session.fonts());
    std::int64_t minute = 0;
    for (auto _ : state) {
        scene.set_minute(minute++);
        tsur::display::render_frame(session, scene.in, kWidth, kHeight, 1.0f / 60.0f);
    }
    state.counters["incidents"] = static_cast<double>(snap->incidents.size());
}

BENCHMARK(BM_FrameBuild)
    ->Arg(1000)->Arg(10000)->Arg(50000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameBuildNewSnapshot)
    ->Arg(1000)->Arg(10000)->Arg(50000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameSoftwareRendered)
    ->Arg(1000)->Arg(50000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
