// Coordinates are rounded to a tenth of a pixel: enough to see an overlap, and a 51k-dot map stays
// a few megabytes.
#include "app/scene_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace tsur::app {
namespace {

double tenth(float v) { return std::round(static_cast<double>(v) * 10.0) / 10.0; }

nlohmann::json rect_json(const display::Rect& r) {
    return nlohmann::json::array({tenth(r.x), tenth(r.y), tenth(r.w), tenth(r.h)});
}

}  // namespace

std::string scene_json(const display::SceneReport& scene) {
    nlohmann::json widgets = nlohmann::json::array();
    for (const display::SceneWidget& w : scene.widgets()) {
        widgets.push_back({{"name", w.name}, {"rect", rect_json(w.rect)}});
    }
    nlohmann::json items = nlohmann::json::array();
    for (const display::SceneItem& it : scene.items()) {
        nlohmann::json j = {{"kind", display::scene_kind_name(it.kind)},
                            {"widget", it.widget},
                            {"group", it.group}};
        if (!it.text.empty()) j["text"] = it.text;
        if (it.circle) {
            j["circle"] = nlohmann::json::array({tenth(it.cx), tenth(it.cy), tenth(it.r)});
        } else {
            j["rect"] = rect_json(it.box);
        }
        if (it.value != 0) j["value"] = it.value;
        items.push_back(std::move(j));
    }
    nlohmann::json out = {{"widgets", std::move(widgets)}, {"items", std::move(items)}};
    // Replace, not throw, on a string cut inside a UTF-8 sequence: the report must still be served.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<std::uint8_t> scene_json_bytes(const display::SceneReport& scene) {
    const std::string text = scene_json(scene);
    return std::vector<std::uint8_t>(text.begin(), text.end());
}

}  // namespace tsur::app
