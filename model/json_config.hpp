// Shared helpers for the model's JSON config files: parse with comments, errors naming file + path.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace tsur::model {

/// Parses JSON that may hold // and /* */ comments; a syntax error names the file and position.
Result<nlohmann::json> parse_json_config(std::string_view json_text, std::string_view file_name);

/// "file: path: what" — the one error format of every config loader.
inline Error config_error(std::string_view file_name, std::string_view path,
                          std::string_view what) {
    return Error{std::string(file_name) + ": " + std::string(path) + ": " + std::string(what)};
}

}  // namespace tsur::model
