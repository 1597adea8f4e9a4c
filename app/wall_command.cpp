// `tsur-wall [--demo]`: config, assets, the io runtime and the render loop, in that order. The
// command line wins over the config file for the few settings both can give.
#include "app/wall_command.hpp"

#include <SDL.h>

#include <cstdio>
#include <filesystem>

#include "app/calendar_files.hpp"
#include "app/check_config_command.hpp"
#include "app/frame_plan.hpp"
#include "app/logger.hpp"
#include "app/render_loop.hpp"
#include "app/state_paths.hpp"
#include "app/wall_assets.hpp"
#include "app/wall_runtime.hpp"
#include "sys/private_files.hpp"

namespace tsur::app {
namespace {

// A DRM render node is what any GPU's GL driver opens; with none, GL is Mesa on the CPU.
bool has_gpu_device() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec)) {
        if (entry.path().filename().string().rfind("renderD", 0) == 0) return true;
    }
    return false;
}

}  // namespace

int run_wall(const Options& options) {
    config::AppConfig conf;
    const bool have_config = options.config_path.has_value();
    if (have_config) {
        auto c = load_app_config(*options.config_path);
        if (!c) {
            std::fprintf(stderr, "tsur-wall: %s\n", c.error().c_str());
            return 2;
        }
        conf = c.take();
    } else {
        auto dir = default_state_dir();
        if (!dir) {
            std::fprintf(stderr, "tsur-wall: %s\n", dir.error().c_str());
            return 2;
        }
        conf.cache_dir = dir.value();
    }
    // Refusing to start is better than a cache or history another user can replace (issue 20).
    if (auto safe = net::ensure_private_dir(conf.cache_dir); !safe) {
        std::fprintf(stderr, "tsur-wall: state directory: %s\n", safe.error().c_str());
        return 2;
    }
    if (options.feed) conf.feed.url = *options.feed;
    if (!options.demo && conf.feed.url.empty()) {
        std::fprintf(stderr, "tsur-wall: no feed: give --demo, --feed URL or --config FILE\n");
        return 2;
    }
    Logger log({.min_level = conf.log_level, .journal_prefix = stderr_is_journal()});

    const auto data_dir = find_data_dir(options.assets_dir);
    // The centre's holiday files live beside its config: /etc/tsur-wall/calendars/*.json.
    CentreFiles centre;
    if (have_config) centre.calendar_dir = calendar_dir_for(*options.config_path);
    centre.municipalities = conf.municipalities;
    auto loaded = load_wall_assets(data_dir, region_of(options, conf.region), centre);
    if (!loaded) {
        log.error(loaded.error());
        return 2;
    }
    WallAssets& assets = loaded.value();
    for (const std::string& w : assets.warnings) log.warning(w);
    for (const std::string& w : assets.calendar_problems) log.warning(w);
    if (const auto outlook = model::calendar_outlook(
            assets.rules->calendar(),
            std::chrono::floor<model::Seconds>(std::chrono::system_clock::now()));
        outlook.ending) {
        log.warning(model::describe(outlook) + "; add next year's file (docs/operations.md)");
    }

    const Uint32 wake_event = SDL_RegisterEvents(1);
    RuntimeOptions ro;
    ro.demo = options.demo;
    ro.demo_seed = options.seed;
    ro.demo_scale = options.demo_scale;
    ro.conf = conf;
    if (auto socket = default_control_socket()) {
        ro.control_socket = socket.value().string();
    } else {
        log.warning(socket.error());
    }
    ro.wake = [wake_event] {
        SDL_Event ev{};
        ev.type = wake_event;
        SDL_PushEvent(&ev);
    };
    WallRuntime runtime(assets, std::move(ro), log);
    if (auto started = runtime.start(); !started) {
        log.error(started.error());
        return 2;
    }

    RenderLoopOptions lo;
    lo.wake_event = wake_event;
    lo.language =
        conf.language == config::Language::en ? display::Language::en : display::Language::ru;
    lo.window.fullscreen = conf.display.fullscreen;
    lo.window.display = conf.display.display_index;
    lo.window.gpu_device = has_gpu_device();
    if (options.windowed) {
        lo.window.fullscreen = false;
        lo.window.width = options.windowed->first;
        lo.window.height = options.windowed->second;
    }
    const std::string layout_name = options.layout_path.value_or(conf.layout);
    if (!layout_name.empty()) lo.layout_file = resolve_layout_path(layout_name, data_dir);
    lo.viewport = choose_viewport(options.viewport, conf.display, options.config_path.value_or(""));
    lo.freeze_schedule = conf.freeze_schedule;
    if (conf.status_server.enabled) {
        lo.status_address =
            conf.status_server.address + ":" + std::to_string(conf.status_server.port);
    }
    lo.display = conf.display;
    if (lo.layout_file) {
        if (const std::string ignored = ignored_display_settings(conf.display); !ignored.empty()) {
            log.warning(ignored + " (" + lo.layout_file->string() + ")");
        }
    }
    int code = 0;
    try {
        code = run_render_loop(runtime, assets, log, lo);
    } catch (const std::exception& e) {
        log.error(std::string("display: ") + e.what());
        code = 1;
    }
    runtime.stop();
    return code;
}

}  // namespace tsur::app
