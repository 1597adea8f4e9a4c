// Where the wall keeps its state (last-known-good cache, history) when the config does not say.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tsur::app {

/// $STATE_DIRECTORY (systemd's StateDirectory=), else /var/lib/tsur-wall when writable, else
/// $XDG_STATE_HOME/tsur-wall or ~/.local/state/tsur-wall (a developer's run).
std::filesystem::path default_state_dir();

/// The cache file for a feed: "feed.cache", or "demo.cache" so a demo never replaces real data.
std::filesystem::path cache_file(const std::filesystem::path& state_dir, bool demo);

}  // namespace tsur::app

namespace tsur::app {

/// The control socket: $RUNTIME_DIRECTORY/control.sock (systemd's RuntimeDirectory=), else
/// /run/tsur-wall/control.sock when that directory is writable, else $XDG_RUNTIME_DIR/tsur-wall.sock.
std::filesystem::path default_control_socket();

}  // namespace tsur::app
