// A small checked reader over one JSON object of a config file: typed getters that record every
// problem (with its JSON path) instead of stopping at the first, and an unknown-key check.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsur::config {

/// Reads one object at `path` ("feed", "display.panels"); errors go to a shared list. One parse.
class ConfigSection {
public:
    ConfigSection(const nlohmann::json& object, std::string path, std::string_view file_name,
                  std::vector<std::string>& errors);

    /// Records an error for every key not in `known`, listing what would have been accepted.
    void allow_only(std::initializer_list<std::string_view> known);
    /// The member, or null when it is absent or JSON null (both mean "use the default").
    const nlohmann::json* get(std::string_view key) const;
    /// The nested object `key`; records an error when present but not an object.
    std::optional<ConfigSection> section(std::string_view key);

    std::optional<std::string> string(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::optional<double> number(std::string_view key, double lo, double hi);
    std::optional<int> integer(std::string_view key, int lo, int hi);
    /// A string that must be one of `choices`; returns its index.
    std::optional<std::size_t> choice(std::string_view key,
                                      std::initializer_list<std::string_view> choices);

    /// Records "file: path.key: what".
    void fail(std::string_view key, std::string_view what);
    /// "expected <expected>, got <the JSON value as written>".
    void expected(std::string_view key, std::string_view what_expected);

    std::string path_of(std::string_view key) const;

private:
    const nlohmann::json& object_;
    std::string path_;
    std::string_view file_name_;
    std::vector<std::string>* errors_;
};

struct FeedSettings;

/// Reads the Open311-only feed keys (window, paging, services) into `f`, whose type and url are
/// already read; the keys are refused for other feed types.
void read_open311_feed(ConfigSection& s, FeedSettings& f);

}  // namespace tsur::config
