// Names of the scene kinds, in one place for the JSON writer and the tests' messages.
#include "display/scene_report.hpp"

namespace tsur::display {

std::string_view scene_kind_name(SceneKind kind) {
    switch (kind) {
        case SceneKind::text:
            return "text";
        case SceneKind::title:
            return "title";
        case SceneKind::count:
            return "count";
        case SceneKind::label:
            return "label";
        case SceneKind::disc:
            return "disc";
        case SceneKind::dot:
            return "dot";
        case SceneKind::marker:
            return "marker";
        case SceneKind::legend:
            return "legend";
        case SceneKind::credit:
            return "credit";
        case SceneKind::banner:
            return "banner";
        case SceneKind::extra:
            return "extra";
    }
    return "text";
}

std::uint32_t SceneReport::add_widget(std::string name, const Rect& rect) {
    widgets_.push_back(SceneWidget{std::move(name), rect});
    return static_cast<std::uint32_t>(widgets_.size() - 1);
}

}  // namespace tsur::display
