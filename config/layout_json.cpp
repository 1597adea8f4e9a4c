// Typed field reads and the widget options of layout files. Each read that fails records a
// problem and returns nullopt, so the caller keeps its default and goes on looking for more.
#include "config/layout_json.hpp"

#include <algorithm>
#include <cmath>

#include "config/duration.hpp"
#include "model/enums.hpp"

namespace tsur::config::detail {

using nlohmann::json;

std::string join(std::initializer_list<std::string_view> names) { return join_range(names); }

std::string type_name(const json& value) {
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "true/false";
    if (value.is_number()) return "a number";
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    return "null";
}

void Reader::check_keys(const json& obj, const std::string& path,
                        std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            problem(member(path, key), "unknown field (expected one of: " + join(allowed) + ")");
        }
    }
}

const json* Reader::field(const json& obj, const std::string& path, std::string_view key,
                          bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) problem(member(path, key), "missing (required)");
        return nullptr;
    }
    return &*it;
}

std::optional<long long> Reader::integer(const json& obj, const std::string& path,
                                         std::string_view key, bool required, long long min,
                                         long long max) {
    const json* v = field(obj, path, key, required);
    if (!v) return std::nullopt;
    const bool whole = v->is_number_integer() ||
                       (v->is_number_float() && std::trunc(v->get<double>()) == v->get<double>());
    if (!whole) {
        problem(member(path, key), "expected a whole number from " + std::to_string(min) + " to " +
                                       std::to_string(max) + ", got " + v->dump());
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
        problem(member(path, key), "expected a whole number from " + std::to_string(min) + " to " +
                                       std::to_string(max) + ", got " + v->dump());
        return std::nullopt;
    }
    return static_cast<long long>(d);
}

std::optional<double> Reader::number(const json& obj, const std::string& path, std::string_view key,
                                     bool required, double min, double max) {
    const json* v = field(obj, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number() || !(v->get<double>() >= min && v->get<double>() <= max)) {
        json lo = min, hi = max;
        problem(member(path, key),
                "expected a number from " + lo.dump() + " to " + hi.dump() + ", got " + v->dump());
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<bool> Reader::boolean(const json& obj, const std::string& path,
                                    std::string_view key) {
    const json* v = field(obj, path, key, false);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        problem(member(path, key), "expected true or false, got " + v->dump());
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<std::string> Reader::string(const json& obj, const std::string& path,
                                          std::string_view key, bool required) {
    const json* v = field(obj, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        problem(member(path, key), "expected a string, got " + type_name(*v));
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<model::Seconds> Reader::duration(const json& obj, const std::string& path,
                                               std::string_view key, bool required) {
    const json* v = field(obj, path, key, required);
    if (!v) return std::nullopt;
    std::optional<model::Seconds> d;
    if (v->is_string()) d = parse_duration(v->get<std::string>());
    if (!d) {
        problem(member(path, key),
                "expected a positive duration such as \"90s\", \"15m\" or "
                "\"2h\" (s, m, h, d), got " +
                    v->dump());
    }
    return d;
}

namespace {

/// Reads an array of enum ids ("sectors": ["roads", "waste"]).
template <typename E, std::size_t N>
std::vector<E> read_ids(Reader& r, const json& obj, const std::string& path, std::string_view key,
                        std::string_view what, const std::array<std::string_view, N>& ids) {
    std::vector<E> out;
    const json* v = r.field(obj, path, key, false);
    if (!v) return out;
    const std::string p = member(path, key);
    if (!v->is_array()) {
        r.problem(p, "expected an array of " + std::string(what) + " ids, got " + type_name(*v));
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        const std::string text = item.is_string() ? item.get<std::string>() : std::string{};
        const auto id = item.is_string() ? model::enum_from_id<E>(ids, text) : std::nullopt;
        if (!id) {
            r.problem(element(p, i), "unknown " + std::string(what) + " " + item.dump() +
                                         " (expected one of: " + join_range(ids) + ")");
            continue;
        }
        if (std::find(out.begin(), out.end(), *id) != out.end()) {
            r.problem(element(p, i), std::string(what) + " " + item.dump() + " listed twice");
            continue;
        }
        out.push_back(*id);
    }
    return out;
}

/// Reads a string that must be one of `names`; returns its index.
std::optional<std::size_t> read_choice(Reader& r, const json& obj, const std::string& path,
                                       std::string_view key,
                                       std::initializer_list<std::string_view> names) {
    const json* v = r.field(obj, path, key, false);
    if (!v) return std::nullopt;
    if (v->is_string()) {
        const auto s = v->get<std::string>();
        const auto it = std::find(names.begin(), names.end(), s);
        if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    }
    r.problem(member(path, key), "expected one of: " + join(names) + ", got " + v->dump());
    return std::nullopt;
}

}  // namespace

WidgetSpec read_widget(Reader& r, const json& obj, const std::string& path,
                       std::span<const std::string_view> widget_types) {
    WidgetSpec w;
    if (!obj.is_object()) {
        r.problem(path, "expected an object {\"type\": ...}, got " + type_name(obj));
        return w;
    }
    r.check_keys(obj, path,
                 {"type", "title", "sectors", "channels", "statuses", "public", "window",
                  "group_by", "row_order", "order", "per_capita", "inset", "page", "max_rows"});
    if (auto type = r.string(obj, path, "type", true)) {
        if (std::find(widget_types.begin(), widget_types.end(), *type) == widget_types.end()) {
            r.problem(member(path, "type"), "unknown widget \"" + *type + "\" (expected one of: " +
                                                join_range(widget_types) + ")");
        }
        w.type = *type;
    }
    if (auto title = r.string(obj, path, "title", false)) w.title = *title;
    w.sectors = read_ids<model::Sector>(r, obj, path, "sectors", "sector", model::kSectorIds);
    w.channels = read_ids<model::Channel>(r, obj, path, "channels", "channel", model::kChannelIds);
    w.statuses = read_ids<model::Status>(r, obj, path, "statuses", "status", model::kStatusIds);
    if (auto b = r.boolean(obj, path, "public")) w.public_mode = *b;
    if (auto c = read_choice(r, obj, path, "window", {"open", "today", "7d", "overdue"})) {
        w.window = static_cast<Window>(*c);
    }
    if (auto c = read_choice(r, obj, path, "group_by", {"none", "agency", "municipality"})) {
        w.group_by = static_cast<GroupBy>(*c);
    }
    if (auto c = read_choice(r, obj, path, "row_order", {"total", "name"})) {
        w.row_order = static_cast<RowOrder>(*c);
    }
    if (auto c = read_choice(r, obj, path, "order", {"urgent", "oldest_first"})) {
        w.board_order = static_cast<BoardOrder>(*c);
    }
    if (auto b = r.boolean(obj, path, "per_capita")) w.per_capita = *b;
    if (auto b = r.boolean(obj, path, "inset")) w.inset = *b;
    if (auto d = r.duration(obj, path, "page", false)) {
        if (d->count() > 3600) {
            r.problem(member(path, "page"), "expected at most \"1h\" per page");
        } else {
            w.page_seconds = static_cast<int>(d->count());
        }
    }
    if (auto n = r.integer(obj, path, "max_rows", false, 0, 1000)) {
        w.max_rows = static_cast<int>(*n);
    }
    return w;
}

}  // namespace tsur::config::detail
