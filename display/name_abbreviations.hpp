// Shortened place names for narrow cells, made by rule rather than cut at a byte count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsur::display {

/// The shortened forms of a place name, longest first, each made by rule and never cut
/// mid-syllable: `district_word` -> `district_abbrev` ("Завьяловский район" -> "Завьяловский
/// р-н"), then the first word cut after a consonant before a vowel, with a full stop
/// ("Завьяловск. р-н", "Завьял. р-н"), keeping at least four letters. The name itself is not
/// included; empty when no rule applies.
std::vector<std::string> name_abbreviations(std::string_view name, std::string_view district_word,
                                            std::string_view district_abbrev);

}  // namespace tsur::display
