// Russian genitive by rule for the common endings of place names; compound names stay unchanged,
// since apposition reads correctly where a rule would decline them wrongly.
#include "demo/place_names.hpp"

namespace tsur::net::demo {

std::string admin_name(const model::Municipality& m) {
    static constexpr std::string_view kDistrict = "ий район";
    const std::string_view name = m.name_ru;
    if (!m.urban && name.ends_with(kDistrict)) {
        return "Администрация " + std::string{name.substr(0, name.size() - kDistrict.size())} +
               "ого района";
    }
    const std::string prefix = "Администрация г. ";
    // Compound or indeclinable names (Ростов-на-Дону, Сочи, Нижний Новгород) stay in apposition.
    if (name.find_first_of(" -") != std::string_view::npos) return prefix + std::string{name};
    const auto stem = [&](std::size_t cut) {
        return std::string{name.substr(0, name.size() - cut)};
    };
    if (name.ends_with("а")) {
        // Москва -> Москвы, but after к, г, х and sibilants -> и (Можга -> Можги).
        const std::string_view before = name.substr(0, name.size() - 2);
        bool soft = false;
        for (const std::string_view c : {"к", "г", "х", "ж", "ш", "ч", "щ"})
            soft |= before.ends_with(c);
        return prefix + stem(2) + (soft ? "и" : "ы");
    }
    if (name.ends_with("ь")) return prefix + stem(2) + "и";  // Пермь -> Перми
    for (const std::string_view v : {"о", "е", "и", "ы", "й", "я", "у", "ю", "э"}) {
        if (name.ends_with(v)) return prefix + std::string{name};
    }
    return prefix + std::string{name} + "а";
}

std::string regional_agency(std::string_view name, std::string_view region_code) {
    if (region_code == "RU-UD") return std::string{name};
    for (const std::string_view suffix : {std::string_view{" по УР"}, std::string_view{" УР"}}) {
        if (name.ends_with(suffix)) return std::string{name.substr(0, name.size() - suffix.size())};
    }
    return std::string{name};
}

}  // namespace tsur::net::demo
