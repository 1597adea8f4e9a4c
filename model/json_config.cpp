// JSON parsing for config files; nlohmann's exceptions (syntax, and number overflow such as
// 1e999, which is out_of_range, not parse_error) become a value right here.
#include "model/json_config.hpp"

namespace tsur::model {

Result<nlohmann::json> parse_json_config(std::string_view json_text, std::string_view file_name) {
    try {
        return nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/true,
                                     /*ignore_comments=*/true);
    } catch (const nlohmann::json::exception& e) {
        // e.what() already says "at line L, column C"; keep it so the user can find the spot.
        return Error{std::string(file_name) + ": not valid JSON: " + e.what()};
    }
}

}  // namespace tsur::model
