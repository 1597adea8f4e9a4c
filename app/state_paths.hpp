// Where the wall keeps its state (last-known-good cache, history) and its control socket when the
// config does not say: always a directory of this user's own, never a shared one such as /tmp.
#pragma once

#include <filesystem>
#include <string>

#include "model/result.hpp"

namespace tsur::app {

/// $STATE_DIRECTORY (systemd's StateDirectory=), else /var/lib/tsur-wall when it exists and
/// belongs to this user, else $XDG_STATE_HOME/tsur-wall, else ~/.local/state/tsur-wall ($HOME or
/// the passwd entry). An Error when none applies. The caller still checks it with
/// net::ensure_private_dir().
model::Result<std::filesystem::path> default_state_dir();

/// The cache file for a feed: "feed.cache", or "demo.cache" so a demo never replaces real data.
std::filesystem::path cache_file(const std::filesystem::path& state_dir, bool demo);

/// The control socket: $RUNTIME_DIRECTORY/control.sock (systemd's RuntimeDirectory=), else
/// /run/tsur-wall/control.sock when that directory exists, else $XDG_RUNTIME_DIR/tsur-wall.sock.
/// An Error (no control socket) when none applies. Both the wall and `ctl` use this.
model::Result<std::filesystem::path> default_control_socket();

}  // namespace tsur::app
