// The screenshot goes through the real client (file:// or http[s]://), parser, snapshot builder and
// renderer; only the render target differs from the wall: a software surface instead of a window.
#include "app/screenshot_command.hpp"

#include "app/calendar_files.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <filesystem>

#include "app/check_config_command.hpp"
#include "app/file_io.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "app/scene_json.hpp"
#include "config/layout_parser.hpp"
#include "config/playlist.hpp"
#include "app/wall_assets.hpp"
#include "config/app_config.hpp"
#include "app/wall_status.hpp"
#include "display/frame_builder.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "display/viewport_render.hpp"
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
    // --config gives the picture the configured wall would show: its layout, language, panels
    // and viewing distance (the command line still wins for the layout).
    config::AppConfig conf;
    if (options.config_path) {
        auto c = load_app_config(*options.config_path);
        if (!c) {
            std::fprintf(stderr, "tsur-wall: %s\n", c.error().c_str());
            return 2;
        }
        conf = c.take();
    }
    const std::optional<std::string> layout_name =
        options.layout_path ? options.layout_path
                            : (conf.layout.empty() ? std::nullopt
                                                   : std::optional<std::string>(conf.layout));
    const auto data_dir = find_data_dir(options.assets_dir);
    CentreFiles centre;
    if (options.config_path) centre.calendar_dir = calendar_dir_for(*options.config_path);
    auto loaded =
        load_wall_assets(data_dir, region_of(options, std::string(config::kDefaultRegion)), centre);
    if (!loaded) {
        std::fprintf(stderr, "tsur-wall: %s\n", loaded.error().c_str());
        return 2;
    }
    WallAssets& wa = loaded.value();
    for (const std::string& w : wa.warnings) std::fprintf(stderr, "tsur-wall: %s\n", w.c_str());

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
    // A picture at a chosen instant (--at, or the document's own as_of) caches nothing and keeps
    // no server time, so a document from the future is what it was asked to draw.
    cfg.max_server_ahead = std::nullopt;
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

    // A layout file brings its own canvas (--size is then ignored); the overview fills --size.
    std::shared_ptr<const config::Layout> layout =
        std::make_shared<const config::Layout>(display::overview_layout());
    bool builtin = true;
    if (layout_name) {
        const auto path = resolve_layout_path(*layout_name, data_dir);
        auto text = read_text_file(path);
        if (!text) {
            std::fprintf(stderr, "tsur-wall: %s\n", text.error().c_str());
            return 2;
        }
        const auto types = widget_type_names();
        auto parsed = config::parse_layout(text.value(), path.string(), types);
        if (!parsed) {
            std::fprintf(stderr, "tsur-wall: %s\n", parsed.error().c_str());
            return 2;
        }
        layout = std::make_shared<const config::Layout>(parsed.take());
        builtin = false;
    }
    if (!builtin) {
        if (const std::string ignored = ignored_display_settings(conf.display); !ignored.empty()) {
            std::fprintf(stderr, "tsur-wall: %s\n", ignored.c_str());
        }
    }
    auto plan = plan_frame(*layout, builtin, options.width, options.height, options.viewport,
                           conf.display);
    if (!plan) {
        std::fprintf(stderr, "tsur-wall: %s\n", plan.error().c_str());
        return 2;
    }
    const config::LayoutFrame lf = config::layout_frame(*layout, now, region->utc_offset);
    std::size_t screen_index = lf.screen < layout->screens.size() ? lf.screen : 0;
    if (options.screen) {
        screen_index = layout->screens.size();
        for (std::size_t i = 0; i < layout->screens.size(); ++i) {
            if (layout->screens[i].id == *options.screen) screen_index = i;
        }
        if (screen_index == layout->screens.size()) {
            std::fprintf(stderr, "tsur-wall: --screen: no screen \"%s\" in the layout\n",
                         options.screen->c_str());
            return 2;
        }
    }
    display::WallStatus status = wall_status(
        published.get(), {}, now, std::chrono::duration_cast<model::Seconds>(cfg.poll_interval));
    if (!lf.on && !options.screen) status.mode = display::WallStatus::Mode::off;
    const int out_w = plan.value().viewport.output_width;
    const int out_h = plan.value().viewport.output_height;
    display::HeadlessTarget target(out_w, out_h);
    display::ImGuiSession session(target.renderer(), wa.fonts, plan.value().type);
    const config::Screen& screen = layout->screens[screen_index];
    const bool off = status.mode == display::WallStatus::Mode::off;
    display::FrameInputs in;
    in.snapshot = off ? nullptr : &snap;
    in.screen = off ? nullptr : &screen;
    in.canvas = display::canvas_rect(plan.value().geometry);
    in.gap_px = display::cell_gap_px(plan.value().geometry, screen, plan.value().type.px[0] * 0.4f);
    in.now = now;
    in.anim_seconds = static_cast<double>(now.time_since_epoch().count());
    in.status = &status;
    in.theme = &display::dark_theme();
    in.strings = &display::strings_for(conf.language == config::Language::en
                                           ? display::Language::en
                                           : display::Language::ru);
    in.assets = &wa.assets;
    // ImGui hides auto-sized windows on their first frame; two frames make the capture stable.
    display::SceneReport scene;
    for (int i = 0; i < 2; ++i) {
        in.scene = i == 1 && options.scene ? &scene : nullptr;
        display::render_viewport(session, in, plan.value().viewport, 1.0f / 60.0f, lf.shift);
    }
    if (options.scene) {
        auto json = write_file_atomic(*options.scene, scene_json_bytes(scene));
        if (!json) {
            std::fprintf(stderr, "tsur-wall: %s\n", json.error().c_str());
            return 1;
        }
    }
    const auto png = display::encode_png(target.capture());
    auto written = write_file_atomic(options.output, png);
    if (!written) {
        std::fprintf(stderr, "tsur-wall: %s\n", written.error().c_str());
        return 1;
    }
    std::fprintf(stderr, "tsur-wall: wrote %s (%dx%d, %zu incidents, as_of %s)\n",
                 options.output.c_str(), out_w, out_h, snap.incidents.size(),
                 model::format_rfc3339(snap.as_of).c_str());
    return 0;
}

}  // namespace tsur::app
