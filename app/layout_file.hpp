// A layout file on disk for the running wall: read at start, re-read when it changes, and the
// last good layout kept when an edit is rejected.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/layout.hpp"

namespace tsur::app {

/// The names of display::widget_table(): the one list of valid widget types.
std::vector<std::string_view> widget_type_names();

/// Watches one layout file; main thread only.
class LayoutFile {
public:
    explicit LayoutFile(std::filesystem::path path);

    /// Looks at the file (stat) and re-reads and re-parses it when its time or size changed
    /// (call about once a second). Logs each rejected version once. Returns true when the wall
    /// must redraw: a new good layout, or the rejected flag changed.
    bool refresh();

    /// The last good layout; null when no version of the file has parsed yet.
    std::shared_ptr<const config::Layout> layout() const { return layout_; }
    /// True while the file on disk is unreadable or invalid (WallStatus::layout_invalid).
    bool rejected() const { return rejected_; }
    /// Every problem of the rejected version, one per line (empty when not rejected).
    const std::string& error() const { return error_; }
    const std::filesystem::path& path() const { return path_; }
    /// Versions of the file refused since start (each distinct error counts once).
    std::uint64_t rejections() const { return rejections_; }

private:
    std::filesystem::path path_;
    std::vector<std::string_view> widget_types_;
    std::shared_ptr<const config::Layout> layout_;
    bool rejected_ = false;
    std::string error_;
    std::uint64_t rejections_ = 0;
    bool seen_ = false;
    std::filesystem::file_time_type mtime_{};
    std::uintmax_t size_ = 0;
};

}  // namespace tsur::app
