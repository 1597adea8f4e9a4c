// The screenshot goes through the real client (file:// or http[s]://), parser, snapshot builder and
// renderer; only the render target differs from the wall: a software surface instead of a window.
#include "app/screenshot_command.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <filesystem>

#include "app/file_io.hpp"
#include "app/wall_assets.hpp"
#include "app/wall_status.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "net/demo_feed.hpp"
#include "net/feed_client.hpp"
#include "net/feed_parser.hpp"

namespace tsur::app {
namespace {

std::string to_url(const std::string& feed) {
    if (feed.find("://") != std::string::npos) return feed;
    return "file://" + std::filesystem::absolute(feed).lexically_normal().string();
}

}  // namespace

int run_screenshot(const Options& options) {
    const auto data_dir = find_data_dir(options.assets_dir);
    auto loaded = load_wall_assets(data_dir, "RU-UD");
    if (!loaded) {
        std::fprintf(stderr, "tsur-wall: %s\n", loaded.error().c_str());
        return 2;
    }
    WallAssets& wa = loaded.value();

    boost::asio::io_context io;
    net::SnapshotStore store;
    net::FeedStats stats;
    model::ServerClock clock;
    net::FeedClientConfig cfg;
    std::unique_ptr<net::DemoFeedServer> demo;
    if (options.feed) {
        cfg.url = to_url(*options.feed);
    } else {
        net::DemoFeedOptions demo_options;
        demo_options.simulator.seed = options.seed;
        demo_options.simulator.scale = options.demo_scale;
        demo_options.simulator.boundary = net::outer_rings(*wa.assets.geometry);
        if (options.at) {
            const auto at = model::parse_rfc3339(*options.at);
            if (at) demo_options.clock = [t = *at] { return t; };
        }
        demo = std::make_unique<net::DemoFeedServer>(io, wa.assets.region, demo_options);
        auto port = demo->start();
        if (!port) {
            std::fprintf(stderr, "tsur-wall: demo feed: %s\n", port.error().c_str());
            return 1;
        }
        cfg.url = net::feed_v1_url(demo->base_url(), wa.assets.region->code);
    }
    cfg.version = TSUR_VERSION;
    auto region = wa.assets.region;
    net::FeedClient client(
        io, cfg, [region](std::string_view body) { return net::parse_feed_v1(body, *region); },
        region, wa.rules, store, stats, clock);
    net::PollOutcome outcome;
    client.fetch_once([&](const net::PollOutcome& o) {
        outcome = o;
        if (demo) demo->stop();
    });
    io.run();
    const auto published = store.current_published();
    if (!published || !published->snapshot) {
        std::fprintf(stderr, "tsur-wall: %s: %s\n", cfg.url.c_str(),
                     outcome.message.empty() ? outcome.result.c_str() : outcome.message.c_str());
        return 1;
    }
    const model::Snapshot& snap = *published->snapshot;

    model::TimePoint now = snap.as_of;
    if (options.at) {
        auto at = model::parse_rfc3339(*options.at);
        if (!at) {
            std::fprintf(stderr, "tsur-wall: --at: expected an RFC 3339 time, got \"%s\"\n",
                         options.at->c_str());
            return 2;
        }
        now = *at;
    }

    const config::Layout layout = display::overview_layout();
    const display::WallStatus status =
        wall_status(published.get(), 0, {}, now, std::chrono::duration_cast<model::Seconds>(cfg.poll_interval));
    display::HeadlessTarget target(options.width, options.height);
    display::ImGuiSession session(target.renderer(), wa.fonts,
                                  display::TypeScale::for_height(static_cast<float>(options.height)));
    display::FrameInputs in;
    in.snapshot = &snap;
    in.screen = &layout.screens.front();
    in.canvas = display::Rect{0, 0, static_cast<float>(options.width),
                              static_cast<float>(options.height)};
    in.viewport = in.canvas;
    in.gap_px = session.fonts().px(display::TextRole::small) * 0.4f;
    in.now = now;
    in.anim_seconds = static_cast<double>(now.time_since_epoch().count());
    in.status = &status;
    in.theme = &display::dark_theme();
    in.strings = &display::strings_for(display::Language::ru);
    in.assets = &wa.assets;
    // ImGui hides auto-sized windows on their first frame; two frames make the capture stable.
    for (int i = 0; i < 2; ++i) {
        display::render_frame(session, in, options.width, options.height, 1.0f / 60.0f);
    }
    const auto png = display::encode_png(target.capture());
    auto written = write_file_atomic(options.output, png);
    if (!written) {
        std::fprintf(stderr, "tsur-wall: %s\n", written.error().c_str());
        return 1;
    }
    std::fprintf(stderr, "tsur-wall: wrote %s (%dx%d, %zu incidents, as_of %s)\n",
                 options.output.c_str(), options.width, options.height, snap.incidents.size(),
                 model::format_rfc3339(snap.as_of).c_str());
    return 0;
}

}  // namespace tsur::app
