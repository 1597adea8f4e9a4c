// Shared fixtures of the benchmarks: the wall's assets and demo feeds of an exact incident count.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/wall_assets.hpp"
#include "model/time.hpp"
#include "model/snapshot.hpp"
#include "demo/demo_simulator.hpp"

namespace tsur::bench {

/// The instant every benchmark simulates (the same as the screenshot examples).
inline model::TimePoint bench_now() { return *model::parse_rfc3339("2026-11-23T10:15:00Z"); }

/// Assets of RU-UD, loaded once per process; read-only afterwards, any thread.
inline const app::WallAssets& wall_assets() {
    static const app::WallAssets assets = [] {
        auto loaded = app::load_wall_assets(app::find_data_dir({}), "RU-UD");
        if (!loaded) {
            std::fprintf(stderr, "bench: %s\n", loaded.error().c_str());
            std::exit(2);
        }
        return std::move(loaded.value());
    }();
    return assets;
}

/// A simulator of the demo region at `scale`, points kept inside the outline as in the app.
inline net::DemoSimulator make_simulator(double scale) {
    const auto& wa = wall_assets();
    net::SimulatorOptions options;
    options.scale = scale;
    options.boundary = net::outer_rings(*wa.assets.geometry);
    return net::DemoSimulator(wa.assets.region, options);
}

/// Incidents in the snapshot at scale 1 (open + closed in the last 7 days), measured once.
inline std::size_t incidents_at_scale_one() {
    static const std::size_t count = make_simulator(1.0).generate(bench_now()).incidents.size();
    return count;
}

/// The demo scale whose snapshot holds at least `n` incidents (a little over, then trimmed).
inline double scale_for(std::size_t n) {
    return 1.08 * static_cast<double>(n) / static_cast<double>(incidents_at_scale_one());
}

/// A feed v1 body with exactly `n` incidents (fewer only if the simulator falls short): the
/// simulator's document at scale_for(n), thinned by an even stride so that the mix of statuses,
/// sectors and ages stays that of the simulation. Cached per n.
inline const std::string& feed_json(std::size_t n) {
    static std::map<std::size_t, std::string> cache;
    auto it = cache.find(n);
    if (it != cache.end()) return it->second;
    auto doc = nlohmann::json::parse(make_simulator(scale_for(n)).generate_json(bench_now()));
    auto& all = doc["incidents"];
    if (all.size() > n) {
        nlohmann::json kept = nlohmann::json::array();
        const double step = static_cast<double>(all.size()) / static_cast<double>(n);
        for (std::size_t i = 0; i < n; ++i) {
            kept.push_back(std::move(all[static_cast<std::size_t>(static_cast<double>(i) * step)]));
        }
        all = std::move(kept);
    }
    return cache.emplace(n, doc.dump()).first->second;
}

/// A snapshot of exactly `n` incidents from the simulator's typed document, stride-thinned so
/// the mix of statuses, sectors and places stays the simulation's; cached per n.
inline model::SnapshotPtr snapshot_of(std::size_t n) {
    static std::map<std::size_t, model::SnapshotPtr> cache;
    if (auto it = cache.find(n); it != cache.end()) return it->second;
    const auto& wa = wall_assets();
    auto doc = make_simulator(scale_for(n)).generate(bench_now());
    if (doc.incidents.size() > n) {
        std::vector<model::Incident> kept;
        kept.reserve(n);
        const double step = static_cast<double>(doc.incidents.size()) / static_cast<double>(n);
        for (std::size_t i = 0; i < n; ++i) {
            kept.push_back(
                std::move(doc.incidents[static_cast<std::size_t>(static_cast<double>(i) * step)]));
        }
        doc.incidents = std::move(kept);
    }
    auto snap = model::build_snapshot(std::move(doc), wa.assets.region, *wa.rules);
    return cache.emplace(n, snap).first->second;
}

}  // namespace tsur::bench
