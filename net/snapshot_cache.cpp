// Last-known-good cache file: a small text header with a CRC-32 of the body, written atomically.
#include "net/snapshot_cache.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace tsur::net {
namespace {

constexpr std::string_view kMagic = "TSURCACHE1\n";
// A header longer than this is not ours; stops a huge garbage file from being scanned.
constexpr std::size_t kMaxHeader = 4096;

/// Owns a POSIX file descriptor; closes it unless release()d by an explicit, checked close.
class UniqueFd {
public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    /// close(2) can report a deferred write error, so the writer checks it.
    bool close_checked() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

std::uint32_t crc_of(std::string_view body) {
    return static_cast<std::uint32_t>(
        crc32_z(0L, reinterpret_cast<const Bytef*>(body.data()), body.size()));
}

std::string hex8(std::uint32_t v) {
    char buf[9] = {};
    std::to_chars(buf, buf + 8, v, 16);
    std::string s(buf);
    return std::string(8 - s.size(), '0') + s;
}

model::Error sys_error(std::string_view what, const std::filesystem::path& p) {
    return model::Error{std::string(what) + " " + p.string() + ": " + std::strerror(errno)};
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

struct Header {
    std::optional<std::uint64_t> length;
    std::optional<std::uint32_t> crc;
    std::optional<model::TimePoint> as_of;
    std::optional<std::string> kind;
};

template <typename T>
bool parse_number(std::string_view text, T& out, int base) {
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out, base);
    return ec == std::errc{} && ptr == end && !text.empty();
}

/// Parses "key value" lines up to the empty line; returns the offset of the body or an Error.
model::Result<std::size_t> parse_header(std::string_view data, Header& h, const std::string& name) {
    std::size_t pos = kMagic.size();
    while (true) {
        const auto eol = data.find('\n', pos);
        if (eol == std::string_view::npos || eol > kMaxHeader) {
            return model::Error{"cache corrupt: " + name + ": header is not terminated"};
        }
        const auto line = data.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.empty()) return pos;
        const auto sp = line.find(' ');
        const auto key = line.substr(0, sp);
        const auto value = sp == std::string_view::npos ? std::string_view{} : line.substr(sp + 1);
        bool ok = true;
        if (key == "length") {
            std::uint64_t n = 0;
            ok = parse_number(value, n, 10);
            h.length = n;
        } else if (key == "crc32") {
            std::uint32_t c = 0;
            ok = value.size() == 8 && parse_number(value, c, 16);
            h.crc = c;
        } else if (key == "as_of") {
            h.as_of = model::parse_rfc3339(value);
            ok = h.as_of.has_value();
        } else if (key == "kind") {
            h.kind = std::string(value);
        }
        // Unknown keys are skipped so a newer writer's extra fields do not invalidate the cache.
        if (!ok) {
            return model::Error{"cache corrupt: " + name + ": bad header field '" +
                                std::string(key) + "'"};
        }
    }
}

}  // namespace

std::filesystem::path SnapshotCache::temp_path() const {
    auto p = file_;
    p += ".tmp";
    return p;
}

model::Result<std::optional<CachedFeed>> SnapshotCache::load() const {
    const std::string name = file_.string();
    std::error_code ec;
    if (!std::filesystem::exists(file_, ec)) return std::optional<CachedFeed>{};
    std::ifstream in(file_, std::ios::binary);
    if (!in) return model::Error{"cache unreadable: " + name};
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return model::Error{"cache unreadable: " + name};

    if (!std::string_view(data).starts_with(kMagic)) {
        return model::Error{"cache corrupt: " + name + ": wrong magic (expected TSURCACHE1)"};
    }
    Header h;
    auto body_at = parse_header(data, h, name);
    if (!body_at) return model::Error{body_at.error()};
    if (!h.length || !h.crc || !h.as_of || !h.kind) {
        return model::Error{"cache corrupt: " + name +
                            ": header lacks one of length, crc32, as_of, kind"};
    }
    const std::size_t body_size = data.size() - body_at.value();
    if (body_size < *h.length) {
        return model::Error{"cache corrupt: " + name + ": truncated (" +
                            std::to_string(body_size) + " of " + std::to_string(*h.length) +
                            " body bytes)"};
    }
    if (body_size > *h.length) {
        return model::Error{"cache corrupt: " + name + ": " +
                            std::to_string(body_size - *h.length) + " bytes after the body"};
    }
    CachedFeed out;
    out.body = data.substr(body_at.value());
    if (crc_of(out.body) != *h.crc) {
        return model::Error{"cache corrupt: " + name + ": checksum mismatch"};
    }
    out.as_of = *h.as_of;
    out.kind = std::move(*h.kind);
    return std::optional<CachedFeed>{std::move(out)};
}

model::Result<std::uint64_t> SnapshotCache::store(std::string_view body, model::TimePoint as_of,
                                                  std::string_view kind) const {
    if (kind.find('\n') != std::string_view::npos) {
        return model::Error{"cache: feed kind must be one line"};
    }
    const auto dir = file_.has_parent_path() ? file_.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return model::Error{"cache: cannot create " + dir.string() + ": " + ec.message()};

    std::string header(kMagic);
    header += "length " + std::to_string(body.size()) + "\n";
    header += "crc32 " + hex8(crc_of(body)) + "\n";
    header += "as_of " + model::format_rfc3339(as_of) + "\n";
    header += "kind " + std::string(kind) + "\n\n";

    // O_TRUNC: a temp file left by a crash mid-write is simply overwritten.
    const auto tmp = temp_path();
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (fd.get() < 0) return sys_error("cache: cannot create", tmp);
    if (!write_all(fd.get(), header) || !write_all(fd.get(), body)) {
        return sys_error("cache: cannot write", tmp);
    }
    // Without fsync before rename, a power cut can leave the new name pointing at an empty file.
    if (::fsync(fd.get()) != 0) return sys_error("cache: cannot fsync", tmp);
    if (!fd.close_checked()) return sys_error("cache: cannot close", tmp);
    if (::rename(tmp.c_str(), file_.c_str()) != 0) return sys_error("cache: cannot rename to", file_);
    // The rename itself lives in the directory: sync it so the new entry survives a power cut.
    UniqueFd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() < 0 || ::fsync(dfd.get()) != 0) return sys_error("cache: cannot fsync", dir);
    return static_cast<std::uint64_t>(header.size() + body.size());
}

}  // namespace tsur::net
