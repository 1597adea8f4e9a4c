// Every text the wall can draw in one language, gathered for the fonts (which glyphs to bake) and
// for the test that looks each character up in each role.
#include "display/strings.hpp"
#include "display/text_format.hpp"

namespace tsur::display {

std::vector<std::string> all_texts(const Strings& s) {
    std::vector<std::string> out;
    auto add = [&out](std::string_view v) { out.emplace_back(v); };
    auto add_all = [&add](const auto& list) {
        for (const std::string_view v : list) add(v);
    };
    add_all(s.sector);
    add_all(s.sector_short);
    add_all(s.channel);
    add_all(s.status);
    add_all(s.sla_state);
    add_all(s.month_genitive);
    add_all(s.weekday);
    for (const StringLabel& label : string_labels()) add(s.*label.field);
    // The formatters' own words in every plural form and unit.
    for (const long long n : {1LL, 2LL, 5LL, 21LL}) {
        out.push_back(format_age(n * 60, s.language));
        out.push_back(format_age(n * 3600 + n * 60, s.language));
        out.push_back(format_age(n * 86400, s.language));
        out.push_back(format_countdown(n * 86400 + n * 3600, s.language));
        out.push_back(format_countdown(-(n * 3600 + n * 60), s.language));
    }
    out.push_back(format_count(-1234567));
    return out;
}

}  // namespace tsur::display
