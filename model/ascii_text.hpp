// ASCII text helpers shared by every parser of outside input: trimming and case-blind compare.
#pragma once

#include <string_view>

namespace tsur::model {

/// `s` without leading and trailing ASCII whitespace (space, \t, \r, \n, \f, \v).
std::string_view trim_ascii(std::string_view s);

/// Case-insensitive ASCII comparison (HTTP header names, tokens, Open311 status words).
bool iequals_ascii(std::string_view a, std::string_view b);

}  // namespace tsur::model
