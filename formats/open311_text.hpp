// Small text helpers shared by the Open311 JSON and XML readers.
#pragma once

#include <string>
#include <string_view>

namespace tsur::net::open311 {

/// Stands in for an object or array where Open311 expects text: fails every typed check.
inline constexpr std::string_view kInvalidText = "<invalid>";

/// Removes surrounding whitespace: real responses pad media_url and XML indents its text.
inline std::string trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(kSpace);
    return std::string(s.substr(first, last - first + 1));
}

}  // namespace tsur::net::open311
