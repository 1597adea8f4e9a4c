// systemd hands the service its directories in $STATE_DIRECTORY and $RUNTIME_DIRECTORY; honouring
// them keeps the unit free to move them without a config change. There is deliberately no /tmp
// fallback: another local user can pre-create a path there and plant links or forged files.
#include "app/state_paths.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

namespace tsur::app {
namespace fs = std::filesystem;
namespace {

/// The first of systemd's ':'-separated list (a unit may name several directories).
std::optional<fs::path> env_dir(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    const std::string s(v);
    return fs::path(s.substr(0, s.find(':')));
}

std::optional<fs::path> home_dir() {
    if (auto home = env_dir("HOME")) return home;
    // A system service run as root gets no $HOME; the passwd entry still names one.
    std::vector<char> buf(16384);
    passwd pw{};
    passwd* found = nullptr;
    if (::getpwuid_r(::geteuid(), &pw, buf.data(), buf.size(), &found) == 0 && found &&
        found->pw_dir && *found->pw_dir && std::string_view(found->pw_dir) != "/") {
        return fs::path(found->pw_dir);
    }
    return std::nullopt;
}

bool own_dir(const fs::path& dir) {
    struct stat st {};
    return ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid();
}

bool is_dir(const fs::path& dir) {
    struct stat st {};
    return ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

model::Result<fs::path> default_state_dir() {
    if (auto sd = env_dir("STATE_DIRECTORY")) return *sd;
    if (own_dir("/var/lib/tsur-wall")) return fs::path("/var/lib/tsur-wall");
    if (auto xdg = env_dir("XDG_STATE_HOME")) return *xdg / "tsur-wall";
    if (auto home = home_dir()) return *home / ".local" / "state" / "tsur-wall";
    return model::Error{
        "no state directory: set cache_dir in the config, or run under systemd "
        "(StateDirectory=), or set STATE_DIRECTORY, XDG_STATE_HOME or HOME"};
}

fs::path cache_file(const fs::path& state_dir, bool demo) {
    return state_dir / (demo ? "demo.cache" : "feed.cache");
}

model::Result<fs::path> default_control_socket() {
    if (auto rd = env_dir("RUNTIME_DIRECTORY")) return *rd / "control.sock";
    if (is_dir("/run/tsur-wall")) return fs::path("/run/tsur-wall/control.sock");
    if (auto xdg = env_dir("XDG_RUNTIME_DIR")) return *xdg / "tsur-wall.sock";
    return model::Error{
        "no runtime directory for the control socket: run under systemd (RuntimeDirectory=), "
        "create /run/tsur-wall, or set XDG_RUNTIME_DIR"};
}

}  // namespace tsur::app
