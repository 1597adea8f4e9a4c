// The scene report as JSON, for `--screenshot ... --scene OUT.json` and the status server's
// /scene.json.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "display/scene_report.hpp"

namespace tsur::app {

/// {"widgets": [{"name", "rect": [x, y, w, h]}], "items": [{"kind", "widget", "group", "text",
/// "rect": [x, y, w, h]} or with "circle": [cx, cy, r], and "value" where it counts incidents]}.
std::string scene_json(const display::SceneReport& scene);

/// The same as bytes, for the status server.
std::vector<std::uint8_t> scene_json_bytes(const display::SceneReport& scene);

}  // namespace tsur::app
