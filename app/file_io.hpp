// Reading whole files at the edge of the program, with errors as values (writes that must
// survive go through net::replace_file_durably).
#pragma once

#include <filesystem>
#include <string>

#include "model/result.hpp"

namespace tsur::app {

model::Result<std::string> read_text_file(const std::filesystem::path& path,
                                          std::size_t max_bytes = 256u << 20);

}  // namespace tsur::app
