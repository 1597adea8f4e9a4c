// std::ifstream reports little about failures; errno text gives the person something to act on.
#include "app/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace tsur::app {

model::Result<std::string> read_text_file(const std::filesystem::path& path,
                                          std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return model::Error{path.string() + ": cannot read: " + ec.message()};
    if (size > max_bytes) {
        return model::Error{path.string() + ": file too large (" + std::to_string(size) +
                            " bytes, limit " + std::to_string(max_bytes) + ")"};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return model::Error{path.string() + ": cannot open: " + std::strerror(errno)};
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in.gcount()) != size) {
        return model::Error{path.string() + ": short read"};
    }
    return text;
}

}  // namespace tsur::app
