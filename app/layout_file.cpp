// Polling stat() once a second is simpler and more portable than inotify, and it also notices
// editors that save by renaming a new file over the old one.
#include "app/layout_file.hpp"

#include <cstdio>

#include "app/file_io.hpp"
#include "config/layout_parser.hpp"
#include "display/widget_registry.hpp"

namespace tsur::app {

std::vector<std::string_view> widget_type_names() {
    std::vector<std::string_view> names;
    for (const auto& w : display::widget_table()) names.push_back(w.type);
    return names;
}

LayoutFile::LayoutFile(std::filesystem::path path)
    : path_(std::move(path)), widget_types_(widget_type_names()) {}

bool LayoutFile::refresh() {
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(path_, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(path_, ec);
    if (!ec && seen_ && mtime == mtime_ && size == size_) return false;
    const bool was_rejected = rejected_;
    std::string error;
    if (ec) {
        error = path_.string() + ": cannot read: " + ec.message();
    } else {
        seen_ = true;
        mtime_ = mtime;
        size_ = size;
        auto text = read_text_file(path_, 4u << 20);
        if (!text) {
            error = text.error();
        } else {
            auto parsed = config::parse_layout(text.value(), path_.string(), widget_types_);
            if (parsed) {
                layout_ = std::make_shared<const config::Layout>(parsed.take());
                rejected_ = false;
                error_.clear();
                std::fprintf(stderr, "tsur-wall: layout %s loaded\n", path_.string().c_str());
                return true;
            }
            error = parsed.error();
        }
    }
    // A missing file is looked at again every call; log it only when it first goes missing.
    if (error != error_) {
        ++rejections_;
        std::fprintf(stderr, "tsur-wall: warning: layout rejected, %s:\n%s\n",
                     layout_ ? "keeping the last good layout" : "no good layout yet",
                     error.c_str());
    }
    rejected_ = true;
    error_ = error;
    if (ec) seen_ = false;
    return !was_rejected;
}

}  // namespace tsur::app
