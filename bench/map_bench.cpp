// CPU cost of the incident map at 3840x2160: ImGui NewFrame + draw_map + ImGui::Render (draw
// lists built, nothing rasterised) for 1k-100k incidents. Target: at most 4 ms at 50k.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

#include <imgui.h>

#include "bench/bench_data.hpp"
#include "display/map_widget.hpp"
#include "model/snapshot.hpp"

namespace {

constexpr int kWidth = 3840;
constexpr int kHeight = 2160;

using tsur::bench::bench_now;
using tsur::bench::wall_assets;

/// A snapshot of exactly `n` incidents from the demo simulator (stride-thinned so the mix of
/// statuses, sectors and places stays the simulation's), cached per n.
tsur::model::SnapshotPtr snapshot_of(std::size_t n) {
    static std::map<std::size_t, tsur::model::SnapshotPtr> cache;
    if (auto it = cache.find(n); it != cache.end()) return it->second;
    const auto& wa = wall_assets();
    auto doc = tsur::bench::make_simulator(tsur::bench::scale_for(n)).generate(bench_now());
    if (doc.incidents.size() > n) {
        std::vector<tsur::model::Incident> kept;
        kept.reserve(n);
        const double step = static_cast<double>(doc.incidents.size()) / static_cast<double>(n);
        for (std::size_t i = 0; i < n; ++i) {
            kept.push_back(
                std::move(doc.incidents[static_cast<std::size_t>(static_cast<double>(i) * step)]));
        }
        doc.incidents = std::move(kept);
    }
    auto snap = tsur::model::build_snapshot(std::move(doc), wa.assets.region, *wa.rules);
    return cache.emplace(n, snap).first->second;
}

/// An ImGui context with the wall's fonts and no renderer backend, styled like the wall's.
class CpuOnlyImGui {
public:
    CpuOnlyImGui() : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        fonts_ = tsur::display::build_fonts(
            *io.Fonts, wall_assets().fonts,
            tsur::display::TypeScale::for_height(static_cast<float>(kHeight)));
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.DisplaySize = ImVec2(static_cast<float>(kWidth), static_cast<float>(kHeight));
        ImGui::GetStyle().AntiAliasedFill = true;
        ImGui::GetStyle().AntiAliasedLines = true;
        ImGui::GetStyle().CircleTessellationMaxError = 0.6f;
    }
    ~CpuOnlyImGui() { ImGui::DestroyContext(context_); }
    CpuOnlyImGui(const CpuOnlyImGui&) = delete;
    CpuOnlyImGui& operator=(const CpuOnlyImGui&) = delete;
    const tsur::display::FontSet& fonts() const { return fonts_; }

private:
    ImGuiContext* context_;
    tsur::display::FontSet fonts_;
};

void BM_MapDrawLists(benchmark::State& state) {
    const auto snap = snapshot_of(static_cast<std::size_t>(state.range(0)));
    CpuOnlyImGui imgui;
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
    ->Arg(1000)->Arg(10000)->Arg(50000)->Arg(100000)
    ->Repetitions(7)->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
