// The league table on a short, wide cell (situation-room's SLA screen): agencies in columns, worst
// first, with the minimum-sample rule on one footer line instead of eating the rows.
#include "display/league_fit.hpp"

#include <gtest/gtest.h>

namespace tsur::display {
namespace {

model::LeagueTable table_of(std::size_t ranked, std::size_t too_few) {
    model::LeagueTable t;
    for (std::size_t i = 0; i < ranked; ++i)
        t.ranked.push_back({"R" + std::to_string(i), 10, 10, 5});
    for (std::size_t i = 0; i < too_few; ++i)
        t.too_few.push_back({"F" + std::to_string(i), 1, 0, 0});
    return t;
}

TEST(LeagueFit, AShortWideCellShowsAgenciesInColumns) {
    // Room for 3 rows of 60 px after a 40 px footer, and 3 columns of 1000 px.
    const LeagueFit fit = fit_league(33, 3300, 3 * 60 + 40, 60, 40, 1000);
    EXPECT_EQ(fit.columns, 3u);
    EXPECT_EQ(fit.rows, 3u);
    EXPECT_EQ(fit.shown, 9u);
}

TEST(LeagueFit, UsesNoMoreColumnsThanNeeded) {
    const LeagueFit fit = fit_league(4, 3300, 10 * 60 + 40, 60, 40, 1000);
    EXPECT_EQ(fit.columns, 1u);
    EXPECT_EQ(fit.shown, 4u);
}

TEST(LeagueFit, NeverMoreThanThreeColumns) {
    EXPECT_EQ(fit_league(100, 20000, 100, 60, 40, 1000).columns, kMaxLeagueColumns);
}

TEST(LeagueFit, NoRoomForARowShowsNone) {
    const LeagueFit fit = fit_league(10, 3000, 90, 60, 40, 1000);
    EXPECT_EQ(fit.shown, 0u);
}

TEST(LeagueFit, FooterCountsTheRestAndStatesTheMinimumSampleRule) {
    const auto t = table_of(33, 2);
    EXPECT_EQ(league_footer(t, 9, 20, strings_for(Language::ru)),
              "ещё 24 \u00B7 мало данных (< 20 случ.): F0, F1");
    EXPECT_EQ(league_footer(t, 33, 20, strings_for(Language::en)),
              "not ranked (< 20 cases): F0, F1");
    EXPECT_EQ(league_footer(table_of(3, 0), 3, 20, strings_for(Language::en)), "");
}

}  // namespace
}  // namespace tsur::display
