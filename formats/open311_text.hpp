// What the Open311 JSON and XML readers agree to read in place of text that is not text.
#pragma once

#include <string_view>

namespace tsur::net::open311 {

/// Stands in for an object or array where Open311 expects text: fails every typed check.
inline constexpr std::string_view kInvalidText = "<invalid>";

}  // namespace tsur::net::open311
