// Reading and writing whole files at the edge of the program, with errors as values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "model/result.hpp"

namespace tsur::app {

model::Result<std::string> read_text_file(const std::filesystem::path& path,
                                          std::size_t max_bytes = 256u << 20);
/// Writes to PATH.tmp and renames over PATH, so a reader never sees half a file.
model::Result<bool> write_file_atomic(const std::filesystem::path& path,
                                      std::span<const std::uint8_t> bytes);

}  // namespace tsur::app
