// Holiday list parser: strict, because a wrong date silently shifts every working-day deadline.
#include "model/holiday_calendar_loader.hpp"

#include <set>
#include <string>

#include "model/calendar_date.hpp"
#include "model/json_config.hpp"

namespace tsur::model {
namespace {

using Json = nlohmann::json;

Error error_at(std::string_view file, const std::string& path, const std::string& what) {
    return config_error(file, path, what);
}

// Fills `out` from the optional array at `key`; nullopt when all is well.
std::optional<Error> read_dates(const Json& doc, const char* key, std::string_view file,
                                bool weekend_only, std::set<std::chrono::sys_days>& out) {
    const auto it = doc.find(key);
    if (it == doc.end()) return std::nullopt;
    if (!it->is_array()) return error_at(file, key, "expected an array of \"YYYY-MM-DD\" dates");
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& item = (*it)[i];
        const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
        if (!item.is_string()) return error_at(file, path, "expected a \"YYYY-MM-DD\" date");
        const auto text = item.get<std::string>();
        const auto day = parse_iso_date(text);
        if (!day) {
            return error_at(file, path, "expected a \"YYYY-MM-DD\" date, got \"" + text + "\"");
        }
        if (weekend_only) {
            const std::chrono::weekday wd{*day};
            if (wd != std::chrono::Saturday && wd != std::chrono::Sunday) {
                return error_at(file, path,
                                text +
                                    " is not a Saturday or Sunday, so it cannot be a "
                                    "transferred working weekend");
            }
        }
        if (!out.insert(*day).second) return error_at(file, path, text + " is listed twice");
    }
    return std::nullopt;
}

}  // namespace

Result<WorkCalendar> parse_holiday_calendar(std::string_view json_text, std::string_view file_name,
                                            Seconds utc_offset) {
    auto parsed = parse_json_config(json_text, file_name);
    if (!parsed) return Error{parsed.error()};
    const Json& doc = parsed.value();
    if (!doc.is_object()) return error_at(file_name, "(top level)", "expected an object");
    for (const auto& [key, value] : doc.items()) {
        if (key == "source") {
            if (!value.is_string()) return error_at(file_name, key, "expected a string");
        } else if (key != "holidays" && key != "working_weekends") {
            return error_at(file_name, key,
                            "unknown key (expected \"holidays\", \"working_weekends\" or "
                            "\"source\")");
        }
    }
    std::set<std::chrono::sys_days> holidays;
    std::set<std::chrono::sys_days> working;
    if (auto err = read_dates(doc, "holidays", file_name, false, holidays)) return *err;
    if (auto err = read_dates(doc, "working_weekends", file_name, true, working)) return *err;
    for (const auto day : working) {
        if (holidays.contains(day)) {
            return error_at(file_name, "working_weekends",
                            format_iso_date(day) + " is also listed under holidays");
        }
    }
    return WorkCalendar(std::move(holidays), std::move(working), utc_offset);
}

}  // namespace tsur::model
