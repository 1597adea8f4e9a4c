// Wiring of the running wall. The main thread owns SDL and ImGui; the io thread owns the feed
// client and servers; they meet only at the SnapshotStore (an atomic pointer) and an SDL user
// event that wakes the main thread when a snapshot is published.
#include "app/wall_command.hpp"

#include <SDL.h>
#include <malloc.h>
#include <systemd/sd-daemon.h>

#include <cstdio>
#include <memory>

#include "app/io_thread.hpp"
#include "app/redraw_schedule.hpp"
#include "app/state_paths.hpp"
#include "app/wall_assets.hpp"
#include "app/wall_status.hpp"
#include "display/frame_builder.hpp"
#include "display/imgui_session.hpp"
#include "display/overview_layout.hpp"
#include "display/window_target.hpp"
#include "net/demo_feed.hpp"
#include "net/feed_client.hpp"
#include "net/feed_parser.hpp"

namespace tsur::app {
namespace {

using Clock = std::chrono::steady_clock;

void log_poll(const net::PollOutcome& o) {
    // Successful polls are the normal case every 30 s; only failures are worth a journal line.
    if (!o.success) {
        std::fprintf(stderr, "tsur-wall: warning: feed poll %s: %s\n", o.result.c_str(),
                     o.message.c_str());
    }
}

}  // namespace

int run_wall(const Options& options) {
    const auto data_dir = find_data_dir(options.assets_dir);
    auto loaded = load_wall_assets(data_dir, "RU-UD");
    if (!loaded) {
        std::fprintf(stderr, "tsur-wall: %s\n", loaded.error().c_str());
        return 2;
    }
    WallAssets& wa = loaded.value();
    auto region = wa.assets.region;

    net::SnapshotStore store;
    net::FeedStats stats;
    model::ServerClock clock;
    IoThread io;
    std::unique_ptr<net::DemoFeedServer> demo;
    std::unique_ptr<net::FeedClient> client;

    net::FeedClientConfig cfg;
    cfg.version = TSUR_VERSION;
    if (options.demo) {
        net::DemoFeedOptions demo_options;
        demo_options.simulator.seed = options.seed;
        demo_options.simulator.scale = options.demo_scale;
        demo_options.simulator.boundary = net::outer_rings(*wa.assets.geometry);
        demo = std::make_unique<net::DemoFeedServer>(io.context(), region, demo_options);
        auto port = demo->start();
        if (!port) {
            std::fprintf(stderr, "tsur-wall: demo feed: %s\n", port.error().c_str());
            return 1;
        }
        cfg.url = net::feed_v1_url(demo->base_url(), region->code);
        cfg.poll_interval = std::chrono::seconds{15};
    } else if (options.feed) {
        cfg.url = *options.feed;
    } else {
        std::fprintf(stderr, "tsur-wall: no feed: give --demo, --feed URL or --config FILE\n");
        return 2;
    }

    cfg.cache_file = cache_file(default_state_dir(), options.demo);
    const Uint32 wake_event = SDL_RegisterEvents(1);
    client = std::make_unique<net::FeedClient>(
        io.context(), cfg,
        [region](std::string_view body) { return net::parse_feed_v1(body, *region); }, region,
        wa.rules, store, stats, clock);
    client->on_publish([wake_event](const model::SnapshotPtr&) {
        SDL_Event ev{};
        ev.type = wake_event;
        SDL_PushEvent(&ev);
        // The previous snapshot and response body were just freed; give the pages back so a
        // months-long run holds one snapshot's worth of memory, not its high-water mark.
        malloc_trim(0);
    });
    client->on_poll(log_poll);
    // The last-known-good snapshot is on screen within a second of boot, marked offline until
    // the feed answers; a corrupt cache is reported and ignored.
    if (auto restored = client->restore_from_cache(); !restored) {
        std::fprintf(stderr, "tsur-wall: warning: ignoring cache: %s\n", restored.error().c_str());
    }
    client->start();
    io.start();

    display::WindowOptions wopts;
    if (options.windowed) {
        wopts.fullscreen = false;
        wopts.width = options.windowed->first;
        wopts.height = options.windowed->second;
    }
    int exit_code = 0;
    try {
        display::WindowTarget target(wopts);
        int width = 0, height = 0;
        target.output_size(width, height);
        display::ImGuiSession session(target.renderer(), wa.fonts,
                                      display::TypeScale::for_height(static_cast<float>(height)));
        const config::Layout layout = display::overview_layout();
        const config::Screen& screen = layout.screens.front();
        const auto poll_interval = std::chrono::duration_cast<model::Seconds>(cfg.poll_interval);

        bool running = true;
        bool first_frame = true;
        bool dirty = true;
        auto last_frame = Clock::now();
        model::TimePoint next_due{};
        std::uint64_t shown_generation = 0;
        while (running) {
            const model::TimePoint now = clock.now();
            // The wake event can be lost if it raced SDL's start-up; the generation cannot.
            if (store.generation() != shown_generation) dirty = true;
            if (dirty || now >= next_due) {
                shown_generation = store.generation();
                const auto published = store.current_published();
                const auto fs = stats.snapshot();
                const display::WallStatus status =
                    wall_status(published.get(), fs.consecutive_failures, fs.last_error, now,
                                poll_interval);
                const model::Snapshot* snap = published ? published->snapshot.get() : nullptr;
                display::FrameInputs in;
                in.snapshot = snap;
                in.screen = &screen;
                in.canvas = display::Rect{0, 0, static_cast<float>(width), static_cast<float>(height)};
                in.viewport = in.canvas;
                in.gap_px = session.fonts().px(display::TextRole::small) * 0.4f;
                in.now = now;
                in.anim_seconds = static_cast<double>(now.time_since_epoch().count());
                in.status = &status;
                in.theme = &display::dark_theme();
                in.strings = &display::strings_for(display::Language::ru);
                in.assets = &wa.assets;
                const auto t = Clock::now();
                display::render_frame(session, in, width, height,
                                      std::chrono::duration<float>(t - last_frame).count());
                SDL_RenderPresent(target.renderer());
                last_frame = t;
                next_due = next_redraw(now, snap, &screen);
                dirty = false;
                if (first_frame) {
                    sd_notify(0, "READY=1");
                    first_frame = false;
                }
            }
            const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     next_due - clock.now())
                                     .count();
            SDL_Event ev;
            if (SDL_WaitEventTimeout(&ev, static_cast<int>(std::clamp<long long>(wait_ms, 10, 60000)))) {
                do {
                    if (ev.type == SDL_QUIT) running = false;
                    if (ev.type == wake_event) dirty = true;
                    if (ev.type == SDL_WINDOWEVENT) {
                        target.output_size(width, height);
                        dirty = true;
                    }
                    if (ev.type == SDL_KEYDOWN && !wopts.fullscreen &&
                        (ev.key.keysym.sym == SDLK_ESCAPE || ev.key.keysym.sym == SDLK_q)) {
                        running = false;
                    }
                } while (SDL_PollEvent(&ev));
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tsur-wall: fatal: display: %s\n", e.what());
        exit_code = 1;
    }
    sd_notify(0, "STOPPING=1");
    io.run_and_wait([&] {
        client->stop();
        if (demo) demo->stop();
    });
    io.stop();
    client.reset();
    demo.reset();
    return exit_code;
}

}  // namespace tsur::app
