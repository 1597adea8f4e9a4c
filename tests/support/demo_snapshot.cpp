// Same options as the render tests always used, so their pictures stay comparable.
#include "support/demo_snapshot.hpp"

#include "demo/demo_simulator.hpp"

namespace tsur::test {

model::SnapshotPtr demo_snapshot(const app::WallAssets& assets, model::TimePoint at, double scale,
                                 std::uint64_t seed) {
    net::SimulatorOptions options;
    options.seed = seed;
    options.scale = scale;
    options.boundary = net::outer_rings(*assets.assets.geometry);
    const net::DemoSimulator sim(assets.assets.region, options);
    return model::build_snapshot(sim.generate(at), assets.assets.region, *assets.rules);
}

}  // namespace tsur::test
