// `tsur-wall ctl freeze [screen-id] | unfreeze | status`: one request to the running wall's
// control socket, the reply printed as it came.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tsur::app {

/// Why `ctl` must not trust the socket at `socket_path`, or "" when it may: its directory must be
/// a real directory owned by this user, root or the tsur-wall user and writable by no one else,
/// and the socket must be owned by one of those. Missing paths are left to connect() to report.
std::string untrusted_socket_problem(const std::string& socket_path);

/// Refuses an untrusted socket (untrusted_socket_problem), then sends args joined by spaces as one line; prints the JSON reply to `out`, problems to `err`.
/// Returns 0 when the wall answered "ok": true, 1 otherwise. Main thread.
int run_ctl(const std::vector<std::string>& args, const std::string& socket_path, std::ostream& out,
            std::ostream& err);

/// The same on stdout and stderr.
int run_ctl(const std::vector<std::string>& args, const std::string& socket_path);

}  // namespace tsur::app
