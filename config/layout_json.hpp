// Internal to the layout parser: typed reads of JSON fields that record a problem (with its JSON
// path) instead of throwing, so parsing continues and every mistake is reported.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/layout_parser.hpp"
#include "model/time.hpp"

namespace tsur::config::detail {

/// Collects problems while one layout is read; single use, one thread.
class Reader {
public:
    explicit Reader(std::vector<LayoutProblem>& problems) : problems_(problems) {}

    void problem(std::string path, std::string message) {
        problems_.push_back(LayoutProblem{std::move(path), std::move(message)});
    }

    /// Reports every key of `obj` that is not in `allowed`.
    void check_keys(const nlohmann::json& obj, const std::string& path,
                    std::initializer_list<std::string_view> allowed);

    /// `obj[key]` when present; a problem "missing" when `required` and absent.
    const nlohmann::json* field(const nlohmann::json& obj, const std::string& path,
                                std::string_view key, bool required);

    std::optional<long long> integer(const nlohmann::json& obj, const std::string& path,
                                     std::string_view key, bool required, long long min,
                                     long long max);
    std::optional<double> number(const nlohmann::json& obj, const std::string& path,
                                 std::string_view key, bool required, double min, double max);
    std::optional<bool> boolean(const nlohmann::json& obj, const std::string& path,
                                std::string_view key);
    std::optional<std::string> string(const nlohmann::json& obj, const std::string& path,
                                      std::string_view key, bool required);
    /// A duration string "90s", "15m", "2h" (config::parse_duration).
    std::optional<model::Seconds> duration(const nlohmann::json& obj, const std::string& path,
                                           std::string_view key, bool required);

private:
    std::vector<LayoutProblem>& problems_;
};

inline std::string member(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
inline std::string element(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}
/// "a, b, c" for messages that list what was expected.
std::string join(std::initializer_list<std::string_view> names);
template <typename Range>
std::string join_range(const Range& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}
/// The JSON type as a user would name it ("a string", "a number", ...).
std::string type_name(const nlohmann::json& value);

/// Reads a widget object (type + options) at `path`.
WidgetSpec read_widget(Reader& r, const nlohmann::json& obj, const std::string& path,
                       std::span<const std::string_view> widget_types);

/// Reads the "wall" object.
Wall read_wall(Reader& r, const nlohmann::json& obj, const std::string& path);

/// Reads the "schedule" array of {"days": "mon-fri", "on": "08:00", "off": "20:00"}.
Schedule read_schedule(Reader& r, const nlohmann::json& arr, const std::string& path);

}  // namespace tsur::config::detail
