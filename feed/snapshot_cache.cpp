// Last-known-good cache file: a small text header with a CRC-32 of the body, written atomically.
#include "feed/snapshot_cache.hpp"

#include <zlib.h>

#include <charconv>
#include <system_error>

#include "sys/private_files.hpp"

namespace tsur::net {
namespace {

constexpr std::string_view kMagic = "TSURCACHE1\n";
// A header longer than this is not ours; stops a huge garbage file from being scanned.
constexpr std::size_t kMaxHeader = 4096;
// Past the feed client's body limit plus the header: anything bigger is not a cache we wrote.
constexpr std::size_t kMaxCacheBytes = std::size_t{1} << 30;

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

std::filesystem::path SnapshotCache::temp_path() const { return replacement_temp_path(file_); }

model::Result<std::optional<CachedFeed>> SnapshotCache::load() const {
    const std::string name = file_.string();
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file_, ec))) {
        return std::optional<CachedFeed>{};
    }
    // A link planted as the cache could feed the wall a forged document: never follow one.
    auto read = read_file_nofollow(file_, kMaxCacheBytes);
    if (!read) return model::Error{"cache unreadable: " + read.error()};
    std::string& data = read.value();

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
        return model::Error{"cache corrupt: " + name + ": truncated (" + std::to_string(body_size) +
                            " of " + std::to_string(*h.length) + " body bytes)"};
    }
    if (body_size > *h.length) {
        return model::Error{"cache corrupt: " + name + ": " +
                            std::to_string(body_size - *h.length) + " bytes after the body"};
    }
    CachedFeed out;
    // The body keeps the buffer it was read into (a 14 MB copy less at start-up).
    data.erase(0, body_at.value());
    out.body = std::move(data);
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
    std::string header(kMagic);
    header += "length " + std::to_string(body.size()) + "\n";
    header += "crc32 " + hex8(crc_of(body)) + "\n";
    header += "as_of " + model::format_rfc3339(as_of) + "\n";
    header += "kind " + std::string(kind) + "\n\n";

    auto written = replace_file_durably(file_, {header, body});
    if (!written) return model::Error{"cache: " + written.error()};
    return written.value();
}

}  // namespace tsur::net
