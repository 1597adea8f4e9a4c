// The KPI strip's "window" option changes what it shows: "today" leads with what came in today,
// "7d" with the week's intake, the default with the open state.
#include <gtest/gtest.h>

#include "display/kpi_strip_widget.hpp"
#include "display/strings.hpp"
#include "display/theme.hpp"
#include "model/sla_rules.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur::display {
namespace {

const model::TimePoint kNow = test::at("2026-11-23T10:15:00Z");

model::SnapshotPtr snapshot() {
    model::FeedDocument doc;
    doc.as_of = kNow;
    for (int i = 0; i < 9; ++i) {
        model::Incident inc;
        inc.id = "UD-" + std::to_string(i);
        inc.status = model::Status::in_progress;
        // Three came in this morning, six over the previous days.
        inc.created_at = i < 3 ? kNow - std::chrono::hours(1) : kNow - std::chrono::hours(30 * i);
        doc.incidents.push_back(inc);
    }
    return model::build_snapshot(std::move(doc),
                                 std::make_shared<model::Region>(test::udmurtia_region()),
                                 model::SlaRules::defaults());
}

TEST(KpiWindow, WindowChoosesTheTiles) {
    const auto snap = snapshot();
    FrameContext ctx;
    ctx.strings = &strings_for(Language::ru);
    ctx.theme = &dark_theme();
    ctx.now = kNow;
    const Strings& s = *ctx.strings;

    const auto open = kpi_tiles(*snap, config::Window::open, ctx);
    ASSERT_FALSE(open.empty());
    EXPECT_EQ(open.front().label, s.kpi_open);
    EXPECT_EQ(open.front().value, "9");

    const auto today = kpi_tiles(*snap, config::Window::today, ctx);
    ASSERT_FALSE(today.empty());
    EXPECT_EQ(today.front().label, s.kpi_created_today);
    EXPECT_EQ(today.front().value, "3");
    for (const KpiTile& t : today) {
        EXPECT_NE(t.label, s.kpi_on_time_share) << "no 7-day shares on a today strip";
    }

    const auto week = kpi_tiles(*snap, config::Window::week, ctx);
    ASSERT_FALSE(week.empty());
    EXPECT_EQ(week.front().label, s.kpi_created_week);
}

}  // namespace
}  // namespace tsur::display
