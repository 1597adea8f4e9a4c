// Plain POSIX sockets: a one-shot client needs no io_context, and errno gives the precise reason
// (missing socket, permission) that the operator has to act on.
#include "app/ctl_command.hpp"

#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "sys/unique_fd.hpp"

namespace tsur::app {
namespace {

std::string usage() { return "usage: tsur-wall ctl freeze [screen-id] | unfreeze | status"; }

/// Who may own the socket and its directory: this user, root, or the service user "tsur-wall"
/// (an operator in its group runs `ctl` against the systemd wall).
bool trusted_owner(uid_t uid) {
    if (uid == ::geteuid() || uid == 0) return true;
    std::vector<char> buf(16384);
    passwd pw{};
    passwd* found = nullptr;
    return ::getpwnam_r("tsur-wall", &pw, buf.data(), buf.size(), &found) == 0 && found &&
           found->pw_uid == uid;
}

std::string connect_error(int err, const std::string& path) {
    switch (err) {
        case ENOENT:
            return "no control socket at " + path + ": is tsur-wall running?";
        case EACCES:
        case EPERM:
            return "permission denied on " + path +
                   ": run as root or as a member of the socket's group";
        case ECONNREFUSED:
            return "nothing listens on " + path + ": the wall is not running (stale socket)";
        default:
            return "cannot connect to " + path + ": " + std::strerror(err);
    }
}

}  // namespace

std::string untrusted_socket_problem(const std::string& socket_path) {
    const std::string dir = std::filesystem::path(socket_path).parent_path().string();
    struct stat st {};
    if (::lstat(dir.empty() ? "." : dir.c_str(), &st) != 0) return {};  // connect() says why
    if (!S_ISDIR(st.st_mode)) return dir + " is not a directory (a symbolic link?)";
    if (!trusted_owner(st.st_uid)) {
        return dir + " is owned by uid " + std::to_string(st.st_uid) +
               ", not by you, root or tsur-wall: someone else may be answering";
    }
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return dir + " can be written by other users: someone else may have bound the socket";
    }
    if (::lstat(socket_path.c_str(), &st) != 0) return {};
    if (!S_ISSOCK(st.st_mode)) return socket_path + " is not a socket";
    if (!trusted_owner(st.st_uid)) {
        return socket_path + " is owned by uid " + std::to_string(st.st_uid) +
               ", not by you, root or tsur-wall";
    }
    return {};
}

int run_ctl(const std::vector<std::string>& args, const std::string& socket_path, std::ostream& out,
            std::ostream& err) {
    const bool known =
        !args.empty() && ((args[0] == "freeze" && args.size() <= 2) ||
                          ((args[0] == "unfreeze" || args[0] == "status") && args.size() == 1));
    if (!known) {
        err << usage() << "\n";
        return 1;
    }
    std::string line = args[0];
    if (args.size() == 2) line += " " + args[1];
    line += "\n";

    // A socket another user could have bound would let them answer in the wall's name.
    if (auto problem = untrusted_socket_problem(socket_path); !problem.empty()) {
        err << "tsur-wall ctl: refusing the control socket: " << problem << "\n";
        return 1;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof addr.sun_path) {
        err << "tsur-wall ctl: socket path too long: " << socket_path << "\n";
        return 1;
    }
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
    net::UniqueFd s{::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
    if (s.get() < 0) {
        err << "tsur-wall ctl: socket: " << std::strerror(errno) << "\n";
        return 1;
    }
    // A wall whose io thread hangs must not hang the operator's terminal too.
    timeval tv{5, 0};
    ::setsockopt(s.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(s.get(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (::connect(s.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        err << "tsur-wall ctl: " << connect_error(errno, socket_path) << "\n";
        return 1;
    }
    const ssize_t sent = ::send(s.get(), line.data(), line.size(), MSG_NOSIGNAL);
    if (sent != static_cast<ssize_t>(line.size())) {
        err << "tsur-wall ctl: send: " << std::strerror(errno) << "\n";
        return 1;
    }
    std::string reply;
    char buf[512];
    while (reply.find('\n') == std::string::npos && reply.size() < 64 * 1024) {
        const ssize_t n = ::recv(s.get(), buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err << "tsur-wall ctl: no reply from the wall: " << std::strerror(errno) << "\n";
            return 1;
        }
        if (n == 0) break;
        reply.append(buf, static_cast<std::size_t>(n));
    }
    if (reply.empty()) {
        err << "tsur-wall ctl: the wall closed the connection without a reply\n";
        return 1;
    }
    if (reply.back() != '\n') reply += '\n';
    out << reply;
    return reply.find("\"ok\":true") != std::string::npos ? 0 : 1;
}

int run_ctl(const std::vector<std::string>& args, const std::string& socket_path) {
    return run_ctl(args, socket_path, std::cout, std::cerr);
}

}  // namespace tsur::app
