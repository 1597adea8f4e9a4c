// systemd hands the service its state directory in $STATE_DIRECTORY; honouring it keeps the unit
// free to move the directory without a config change.
#include "app/state_paths.hpp"

#include <unistd.h>

#include <cstdlib>

namespace tsur::app {
namespace fs = std::filesystem;

fs::path default_state_dir() {
    if (const char* sd = std::getenv("STATE_DIRECTORY"); sd && *sd) {
        std::string first(sd);
        // systemd lists several directories separated by ':' when the unit names several.
        return fs::path(first.substr(0, first.find(':')));
    }
    if (::access("/var/lib/tsur-wall", W_OK) == 0) return "/var/lib/tsur-wall";
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) {
        return fs::path(xdg) / "tsur-wall";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return fs::path(home) / ".local" / "state" / "tsur-wall";
    }
    return fs::temp_directory_path() / "tsur-wall";
}

fs::path cache_file(const fs::path& state_dir, bool demo) {
    return state_dir / (demo ? "demo.cache" : "feed.cache");
}

}  // namespace tsur::app

namespace tsur::app {

std::filesystem::path default_control_socket() {
    if (const char* rd = std::getenv("RUNTIME_DIRECTORY"); rd && *rd) {
        std::string first(rd);
        return std::filesystem::path(first.substr(0, first.find(':'))) / "control.sock";
    }
    if (::access("/run/tsur-wall", W_OK) == 0) return "/run/tsur-wall/control.sock";
    if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "tsur-wall.sock";
    }
    return std::filesystem::temp_directory_path() / ("tsur-wall-" + std::to_string(::getuid()) + ".sock");
}

}  // namespace tsur::app
