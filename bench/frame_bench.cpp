// Frame cost of the overview at 3840x2160: the CPU work of building one frame (ImGui NewFrame +
// draw_screen + ImGui::Render, no rasteriser) for 1k-100k incidents, and the full software-rendered
// frame for reference. Target: frame build at most 4 ms at 50k incidents.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>

#include <imgui.h>

#include "bench/bench_data.hpp"
#include "app/frame_composer.hpp"
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
using tsur::bench::CpuOnlyImGui;
using tsur::bench::snapshot_of;
using tsur::bench::wall_assets;

/// The overview's frame as the wall composes it (app::compose_frame); `now` moves by the minute.
struct Scene {
    tsur::config::Layout layout = tsur::display::overview_layout();
    tsur::app::FramePlan plan =
        tsur::app::plan_frame(layout, true, kWidth, kHeight, std::nullopt).take();
    tsur::app::FrameState state;
    tsur::app::ComposedFrame frame;
    tsur::display::FrameInputs in;

    explicit Scene(const tsur::model::SnapshotPtr& snap) {
        state.layout = &layout;
        state.plan = &plan;
        state.snapshot = snap;
        state.live_status.has_data = true;
        state.strings = &tsur::display::strings_for(tsur::display::Language::ru);
        state.assets = &wall_assets().assets;
        set_minute(0);
    }
    void set_minute(std::int64_t minute, tsur::display::MapMemo* memo = nullptr) {
        state.now = bench_now() + std::chrono::minutes(minute % 60);
        state.playlist_now = state.now;
        frame = tsur::app::compose_frame(state).take();
        in = frame.inputs(memo);
    }
};

/// One frame build; with `memo`, per-snapshot map data is kept as the wall's render loop keeps it.
void build_frames(benchmark::State& state, bool fresh_snapshot_each_frame) {
    const auto snap = snapshot_of(static_cast<std::size_t>(state.range(0)));
    CpuOnlyImGui imgui(kWidth, kHeight);
    Scene scene(snap);
    auto memo = std::make_unique<tsur::display::MapMemo>();
    std::int64_t minute = 0;
    for (auto _ : state) {
        // A new memo stands for the first frame after a poll brought a new snapshot.
        if (fresh_snapshot_each_frame) memo = std::make_unique<tsur::display::MapMemo>();
        scene.set_minute(minute++, memo.get());
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
    Scene scene(snap);
    tsur::display::ImGuiSession session(target.raster(), wall_assets().fonts, scene.plan.type);
    std::int64_t minute = 0;
    for (auto _ : state) {
        scene.set_minute(minute++);
        tsur::app::draw_composed_frame(session, scene.frame, scene.plan, 1.0f / 60.0f);
    }
    state.counters["incidents"] = static_cast<double>(snap->incidents.size());
}

BENCHMARK(BM_FrameBuild)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameBuildNewSnapshot)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameSoftwareRendered)
    ->Arg(1000)
    ->Arg(50000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
