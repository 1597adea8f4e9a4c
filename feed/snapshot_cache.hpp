// Last-known-good cache: the raw body of the newest accepted feed document, checksummed on disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/time.hpp"

namespace tsur::net {

/// One cached document: the body exactly as accepted, with what the header says about it.
struct CachedFeed {
    std::string body;
    model::TimePoint as_of{};
    std::string kind;  ///< which parser reads the body, e.g. "tsur.feed.v1" or "open311"
};

/// A cache file at a fixed path. Single writer (the io thread); load() is for start-up.
/// File layout: "TSURCACHE1\n", then "length N\n", "crc32 XXXXXXXX\n", "as_of <RFC 3339>\n",
/// "kind <text>\n", an empty line, and exactly N bytes of body.
class SnapshotCache {
public:
    explicit SnapshotCache(std::filesystem::path file) : file_(std::move(file)) {}

    /// The cached document; an empty optional when there is no cache file yet; an Error when
    /// the file exists but is unreadable, a symbolic link, truncated or fails its checksum (never
    /// trust it then).
    model::Result<std::optional<CachedFeed>> load() const;

    /// Atomically replaces the cache (net::replace_file_durably): a fresh temp file in the same
    /// directory, never through a link, fsync, rename, fsync of the directory. Creates the
    /// directory 0700 when missing and refuses one other users can write. Returns bytes written.
    model::Result<std::uint64_t> store(std::string_view body, model::TimePoint as_of,
                                       std::string_view kind) const;

    const std::filesystem::path& path() const { return file_; }
    /// Where store() writes before the rename; a leftover one (a crash mid-write) is ignored.
    std::filesystem::path temp_path() const;

private:
    std::filesystem::path file_;
};

}  // namespace tsur::net
