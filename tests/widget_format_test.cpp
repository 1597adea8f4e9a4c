// Widget wording: decimal commas, spike factors, "in N days" with Russian plurals.
#include <gtest/gtest.h>

#include "display/widget_format.hpp"

namespace tsur::display {
namespace {

const Strings& ru() { return strings_for(Language::ru); }
const Strings& en() { return strings_for(Language::en); }

TEST(WidgetFormat, FactorUsesDecimalCommaInRussian) {
    EXPECT_EQ(format_factor(3.2, ru()), "×3,2 к норме");
    EXPECT_EQ(format_factor(3.2, en()), "×3.2 vs normal");
    EXPECT_EQ(format_factor(2.96, ru()), "×3,0 к норме");
    EXPECT_EQ(format_factor(10.04, ru()), "×10,0 к норме");
}

TEST(WidgetFormat, DecimalRoundsAndSigns) {
    EXPECT_EQ(format_decimal(0.05, 1, Language::ru), "0,1");
    EXPECT_EQ(format_decimal(12.0, 0, Language::ru), "12");
    EXPECT_EQ(format_decimal(-1.25, 2, Language::en), "\u22121.25");
    EXPECT_EQ(format_decimal(-0.01, 1, Language::ru), "0,0");
}

TEST(WidgetFormat, PercentOfShare) {
    EXPECT_EQ(format_percent(0.874, Language::ru), "87 %");
    EXPECT_EQ(format_percent(1.0, Language::en), "100%");
}

TEST(WidgetFormat, DaysUntilUsesRussianPlurals) {
    EXPECT_EQ(format_days_until(0, ru()), "сегодня");
    EXPECT_EQ(format_days_until(1, ru()), "завтра");
    EXPECT_EQ(format_days_until(2, ru()), "через 2 дня");
    EXPECT_EQ(format_days_until(5, ru()), "через 5 дней");
    EXPECT_EQ(format_days_until(11, ru()), "через 11 дней");
    EXPECT_EQ(format_days_until(21, ru()), "через 21 день");
    EXPECT_EQ(format_days_until(112, ru()), "через 112 дней");
    EXPECT_EQ(format_days_until(21, en()), "in 21 days");
}

TEST(WidgetFormat, DateInGenitive) {
    using namespace std::chrono;
    EXPECT_EQ(format_date(sys_days{year{2027} / September / 15}, ru()), "15 сентября 2027");
    EXPECT_EQ(format_date(sys_days{year{2027} / March / 1}, en()), "1 March 2027");
}

TEST(WidgetFormat, CompactCountsNeverDropDigits) {
    EXPECT_EQ(format_compact(7, Language::ru), "7");
    EXPECT_EQ(format_compact(999, Language::ru), "999");
    EXPECT_EQ(format_compact(1234, Language::ru), "1,2k");
    EXPECT_EQ(format_compact(1234, Language::en), "1.2k");
    EXPECT_EQ(format_compact(9960, Language::ru), "10k") << "rounded, not truncated";
    EXPECT_EQ(format_compact(51234, Language::ru), "51k");
    EXPECT_EQ(format_compact(1250000, Language::ru), "1,3M");
}

}  // namespace
}  // namespace tsur::display
