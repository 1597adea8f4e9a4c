// A cut after a consonant and before a vowel keeps the abbreviation pronounceable ("Завьял.");
// letters are walked as UTF-8 code points so Cyrillic is never split mid-character.
#include "display/name_abbreviations.hpp"

namespace tsur::display {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes come back as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80 || i >= s.size()) return b;
    const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t cp = b & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

bool is_vowel(char32_t c) {
    static constexpr std::u32string_view kVowels = U"аеёиоуыэюяАЕЁИОУЫЭЮЯaeiouyAEIOUY";
    return kVowels.find(c) != std::u32string_view::npos;
}

// A letter an abbreviation may end on: any letter but a vowel, a soft or hard sign or "й".
bool ends_abbreviation(char32_t c) {
    const bool cyrillic = (c >= U'А' && c <= U'я') || c == U'ё' || c == U'Ё';
    const bool latin = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (!cyrillic && !latin) return false;
    if (c == U'ь' || c == U'ъ' || c == U'й' || c == U'Ь' || c == U'Ъ' || c == U'Й') return false;
    return !is_vowel(c);
}

}  // namespace

std::vector<std::string> name_abbreviations(std::string_view name, std::string_view district_word,
                                            std::string_view district_abbrev) {
    std::vector<std::string> out;
    std::string base(name);
    if (const std::size_t at = base.rfind(district_word);
        !district_word.empty() && at != std::string::npos) {
        base.replace(at, district_word.size(), district_abbrev);
        out.push_back(base);
    }
    const std::size_t space = base.find(' ');
    const std::string_view word = std::string_view(base).substr(0, space);
    const std::string rest = space == std::string::npos ? "" : base.substr(space);
    // Byte offsets of the word's code points, and the code points themselves.
    std::vector<std::size_t> offsets;
    std::u32string letters;
    for (std::size_t i = 0; i < word.size();) {
        offsets.push_back(i);
        letters.push_back(next_code_point(word, i));
    }
    constexpr std::size_t kMinLetters = 4;
    for (std::size_t n = letters.size() - (letters.empty() ? 0 : 1); n >= kMinLetters; --n) {
        if (!ends_abbreviation(letters[n - 1]) || !is_vowel(letters[n])) continue;
        out.push_back(std::string(word.substr(0, offsets[n])) + "." + rest);
    }
    return out;
}

}  // namespace tsur::display
