// CPU cost of the incident map at 3840x2160: ImGui NewFrame + draw_map + ImGui::Render (draw
// lists built, nothing rasterised) for 1k-100k incidents. Target: at most 4 ms at 50k.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

#include <imgui.h>

#include "bench/bench_data.hpp"
#include "bench/cpu_only_imgui.hpp"
#include "display/map/map_widget.hpp"
#include "model/snapshot.hpp"

namespace {

constexpr int kWidth = 3840;
constexpr int kHeight = 2160;

using tsur::bench::bench_now;
using tsur::bench::CpuOnlyImGui;
using tsur::bench::snapshot_of;
using tsur::bench::wall_assets;

void BM_MapDrawLists(benchmark::State& state) {
    const auto snap = snapshot_of(static_cast<std::size_t>(state.range(0)));
    CpuOnlyImGui imgui(kWidth, kHeight);
    tsur::display::WallStatus status;
    status.has_data = true;
    const tsur::config::WidgetSpec spec;
    tsur::display::FrameContext ctx;
    ctx.rect = tsur::display::Rect{0, 0, static_cast<float>(kWidth), static_cast<float>(kHeight)};
    ctx.theme = &tsur::display::dark_theme();
    ctx.fonts = &imgui.fonts();
    ctx.strings = &tsur::display::strings_for(tsur::display::Language::ru);
    ctx.assets = &wall_assets().assets;
    ctx.status = &status;
    std::int64_t second = 0;
    for (auto _ : state) {
        // A new instant each frame: the overdue flags and the pulse are recomputed.
        ctx.now = bench_now() + std::chrono::seconds(second);
        ctx.anim_seconds = static_cast<double>(second++) * 0.25;
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ctx.draw = ImGui::GetBackgroundDrawList();
        tsur::display::draw_map(snap.get(), spec, ctx);
        ImGui::Render();
        benchmark::DoNotOptimize(ImGui::GetDrawData());
    }
    const ImDrawData* dd = ImGui::GetDrawData();
    state.counters["incidents"] = static_cast<double>(snap->incidents.size());
    state.counters["vertices"] = static_cast<double>(dd->TotalVtxCount);
}

BENCHMARK(BM_MapDrawLists)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(100000)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
