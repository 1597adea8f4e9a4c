// A second `freeze` while frozen keeps the first snapshot: the governor's numbers must not jump
// because an operator pressed the button twice.
#include "app/freeze_control.hpp"

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
