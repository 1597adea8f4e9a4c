// An owned POSIX file descriptor: closed on every return path, or explicitly where close()'s own
// error matters (a deferred write error on a file that must survive).
#pragma once

#include <unistd.h>

#include <utility>

namespace tsur::net {

/// Owns one POSIX file descriptor (-1: none) and closes it when destroyed; one thread at a time.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    /// Gives the descriptor up without closing it.
    int release() { return std::exchange(fd_, -1); }
    /// Closes the descriptor held (if any) and holds `fd` instead.
    void reset(int fd = -1) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }
    /// Closes now; false (errno set) when close() failed, e.g. on a deferred write error.
    bool close_checked() { return fd_ < 0 || ::close(release()) == 0; }

private:
    int fd_ = -1;
};

}  // namespace tsur::net
