// The screenshot goes through the real client (file:// or http[s]://), parser, snapshot builder,
// frame composer and renderer; only the render target differs from the wall: a software surface
// instead of a window.
#include "app/screenshot_command.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <filesystem>

#include "app/calendar_files.hpp"
#include "app/check_config_command.hpp"
#include "app/feed_source.hpp"
#include "app/file_io.hpp"
#include "app/frame_composer.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "app/scene_json.hpp"
#include "app/wall_assets.hpp"
#include "app/wall_status.hpp"
#include "config/app_config.hpp"
#include "config/freeze_schedule.hpp"
#include "config/layout_parser.hpp"
#include "demo/demo_feed.hpp"
#include "display/headless_target.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "feed/feed_client.hpp"
#include "sys/private_files.hpp"

namespace tsur::app {
namespace {

std::string to_url(const std::string& feed) {
    if (feed.find("://") != std::string::npos) return feed;
    return "file://" + std::filesystem::absolute(feed).lexically_normal().string();
}

// A screenshot is the operator's record of what the wall showed: it gets the one durable write
// of the program, readable by others like any file a person asks for.
model::Result<std::uint64_t> write_output(const std::filesystem::path& path,
                                          const std::vector<std::uint8_t>& bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return net::replace_file_durably(path, {text}, net::FileAccess::shared);
}

int fail(const std::string& message, int code) {
    std::fprintf(stderr, "tsur-wall: %s\n", message.c_str());
    return code;
}

// The layout the wall would show: --layout, else the config's, else the built-in overview.
model::Result<std::shared_ptr<const config::Layout>> screenshot_layout(
    const std::optional<std::string>& name, const std::filesystem::path& data_dir) {
    if (!name) return std::make_shared<const config::Layout>(display::overview_layout());
    const auto path = resolve_layout_path(*name, data_dir);
    auto text = read_text_file(path);
    if (!text) return model::Error{text.error()};
    const auto types = widget_type_names();
    auto parsed = config::parse_layout(text.value(), path.string(), types);
    if (!parsed) return model::Error{parsed.error()};
    return std::make_shared<const config::Layout>(parsed.take());
}

}  // namespace

int run_screenshot(const Options& options, ScreenshotReport* report) {
    // --config gives the picture the configured wall would show: its region, feed, layout,
    // language, panels, viewing distance and freeze schedule (the command line still wins).
    config::AppConfig conf;
    if (options.config_path) {
        auto c = load_app_config(*options.config_path);
        if (!c) return fail(c.error(), 2);
        conf = c.take();
    }
    if (options.feed) conf.feed.url = to_url(*options.feed);
    std::optional<model::TimePoint> at;
    if (options.at) {
        at = model::parse_rfc3339(*options.at);
        if (!at) return fail("--at: expected an RFC 3339 time, got \"" + *options.at + "\"", 2);
    }
    const std::optional<std::string> layout_name =
        options.layout_path
            ? options.layout_path
            : (conf.layout.empty() ? std::nullopt : std::optional<std::string>(conf.layout));
    const auto data_dir = find_data_dir(options.assets_dir);
    CentreFiles centre;
    if (options.config_path) centre.calendar_dir = calendar_dir_for(*options.config_path);
    centre.municipalities = conf.municipalities;
    auto loaded = load_wall_assets(data_dir, region_of(options, conf.region), centre);
    if (!loaded) return fail(loaded.error(), 2);
    WallAssets& wa = loaded.value();
    for (const std::string& w : wa.warnings) std::fprintf(stderr, "tsur-wall: %s\n", w.c_str());

    boost::asio::io_context io;
    net::SnapshotStore store;
    net::FeedStats stats;
    model::ServerClock clock;
    net::FeedClientConfig cfg;
    std::unique_ptr<net::DemoFeedServer> demo;
    auto region = wa.assets.region;
    FeedParserFn parser = v1_parser(region);
    if (options.demo || conf.feed.url.empty()) {
        net::DemoFeedOptions demo_options;
        demo_options.simulator.seed = options.seed;
        demo_options.simulator.scale = options.demo_scale;
        demo_options.simulator.boundary = net::outer_rings(*wa.assets.geometry);
        if (at) demo_options.clock = [t = *at] { return t; };
        demo = std::make_unique<net::DemoFeedServer>(io, region, demo_options);
        auto port = demo->start();
        if (!port) return fail("demo feed: " + port.error(), 1);
        cfg.url = net::feed_v1_url(demo->base_url(), region->code);
    } else {
        Logger log({.min_level = conf.log_level});
        auto source = configured_feed_source(wa, conf.feed, log);
        if (!source) return fail(source.error(), 2);
        cfg.url = source.value().url;
        cfg.plan = source.value().plan;
        cfg.describe_error = source.value().describe_error;
        cfg.token_file = conf.feed.token_file;
        cfg.insecure = conf.feed.insecure;
        cfg.ca_file = conf.feed.ca_file ? conf.feed.ca_file->string() : std::string();
        parser = source.value().parser;
    }
    cfg.version = TSUR_VERSION;
    // A picture at a chosen instant (--at, or the document's own as_of) caches nothing and keeps
    // no server time, so a document from the future is what it was asked to draw.
    cfg.max_server_ahead = std::nullopt;
    net::FeedClient client(io, cfg, make_ingest(std::move(parser), region, wa.rules), store, stats,
                           clock);
    net::PollOutcome outcome;
    client.fetch_once([&](const net::PollOutcome& o) {
        outcome = o;
        if (demo) demo->stop();
    });
    io.run();
    const auto published = store.current_published();
    if (!published || !published->snapshot) {
        return fail(cfg.url + ": " +
                        (outcome.message.empty() ? std::string(net::id_of(outcome.result))
                                                 : outcome.message),
                    1);
    }
    const model::Snapshot& snap = *published->snapshot;
    const model::TimePoint now = at.value_or(snap.as_of);

    // A layout file brings its own canvas (--size is then ignored); the overview fills --size.
    auto layout = screenshot_layout(layout_name, data_dir);
    if (!layout) return fail(layout.error(), 2);
    const bool builtin = !layout_name;
    if (!builtin) {
        if (const std::string ignored = ignored_display_settings(conf.display); !ignored.empty()) {
            std::fprintf(stderr, "tsur-wall: %s\n", ignored.c_str());
        }
    }
    // A screenshot pictures the whole canvas unless --viewport asks for a part: the config's
    // display.viewport is the share of one PC of the live wall.
    auto plan =
        plan_frame(*layout.value(), builtin, options.width, options.height,
                   choose_viewport(options.viewport, config::DisplaySettings{}, ""), conf.display);
    if (!plan) return fail(plan.error(), 2);

    FrameState state;
    state.layout = layout.value().get();
    state.plan = &plan.value();
    state.snapshot = published->snapshot;
    state.now = now;
    state.playlist_now = now;
    state.utc_offset = region->utc_offset;
    state.live_status = wall_status(published.get(), {}, now,
                                    std::chrono::duration_cast<model::Seconds>(cfg.poll_interval));
    // A briefing scheduled at this instant holds the data as it was when the window opened;
    // the picture holds this document (the wall would have frozen on the one it then had).
    if (config::frozen_by_schedule(conf.freeze_schedule, now, region->utc_offset)) {
        state.freeze = FreezeView{true, true, published->snapshot, now, {}};
    }
    state.screen = options.screen;
    state.strings = &display::strings_for(
        conf.language == config::Language::en ? display::Language::en : display::Language::ru);
    state.assets = &wa.assets;
    auto frame = compose_frame(state);
    if (!frame) return fail(frame.error(), 2);

    const int out_w = plan.value().viewport.output_width;
    const int out_h = plan.value().viewport.output_height;
    display::HeadlessTarget target(out_w, out_h);
    display::ImGuiSession session(target.raster(), wa.fonts, plan.value().type);
    // ImGui hides auto-sized windows on their first frame; two frames make the capture stable.
    display::SceneReport scene;
    for (int i = 0; i < 2; ++i) {
        draw_composed_frame(session, frame.value(), plan.value(), 1.0f / 60.0f, nullptr, nullptr,
                            i == 1 && options.scene ? &scene : nullptr);
    }
    if (options.scene) {
        auto json = write_output(*options.scene, scene_json_bytes(scene));
        if (!json) {
            std::fprintf(stderr, "tsur-wall: %s\n", json.error().c_str());
            return 1;
        }
    }
    const auto png = display::encode_png(target.capture());
    auto written = write_output(options.output, png);
    if (!written) return fail(written.error(), 1);
    ScreenshotReport r;
    r.feed = demo ? "demo" : std::string(config::feed_kind_id(conf.feed.type));
    r.url = cfg.url;
    r.layout = layout_name.value_or("");
    r.screen = frame.value().screen ? frame.value().screen->id : "";
    r.language = conf.language;
    r.incidents = snap.incidents.size();
    r.mode = frame.value().status.mode;
    r.width = out_w;
    r.height = out_h;
    std::fprintf(stderr,
                 "tsur-wall: wrote %s (%dx%d, %s feed, %zu incidents, as_of %s, layout %s, "
                 "screen %s, language %s%s)\n",
                 options.output.c_str(), out_w, out_h, r.feed.c_str(), r.incidents,
                 model::format_rfc3339(snap.as_of).c_str(),
                 r.layout.empty() ? "built-in overview" : r.layout.c_str(), r.screen.c_str(),
                 r.language == config::Language::en ? "en" : "ru",
                 r.mode == display::WallStatus::Mode::frozen ? ", frozen" : "");
    if (report) *report = std::move(r);
    return 0;
}

}  // namespace tsur::app
