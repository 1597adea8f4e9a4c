// tsur-wall's composition root: parse the command line and hand over to the chosen command.
#include <malloc.h>

#include <cstdio>
#include <exception>

#include "app/command_line.hpp"
#include "app/check_config_command.hpp"
#include "app/check_region_command.hpp"
#include "app/check_layout_command.hpp"
#include "app/ctl_command.hpp"
#include "app/demo_feed_command.hpp"
#include "app/state_paths.hpp"
#include "app/screenshot_command.hpp"
#include "app/wall_command.hpp"

int main(int argc, char** argv) {
    using tsur::app::Command;
    // Two threads allocate snapshots; glibc's default of eight arenas per core keeps tens of MB
    // of freed snapshot memory per arena. Two arenas keep the wall's RSS near its working set.
    mallopt(M_ARENA_MAX, 2);
    // SDL's software renderer allocates a surface the size of each blended triangle's box and
    // frees it at once. glibc would raise its mmap threshold to the largest such free (32 MB at
    // 4K) and keep later ones in the heap, so the resident size wandered by ~60 MB between runs.
    // A fixed threshold hands every buffer of a megabyte or more back to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    auto parsed = tsur::app::parse_command_line(argc, argv);
    if (!parsed) {
        std::fprintf(stderr, "tsur-wall: %s\n%s", parsed.error().c_str(), tsur::app::usage());
        return 2;
    }
    const auto& options = parsed.value();
    try {
        switch (options.command) {
            case Command::version:
                std::printf("tsur-wall %s\n", TSUR_VERSION);
                return 0;
            case Command::help:
                std::fputs(tsur::app::usage(), stdout);
                return 0;
            case Command::screenshot:
                return tsur::app::run_screenshot(options);
            case Command::wall:
                return tsur::app::run_wall(options);
            case Command::demo_feed:
                return tsur::app::run_demo_feed(options);
            case Command::check_layout:
                return tsur::app::run_check_layout(options);
            case Command::check_config:
                return tsur::app::run_check_config(options);
            case Command::check_region:
                return tsur::app::run_check_region(options);
            case Command::ctl: {
                const auto socket = tsur::app::default_control_socket();
                if (!socket) {
                    std::fprintf(stderr, "tsur-wall ctl: %s\n", socket.error().c_str());
                    return 1;
                }
                return tsur::app::run_ctl(options.positional, socket.value().string());
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tsur-wall: fatal: %s\n", e.what());
        return 1;
    }
    return 2;
}
