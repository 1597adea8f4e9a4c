// Russian plurals and the countdown texts the SLA board shows.
#include <gtest/gtest.h>

#include "display/name_abbreviations.hpp"
#include "display/strings.hpp"
#include "display/text_format.hpp"

namespace tsur::display {
namespace {

std::string_view day_word(long long n) { return plural_ru(n, "день", "дня", "дней"); }

TEST(Strings, RussianPluralForms) {
    EXPECT_EQ(day_word(1), "день");
    EXPECT_EQ(day_word(21), "день");
    EXPECT_EQ(day_word(101), "день");
    EXPECT_EQ(day_word(2), "дня");
    EXPECT_EQ(day_word(4), "дня");
    EXPECT_EQ(day_word(23), "дня");
    EXPECT_EQ(day_word(5), "дней");
    EXPECT_EQ(day_word(11), "дней");
    EXPECT_EQ(day_word(12), "дней");
    EXPECT_EQ(day_word(14), "дней");
    EXPECT_EQ(day_word(111), "дней");
    EXPECT_EQ(day_word(0), "дней");
}

TEST(Strings, EveryLabelIsWrittenInBothLanguages) {
    const Strings& ru = strings_for(Language::ru);
    const Strings& en = strings_for(Language::en);
    ASSERT_FALSE(string_labels().empty());
    for (const StringLabel& label : string_labels()) {
        EXPECT_FALSE(label.ru.empty() || label.en.empty()) << label.ru << " / " << label.en;
        EXPECT_EQ(ru.*label.field, label.ru);
        EXPECT_EQ(en.*label.field, label.en);
    }
    for (const auto* s : {&ru, &en}) {
        for (const std::string_view name : s->sector) EXPECT_FALSE(name.empty());
        for (const std::string_view month : s->month_genitive) EXPECT_FALSE(month.empty());
    }
    EXPECT_EQ(ru.title_map, "Карта обращений");
    EXPECT_EQ(en.sector_name(model::Sector::roads), "Roads");
}

TEST(Strings, CountdownBeforeAndAfterTheDeadline) {
    EXPECT_EQ(format_countdown(45 * 60, Language::ru), "через 45 мин");
    EXPECT_EQ(format_countdown(30, Language::ru), "через 1 мин");
    EXPECT_EQ(format_countdown(0, Language::ru), "\u22121 мин");
    EXPECT_EQ(format_countdown(-(3 * 3600 + 12 * 60), Language::ru), "\u22123 ч 12 мин");
    EXPECT_EQ(format_countdown(-(3 * 3600 + 11 * 60 + 1), Language::ru), "\u22123 ч 12 мин");
    EXPECT_EQ(format_countdown(2 * 86400 + 4 * 3600, Language::ru), "через 2 дня 4 ч");
    EXPECT_EQ(format_countdown(-86400, Language::ru), "\u22121 день");
    EXPECT_EQ(format_countdown(5 * 86400, Language::ru), "через 5 дней");
    EXPECT_EQ(format_countdown(45 * 60, Language::en), "in 45 min");
}

TEST(Strings, AgeForTheStaleBanner) {
    EXPECT_EQ(format_age(5 * 60, Language::ru), "5 минут");
    EXPECT_EQ(format_age(21 * 60, Language::ru), "21 минуту");
    EXPECT_EQ(format_age(2 * 3600 + 3 * 60, Language::ru), "2 часа 3 минуты");
    EXPECT_EQ(format_age(3 * 86400, Language::ru), "3 дня");
}

TEST(Strings, CountsGroupThousandsFromFiveDigits) {
    EXPECT_EQ(format_count(1234), "1234");
    EXPECT_EQ(format_count(12345), "12\u2009345");
    EXPECT_EQ(format_count(1234567), "1\u2009234\u2009567");
}

TEST(Strings, EveryLabelIsTranslated) {
    for (auto lang : {Language::ru, Language::en}) {
        const Strings& s = strings_for(lang);
        for (auto v : s.sector) EXPECT_FALSE(v.empty());
        for (auto v : s.channel) EXPECT_FALSE(v.empty());
        for (auto v : s.status) EXPECT_FALSE(v.empty());
        EXPECT_FALSE(s.title_board.empty());
    }
    EXPECT_NE(strings_for(Language::ru).title_map, strings_for(Language::en).title_map);
}

TEST(Strings, DistrictNamesShortenByRuleNotMidWord) {
    const auto forms = name_abbreviations("Завьяловский район", "район", "р-н");
    ASSERT_GE(forms.size(), 2u);
    EXPECT_EQ(forms[0], "Завьяловский р-н");
    EXPECT_EQ(forms[1], "Завьяловск. р-н");
    EXPECT_EQ(forms.back(), "Завьял. р-н");
    const auto malo = name_abbreviations("Малопургинский район", "район", "р-н");
    EXPECT_EQ(malo.front(), "Малопургинский р-н");
    for (const auto& f : malo) {
        // Every cut ends on a consonant followed by ".": a syllable boundary, never "Малопургин…".
        EXPECT_EQ(f.find("…"), std::string::npos) << f;
    }
    const auto en = name_abbreviations("Zavyalovsky District", "District", "Dist.");
    EXPECT_EQ(en.front(), "Zavyalovsky Dist.");
    EXPECT_TRUE(name_abbreviations("Ижевск", "район", "р-н").size() <= 1u)
        << "a short city name has at most one cut";
}

}  // namespace
}  // namespace tsur::display
