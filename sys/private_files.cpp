// A directory another local user can write lets them plant a symbolic link or a forged file where
// the wall writes or reads (issue 20): so the directory is checked, and the files are opened so
// that a link is never followed even if one appears.
#include "sys/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "model/ascii_text.hpp"
#include "sys/unique_fd.hpp"

namespace tsur::net {
namespace {

namespace fs = std::filesystem;

model::Error errno_error(std::string_view what, const fs::path& p, int err) {
    return model::Error{std::string(what) + " " + p.string() + ": " + std::strerror(err)};
}

std::string octal_mode(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

std::string private_dir_problem(const fs::path& dir) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
        return dir.string() + ": " + std::strerror(errno);
    }
    if (S_ISLNK(st.st_mode)) {
        return dir.string() + " is a symbolic link; give the real directory";
    }
    if (!S_ISDIR(st.st_mode)) return dir.string() + " is not a directory";
    const uid_t me = ::geteuid();
    if (st.st_uid != me && st.st_uid != 0) {
        return dir.string() + " is owned by uid " + std::to_string(st.st_uid) +
               ", not by this user (uid " + std::to_string(me) +
               "): another user could plant files there; remove it or give another directory";
    }
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return dir.string() + " has mode " + octal_mode(st.st_mode) +
               ": other users can write there; chmod go-w it (0700 or 0750)";
    }
    return {};
}

model::Result<bool> ensure_private_dir(const fs::path& dir) {
    struct stat st {};
    const bool exists = ::lstat(dir.c_str(), &st) == 0;
    if (exists && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) {
        return model::Error{"cannot create " + dir.string() +
                            ": a file that is not a directory is in the way"};
    }
    if (!exists && errno == ENOENT) {
        std::error_code ec;
        if (dir.has_parent_path()) fs::create_directories(dir.parent_path(), ec);
        if (ec) {
            return model::Error{"cannot create " + dir.parent_path().string() + ": " +
                                ec.message()};
        }
        // EEXIST: someone made it between the two calls; the check below decides about it.
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
            return errno_error("cannot create", dir, errno);
        }
    }
    if (auto problem = private_dir_problem(dir); !problem.empty()) {
        return model::Error{"unsafe directory: " + problem};
    }
    return true;
}

std::string secret_file_problem(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return path.string() + ": " + std::strerror(errno);
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return path.string() + " has mode " + octal_mode(st.st_mode) +
               ": other users can read the token; chmod 600 " + path.string();
    }
    return {};
}

model::Result<std::string> read_file_nofollow(const fs::path& path, std::size_t max_bytes) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        if (errno == ELOOP) {
            return model::Error{path.string() + " is a symbolic link; not followed"};
        }
        return errno_error("cannot open", path, errno);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return errno_error("cannot stat", path, errno);
    if (!S_ISREG(st.st_mode)) return model::Error{path.string() + " is not a regular file"};
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        return model::Error{path.string() + ": file too large (" + std::to_string(st.st_size) +
                            " bytes, limit " + std::to_string(max_bytes) + ")"};
    }
    // Reserved once from fstat: appending a 14 MB cache to a growing string copied it over and
    // over at start-up (95 ms here; reading into a zero-filled string 64 ms; this 45 ms).
    std::string text;
    text.reserve(std::min(static_cast<std::size_t>(st.st_size), max_bytes));
    char buf[65536];
    while (true) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno_error("cannot read", path, errno);
        if (n == 0) break;
        if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
            return model::Error{path.string() + ": grew past " + std::to_string(max_bytes) +
                                " bytes while read"};
        }
        text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
}

fs::path replacement_temp_path(const fs::path& path) {
    auto p = path;
    p += ".tmp";
    return p;
}

model::Result<std::uint64_t> replace_file_durably(const fs::path& path,
                                                  std::initializer_list<std::string_view> parts,
                                                  FileAccess access) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const bool owner_only = access == FileAccess::owner_only;
    if (owner_only) {
        if (auto ok = ensure_private_dir(dir); !ok) return model::Error{ok.error()};
    }
    const fs::path tmp = replacement_temp_path(path);
    // A leftover from a crash, or anything planted there, goes: unlink removes a link itself.
    if (::unlink(tmp.c_str()) != 0 && errno != ENOENT) {
        return errno_error("cannot remove", tmp, errno);
    }
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                       owner_only ? 0600 : 0666));
    if (fd.get() < 0) return errno_error("cannot create", tmp, errno);
    std::uint64_t total = 0;
    for (std::string_view part : parts) {
        if (!write_all(fd.get(), part)) return errno_error("cannot write", tmp, errno);
        total += part.size();
    }
    // Without fsync before rename, a power cut can leave the new name on an empty file.
    if (::fsync(fd.get()) != 0) return errno_error("cannot fsync", tmp, errno);
    if (!fd.close_checked()) return errno_error("cannot close", tmp, errno);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        return errno_error("cannot rename to", path, errno);
    // The rename lives in the directory: sync it so the new entry survives a power cut.
    UniqueFd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() < 0 || ::fsync(dfd.get()) != 0) return errno_error("cannot fsync", dir, errno);
    return total;
}

model::Result<std::string> read_token_file(const std::filesystem::path& path) {
    // A token others can read is no secret: refuse it rather than use it silently (issue 20).
    if (auto problem = secret_file_problem(path); !problem.empty()) {
        return model::Error{"token file " + problem};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return model::Error{"token file " + path.string() + ": cannot be read"};
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto token = model::trim_ascii(text);
    if (token.empty()) return model::Error{"token file " + path.string() + ": is empty"};
    if (token.find_first_of("\r\n") != std::string_view::npos) {
        return model::Error{"token file " + path.string() + ": expected one line, found several"};
    }
    return std::string(token);
}

}  // namespace tsur::net
