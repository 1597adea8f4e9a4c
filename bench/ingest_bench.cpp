// Ingest cost: feed v1 body -> parse + validate -> immutable snapshot (SLA rules, aggregates,
// deadline index), for 1k, 10k and 100k incidents. Target: 100k in at most 0.5 s on one core.
#include <benchmark/benchmark.h>

#include "bench/bench_data.hpp"
#include "model/snapshot.hpp"
#include "formats/feed_parser.hpp"

namespace {

using tsur::bench::feed_json;
using tsur::bench::wall_assets;

void set_counters(benchmark::State& state, std::size_t body_bytes, std::size_t incidents) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body_bytes));
    state.counters["incidents"] = static_cast<double>(incidents);
    state.counters["body_MB"] = static_cast<double>(body_bytes) / 1e6;
}

void BM_Ingest(benchmark::State& state) {
    const auto& body = feed_json(static_cast<std::size_t>(state.range(0)));
    const auto& wa = wall_assets();
    std::size_t incidents = 0;
    for (auto _ : state) {
        auto doc = tsur::net::parse_feed_v1(body, *wa.assets.region);
        if (!doc) {
            state.SkipWithError(doc.error().c_str());
            return;
        }
        auto snap =
            tsur::model::build_snapshot(std::move(doc.value()), wa.assets.region, *wa.rules);
        incidents = snap->incidents.size();
        benchmark::DoNotOptimize(snap);
    }
    set_counters(state, body.size(), incidents);
}

// The two halves separately, to see which one dominates.
void BM_ParseOnly(benchmark::State& state) {
    const auto& body = feed_json(static_cast<std::size_t>(state.range(0)));
    const auto& wa = wall_assets();
    std::size_t incidents = 0;
    for (auto _ : state) {
        auto doc = tsur::net::parse_feed_v1(body, *wa.assets.region);
        incidents = doc ? doc.value().incidents.size() : 0;
        benchmark::DoNotOptimize(doc);
    }
    set_counters(state, body.size(), incidents);
}

void BM_BuildSnapshotOnly(benchmark::State& state) {
    const auto& body = feed_json(static_cast<std::size_t>(state.range(0)));
    const auto& wa = wall_assets();
    auto parsed = tsur::net::parse_feed_v1(body, *wa.assets.region);
    if (!parsed) {
        state.SkipWithError(parsed.error().c_str());
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto doc = parsed.value();
        state.ResumeTiming();
        auto snap = tsur::model::build_snapshot(std::move(doc), wa.assets.region, *wa.rules);
        benchmark::DoNotOptimize(snap);
    }
    set_counters(state, body.size(), parsed.value().incidents.size());
}

BENCHMARK(BM_Ingest)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseOnly)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildSnapshotOnly)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
