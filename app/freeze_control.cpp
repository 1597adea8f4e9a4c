// A second `freeze` while frozen keeps the first snapshot: the governor's numbers must not jump
// because an operator pressed the button twice.
#include "app/freeze_control.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace tsur::app {
namespace {

nlohmann::json describe(const FreezeView& v, const net::SnapshotStore& store) {
    nlohmann::json j;
    j["ok"] = true;
    j["frozen"] = v.frozen;
    if (v.frozen) {
        j["by_schedule"] = v.by_schedule;
        j["frozen_at"] = model::format_rfc3339(v.instant);
        j["as_of"] = model::format_rfc3339(v.snapshot->as_of);
        j["version"] = v.snapshot->version;
        j["screen"] = v.screen_id;
    }
    if (const auto live = store.current()) {
        j["live_as_of"] = model::format_rfc3339(live->as_of);
    }
    return j;
}

}  // namespace

std::string FreezeController::on_freeze(std::string_view screen_id) {
    if (!screen_id.empty()) {
        // An "ok" for a screen the wall does not have would leave the operator believing it.
        const auto screens = state_.screens();
        if (std::find(screens.begin(), screens.end(), screen_id) == screens.end()) {
            nlohmann::json j;
            j["ok"] = false;
            std::string known;
            for (const auto& id : screens) known += (known.empty() ? "" : ", ") + id;
            j["error"] = "no screen '" + std::string(screen_id) + "' in the layout on show" +
                         (known.empty() ? std::string() : " (screens: " + known + ")");
            return j.dump();
        }
    }
    if (!state_.frozen()) {
        auto current = store_.current();
        if (!current) return R"({"ok":false,"error":"no data to freeze yet"})";
        state_.freeze(std::move(current), clock_.now(), std::string(screen_id));
    }
    return describe(state_.view(), store_).dump();
}

std::string FreezeController::on_unfreeze() {
    state_.unfreeze();
    return describe(state_.view(), store_).dump();
}

std::string FreezeController::on_status() { return describe(state_.view(), store_).dump(); }

}  // namespace tsur::app
