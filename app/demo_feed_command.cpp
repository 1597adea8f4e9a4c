// The standalone demo feed uses the same simulator and handler as --demo, on its own port.
#include "app/demo_feed_command.hpp"

#include <cstdio>

#include "app/wall_assets.hpp"
#include "config/app_config.hpp"
#include "demo/demo_feed.hpp"

namespace tsur::app {

int run_demo_feed(const Options& options) {
    auto loaded = load_wall_assets(find_data_dir(options.assets_dir),
                                   region_of(options, std::string(config::kDefaultRegion)));
    if (!loaded) {
        std::fprintf(stderr, "tsur-wall: %s\n", loaded.error().c_str());
        return 2;
    }
    net::DemoFeedOptions o;
    o.address = options.bind;
    o.port = static_cast<std::uint16_t>(options.port);
    o.simulator.seed = options.seed;
    o.simulator.scale = options.demo_scale;
    o.simulator.boundary = net::outer_rings(*loaded.value().assets.geometry);
    return net::run_demo_feed_server(loaded.value().assets.region, o);
}

}  // namespace tsur::app
