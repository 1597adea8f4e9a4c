// Collecting every error (not just the first) lets a person fix a config file in one pass.
#include "config/app_config_reader.hpp"

#include <cmath>
#include <limits>

#include "model/json_config.hpp"

namespace tsur::config {
namespace {

std::string shown(const nlohmann::json& v) {
    // A long value would drown the message; the start is enough to recognise it.
    std::string text = v.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

}  // namespace

ConfigSection::ConfigSection(const nlohmann::json& object, std::string path,
                             std::string_view file_name, std::vector<std::string>& errors)
    : object_(object), path_(std::move(path)), file_name_(file_name), errors_(&errors) {}

std::string ConfigSection::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void ConfigSection::fail(std::string_view key, std::string_view what) {
    errors_->push_back(model::config_error(file_name_, path_of(key), what).message);
}

void ConfigSection::expected(std::string_view key, std::string_view what_expected) {
    const nlohmann::json* v = get(key);
    fail(key, "expected " + std::string(what_expected) + ", got " + (v ? shown(*v) : "null"));
}

void ConfigSection::allow_only(std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object_.items()) {
        bool found = false;
        for (const auto k : known) found = found || k == key;
        if (found) continue;
        std::string list;
        for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(key, "unknown setting (expected one of: " + list + ")");
    }
}

const nlohmann::json* ConfigSection::get(std::string_view key) const {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

std::optional<ConfigSection> ConfigSection::section(std::string_view key) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_object()) {
        expected(key, "an object { ... }");
        return std::nullopt;
    }
    return ConfigSection(*v, path_of(key), file_name_, *errors_);
}

std::optional<std::string> ConfigSection::string(std::string_view key) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        expected(key, "a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<bool> ConfigSection::boolean(std::string_view key) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        expected(key, "true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<double> ConfigSection::number(std::string_view key, double lo, double hi) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    const double d = v->is_number() ? v->get<double>() : std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(d) || d < lo || d > hi) {
        expected(key, "a number from " + shown(lo) + " to " + shown(hi));
        return std::nullopt;
    }
    return d;
}

std::optional<int> ConfigSection::integer(std::string_view key, int lo, int hi) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
        expected(key, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return static_cast<int>(v->get<long long>());
}

std::optional<std::size_t> ConfigSection::choice(std::string_view key,
                                                 std::initializer_list<std::string_view> choices) {
    const nlohmann::json* v = get(key);
    if (!v) return std::nullopt;
    if (v->is_string()) {
        std::size_t i = 0;
        for (const auto c : choices) {
            if (v->get<std::string>() == c) return i;
            ++i;
        }
    }
    std::string list;
    for (const auto c : choices) list += (list.empty() ? "\"" : " or \"") + std::string(c) + "\"";
    expected(key, list);
    return std::nullopt;
}

}  // namespace tsur::config
