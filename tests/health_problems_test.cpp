// What monitoring sees of what the room sees: layout errors, an expiring holiday calendar, glyphs
// drawn as '?' and an offline wall become /healthz problems (503 when the room is misled) and
// /metrics gauges and counters.
#include "server/status_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

#include "model/calendar_date.hpp"
#include "support/time_literal.hpp"

namespace tsur::net {
namespace {

using test::at;

/// A wall at 2026-11-15 with fresh data and a live frame: healthy unless a test breaks it.
StatusInputs healthy_wall() {
    StatusInputs in;
    in.version = "t";
    in.uptime = std::chrono::seconds{3600};
    in.server_now = at("2026-11-15T09:00:00Z");
    in.steady_now = std::chrono::steady_clock::time_point{std::chrono::hours{10}};
    auto snap = std::make_shared<model::Snapshot>();
    snap->as_of = in.server_now - std::chrono::seconds{20};
    snap->version = 7;
    auto published = std::make_shared<PublishedSnapshot>();
    published->snapshot = snap;
    in.published = published;
    in.render.created = in.steady_now - std::chrono::hours{1};
    in.render.frames = 10;
    in.render.last_present = in.steady_now - std::chrono::seconds{5};
    in.render.last_change = in.render.last_present;
    in.render.state = DisplayState::live;
    return in;
}

std::shared_ptr<const model::WorkCalendar> calendar_listing(std::initializer_list<const char*> d) {
    std::set<std::chrono::sys_days> days;
    for (const char* text : d) days.insert(*model::parse_iso_date(text));
    return std::make_shared<const model::WorkCalendar>(days, std::set<std::chrono::sys_days>{},
                                                       model::Seconds{4 * 3600});
}

bool names(const HealthVerdict& v, std::string_view id) {
    return std::find(v.problems.begin(), v.problems.end(), id) != v.problems.end();
}

bool has_line(const std::string& text, const std::string& line) {
    return text.find(line + "\n") != std::string::npos;
}

TEST(HealthProblems, AHealthyWallHasNoProblems) {
    const auto in = healthy_wall();
    const auto v = assess_health(in);
    EXPECT_TRUE(v.healthy);
    EXPECT_EQ(v.status, "ok");
    EXPECT_TRUE(v.problems.empty());
}

TEST(HealthProblems, CalendarEndingWithinSixtyDaysIsNamedButTheWallStaysHealthy) {
    auto in = healthy_wall();
    in.calendar = calendar_listing({"2026-11-04"});  // lists 2026 only: ends in 46 days
    const auto v = assess_health(in);
    EXPECT_TRUE(v.healthy);
    EXPECT_EQ(v.status, "ok");
    ASSERT_TRUE(names(v, "calendar_ending"));
    EXPECT_NE(v.details.at("calendar_ending").find("ends 2026-12-31, in 46 days"),
              std::string::npos)
        << v.details.at("calendar_ending");
    const auto j = nlohmann::json::parse(healthz_json(in, v));
    EXPECT_EQ(j["problems"][0], "calendar_ending");
    EXPECT_EQ(j["calendar"]["listed_until"], "2026-12-31");
    EXPECT_EQ(j["calendar"]["days_left"], 46);
    const auto m = metrics_text(in, v);
    EXPECT_TRUE(has_line(m, "tsur_problem{problem=\"calendar_ending\"} 1")) << m;
    EXPECT_TRUE(has_line(m, "tsur_calendar_days_left 46"));
    EXPECT_TRUE(has_line(m, "tsur_healthy 1"));
}

TEST(HealthProblems, CalendarWithNextYearListedIsNotEnding) {
    auto in = healthy_wall();
    in.calendar = calendar_listing({"2026-11-04", "2027-01-01"});
    const auto v = assess_health(in);
    EXPECT_FALSE(names(v, "calendar_ending"));
    EXPECT_TRUE(has_line(metrics_text(in, v), "tsur_problem{problem=\"calendar_ending\"} 0"));
}

TEST(HealthProblems, CalendarThatHasEndedIsStillNamed) {
    auto in = healthy_wall();
    in.server_now = at("2027-01-06T09:00:00Z");
    in.published = nullptr;
    in.calendar = calendar_listing({"2026-11-04"});
    const auto v = assess_health(in);
    ASSERT_TRUE(names(v, "calendar_ending"));
    EXPECT_NE(v.details.at("calendar_ending").find("ended 2026-12-31, 6 days ago"),
              std::string::npos);
}

TEST(HealthProblems, BuiltInLayoutInsteadOfTheConfiguredOneIs503) {
    auto in = healthy_wall();
    in.render.layout = LayoutState::builtin;
    in.render.layout_rejections = 2;
    const auto v = assess_health(in);
    EXPECT_FALSE(v.healthy);
    EXPECT_EQ(v.status, "layout_builtin");
    const auto m = metrics_text(in, v);
    EXPECT_TRUE(has_line(m, "tsur_problem{problem=\"layout_builtin\"} 1"));
    EXPECT_TRUE(has_line(m, "tsur_layout_rejections_total 2"));
    EXPECT_TRUE(has_line(m, "tsur_healthy 0"));
    EXPECT_EQ(nlohmann::json::parse(healthz_json(in, v))["display"]["layout"], "builtin");
}

TEST(HealthProblems, RejectedEditWithTheLastGoodLayoutShownIsNamedNot503) {
    auto in = healthy_wall();
    in.render.layout = LayoutState::rejected;
    in.render.layout_rejections = 1;
    const auto v = assess_health(in);
    EXPECT_TRUE(v.healthy);
    EXPECT_TRUE(names(v, "layout_rejected"));
    EXPECT_TRUE(has_line(metrics_text(in, v), "tsur_problem{problem=\"layout_rejected\"} 1"));
}

TEST(HealthProblems, OfflineWallIs503EvenWithRecentData) {
    auto in = healthy_wall();
    in.render.state = DisplayState::offline;
    in.feed.consecutive_failures = 4;
    in.feed.last_error = "connection refused";
    const auto v = assess_health(in);
    EXPECT_FALSE(v.healthy);
    EXPECT_EQ(v.status, "offline");
    EXPECT_NE(v.details.at("offline").find("4 failed polls in a row (connection refused)"),
              std::string::npos);
}

TEST(HealthProblems, MisleadingProblemsComeFirst) {
    auto in = healthy_wall();
    in.calendar = calendar_listing({"2026-11-04"});
    in.render.layout = LayoutState::rejected;
    auto old = std::make_shared<model::Snapshot>();
    old->as_of = in.server_now - std::chrono::hours{2};
    auto published = std::make_shared<PublishedSnapshot>();
    published->snapshot = old;
    in.published = published;
    const auto v = assess_health(in);
    EXPECT_FALSE(v.healthy);
    ASSERT_GE(v.problems.size(), 3u);
    EXPECT_EQ(v.problems[0], "data_stale");
    EXPECT_EQ(v.status, "data_stale");
}

TEST(HealthProblems, GlyphFallbacksAreCountedAndNamed) {
    auto in = healthy_wall();
    in.render.glyph_fallbacks = 3;
    in.render.first_missing_glyph = U'Д';
    in.render.glyph_fallbacks_total = 12;
    const auto v = assess_health(in);
    EXPECT_TRUE(v.healthy);
    ASSERT_TRUE(names(v, "glyph_fallback"));
    EXPECT_NE(v.details.at("glyph_fallback").find("3 characters"), std::string::npos);
    EXPECT_NE(v.details.at("glyph_fallback").find("U+0414"), std::string::npos);
    const auto m = metrics_text(in, v);
    EXPECT_TRUE(has_line(m, "tsur_glyph_fallbacks_total 12"));
    EXPECT_TRUE(has_line(m, "tsur_frame_glyph_fallbacks 3"));
}

TEST(HealthProblems, EveryProblemHasAGaugeFromTheFirstScrape) {
    const auto in = healthy_wall();
    const auto m = metrics_text(in, assess_health(in));
    for (const auto& kind : kProblemKinds) {
        EXPECT_TRUE(has_line(m, "tsur_problem{problem=\"" + std::string(kind.id) + "\"} 0"))
            << kind.id;
    }
    EXPECT_TRUE(has_line(m, "tsur_calendar_days_left NaN"));
}

}  // namespace
}  // namespace tsur::net
