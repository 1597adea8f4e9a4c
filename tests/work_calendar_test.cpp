// Working-day arithmetic across weekends, holidays and transferred days, and the holiday file.
#include "model/work_calendar.hpp"

#include <gtest/gtest.h>

#include "model/calendar_date.hpp"
#include "model/holiday_calendar_loader.hpp"
#include "model/sla_rules_loader.hpp"
#include "model/statutory_holidays.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using std::chrono::sys_days;
constexpr Seconds kUdmurtia{4 * 3600};

using test::at;
sys_days day(const char* text) { return *parse_iso_date(text); }

WorkCalendar russian_calendar() {
    const auto path = test::asset_path("calendars/ru-holidays.json");
    auto cal = parse_holiday_calendar(test::read_file(path), "ru-holidays.json", kUdmurtia);
    EXPECT_TRUE(cal.ok()) << (cal.ok() ? "" : cal.error());
    return cal.ok() ? cal.value() : WorkCalendar{};
}

int working_days_in_year(const WorkCalendar& cal, int year) {
    const sys_days first{std::chrono::year{year} / 1 / 1};
    const sys_days end{std::chrono::year{year + 1} / 1 / 1};
    int n = 0;
    for (auto d = first; d < end; d += std::chrono::days{1}) n += cal.is_working_day(d) ? 1 : 0;
    return n;
}

TEST(WorkCalendar, WeekendsAreDaysOffWithoutAnyList) {
    const WorkCalendar cal;
    EXPECT_TRUE(cal.is_working_day(day("2026-11-20")));   // Friday
    EXPECT_FALSE(cal.is_working_day(day("2026-11-21")));  // Saturday
    EXPECT_FALSE(cal.is_working_day(day("2026-11-22")));  // Sunday
    EXPECT_TRUE(cal.is_working_day(day("2026-11-23")));   // Monday
}

TEST(WorkCalendar, FridayPlusOneWorkingDayIsMondaySameLocalTime) {
    const WorkCalendar cal({}, {}, kUdmurtia);
    // 10:00 local on Friday -> 10:00 local on Monday.
    EXPECT_EQ(cal.add_working_days(at("2026-11-20T06:00:00Z"), 1), at("2026-11-23T06:00:00Z"));
    EXPECT_EQ(cal.add_working_days(at("2026-11-20T06:00:00Z"), 5), at("2026-11-27T06:00:00Z"));
}

TEST(WorkCalendar, ZeroWorkingDaysIsTheStart) {
    const WorkCalendar cal({}, {}, kUdmurtia);
    EXPECT_EQ(cal.add_working_days(at("2026-11-21T06:00:00Z"), 0), at("2026-11-21T06:00:00Z"));
}

TEST(WorkCalendar, StartingOnAWeekendCountsFromTheNextWorkingDay) {
    const WorkCalendar cal({}, {}, kUdmurtia);
    EXPECT_EQ(cal.add_working_days(at("2026-11-21T06:00:00Z"), 1), at("2026-11-23T06:00:00Z"));
}

TEST(WorkCalendar, UsesTheLocalDayNotTheUtcDay) {
    const WorkCalendar cal({}, {}, kUdmurtia);
    // 20:30Z Friday is 00:30 local Saturday: +1 working day is 00:30 local Monday.
    EXPECT_EQ(cal.add_working_days(at("2026-11-20T20:30:00Z"), 1), at("2026-11-22T20:30:00Z"));
    // 19:59:59Z Friday is still Friday locally: +1 is Monday 23:59:59 local.
    EXPECT_EQ(cal.add_working_days(at("2026-11-20T19:59:59Z"), 1), at("2026-11-23T19:59:59Z"));
}

TEST(WorkCalendar, HolidayIsSkipped) {
    const WorkCalendar cal({day("2026-11-04")}, {}, kUdmurtia);
    EXPECT_FALSE(cal.is_working_day(day("2026-11-04")));
    EXPECT_EQ(cal.add_working_days(at("2026-11-03T06:00:00Z"), 1), at("2026-11-05T06:00:00Z"));
}

TEST(WorkCalendar, TransferredWorkingSaturdayCounts) {
    const auto cal = russian_calendar();
    EXPECT_TRUE(cal.is_working_day(day("2025-11-01")));
    EXPECT_FALSE(cal.is_working_day(day("2025-11-03")));
    EXPECT_FALSE(cal.is_working_day(day("2025-11-04")));
    // Fri 31 Oct 2025 +1 is the working Saturday; +2 skips Sun 2, Mon 3, Tue 4 Nov.
    EXPECT_EQ(cal.add_working_days(at("2025-10-31T06:00:00Z"), 1), at("2025-11-01T06:00:00Z"));
    EXPECT_EQ(cal.add_working_days(at("2025-10-31T06:00:00Z"), 2), at("2025-11-05T06:00:00Z"));
}

TEST(WorkCalendar, NewYearHolidaysSpanTheYearBoundary) {
    const auto cal = russian_calendar();
    // Tue 30 Dec 2025 +1: 31 Dec and 1-9 Jan are days off, 10-11 Jan a weekend.
    EXPECT_EQ(cal.add_working_days(at("2025-12-30T06:00:00Z"), 1), at("2026-01-12T06:00:00Z"));
}

TEST(WorkCalendar, NegativeCountsGoBackwards) {
    const auto cal = russian_calendar();
    EXPECT_EQ(cal.add_working_days(at("2026-01-12T06:00:00Z"), -1), at("2025-12-30T06:00:00Z"));
}

TEST(WorkCalendar, ShippedRussianCalendarHas247WorkingDaysIn2025And2026) {
    const auto cal = russian_calendar();
    EXPECT_EQ(working_days_in_year(cal, 2025), 247);
    EXPECT_EQ(working_days_in_year(cal, 2026), 247);
}

TEST(WorkCalendar, ShippedRussianCalendarHasTheKnownDaysOff2026) {
    const auto cal = russian_calendar();
    for (const char* d : {"2026-01-09", "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11",
                          "2026-06-12", "2026-11-04", "2026-12-31"}) {
        EXPECT_FALSE(cal.is_working_day(day(d))) << d;
    }
    EXPECT_TRUE(cal.is_working_day(day("2026-11-03")));
}

TEST(WorkCalendar, HotlineIncidentAcrossTheEndOfTheShippedCalendarIsNotOverdueOnJanuary6) {
    // The shipped file ends with 2026; 1-8 January 2027 are days off by the Labour Code anyway.
    const auto path = test::asset_path("sla/default-rules.json");
    auto rules = parse_sla_rules(test::read_file(path), "default-rules.json", russian_calendar());
    ASSERT_TRUE(rules.ok()) << rules.error();
    Incident inc;
    inc.channel = Channel::hotline;
    inc.sector = Sector::roads;
    inc.created_at = at("2026-12-30T06:00:00Z");  // Wednesday 10:00 local
    const TimePoint due = rules.value().due_at(inc);
    // 31 Dec (listed), 1-8 Jan (statutory), 9-10 Jan (weekend): Mon 11, Tue 12, Wed 13.
    EXPECT_EQ(due, at("2027-01-13T06:00:00Z"));
    EXPECT_GT(due, at("2027-01-06T10:00:00Z"));
}

TEST(StatutoryHolidays, WeekendHolidaysMoveToTheNextWorkingDayExceptInJanuary) {
    // 2027: 1 May is a Saturday -> Mon 3 May; 9 May a Sunday -> Mon 10 May; 12 Jun a Saturday
    // -> Mon 14 Jun. 2 and 3 Jan are a weekend and move nowhere (only a resolution moves them).
    for (const char* d : {"2027-01-01", "2027-01-04", "2027-01-08", "2027-02-23", "2027-03-08",
                          "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-04"}) {
        EXPECT_TRUE(is_statutory_day_off(day(d))) << d;
    }
    for (const char* d :
         {"2027-01-11", "2027-02-24", "2027-05-04", "2027-05-11", "2027-06-15", "2027-11-05"}) {
        EXPECT_FALSE(is_statutory_day_off(day(d))) << d;
    }
    // 2028: 23 Feb is a Wednesday; 8 Mar a Wednesday; 4 Nov a Saturday -> Mon 6 Nov.
    EXPECT_TRUE(is_statutory_day_off(day("2028-11-06")));
    EXPECT_FALSE(is_statutory_day_off(day("2028-11-07")));
}

TEST(WorkCalendar, YearsNoFileListsFollowTheLabourCode) {
    const auto cal = russian_calendar();
    EXPECT_TRUE(cal.lists_year(std::chrono::year{2026}));
    EXPECT_FALSE(cal.lists_year(std::chrono::year{2027}));
    // 2027 under art. 112 alone: 261 weekdays less 1, 4-8 Jan, 23 Feb, 8 Mar, 3 and 10 May,
    // 14 Jun and 4 Nov (12 days) = 249.
    EXPECT_EQ(working_days_in_year(cal, 2027), 249);
}

TEST(WorkCalendar, ACentreFileReplacesTheYearsItLists) {
    const auto shipped = russian_calendar();
    // A (made-up) 2027 decree moving Sat 2 Jan to Fri 31 Dec, and a Saturday made working.
    auto centre = parse_holiday_calendar(
        R"({"holidays": ["2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
                         "2027-01-08", "2027-12-31"], "working_weekends": ["2027-12-25"]})",
        "ru-2027.json", kUdmurtia);
    ASSERT_TRUE(centre.ok()) << centre.error();
    const auto cal = shipped.overlaid_with(centre.value());
    EXPECT_FALSE(cal.is_working_day(day("2027-12-31")));
    EXPECT_TRUE(cal.is_working_day(day("2027-12-25")));
    // Listed: only the file's days off count, so 23 Feb 2027 is a working day by this file.
    EXPECT_TRUE(cal.is_working_day(day("2027-02-23")));
    EXPECT_FALSE(cal.is_working_day(day("2026-12-31")));  // the shipped 2026 is kept
    EXPECT_EQ(working_days_in_year(cal, 2026), 247);
    EXPECT_EQ(cal.listed_until(day("2026-06-01")), day("2027-12-31"));
}

TEST(CalendarOutlook, EndingFromSixtyDaysBeforeTheLastListedDayAndAfterIt) {
    const auto cal = russian_calendar();
    const auto far = calendar_outlook(cal, at("2026-10-31T12:00:00Z"));
    EXPECT_FALSE(far.ending);
    EXPECT_EQ(far.days_left, std::chrono::days{61});
    const auto near = calendar_outlook(cal, at("2026-11-01T12:00:00Z"));
    EXPECT_TRUE(near.ending);
    EXPECT_EQ(near.days_left, std::chrono::days{60});
    EXPECT_EQ(describe(near),
              "the holiday calendar ends 2026-12-31, in 60 days; later working days use only "
              "the statutory holidays of Labour Code art. 112 (no transferred days off)");
    const auto past = calendar_outlook(cal, at("2027-01-06T12:00:00Z"));
    EXPECT_TRUE(past.ending);
    EXPECT_EQ(past.last_listed_day, day("2026-12-31"));
    EXPECT_EQ(past.days_left, std::chrono::days{-6});
    EXPECT_TRUE(calendar_outlook(WorkCalendar{}, at("2026-11-01T12:00:00Z")).ending);
}

Result<WorkCalendar> parse(const char* text) {
    return parse_holiday_calendar(text, "cal.json", kUdmurtia);
}

TEST(HolidayCalendarLoader, AcceptsCommentsAndBothLists) {
    auto cal = parse(R"({
        // days off
        "holidays": ["2026-11-04"],
        "working_weekends": ["2025-11-01"] /* Saturday */
    })");
    ASSERT_TRUE(cal.ok()) << cal.error();
    EXPECT_FALSE(cal.value().is_working_day(day("2026-11-04")));
    EXPECT_TRUE(cal.value().is_working_day(day("2025-11-01")));
}

TEST(HolidayCalendarLoader, RejectsImpossibleDateNamingFileAndIndex) {
    auto cal = parse(R"({"holidays": ["2026-01-01", "2026-02-30"]})");
    ASSERT_FALSE(cal.ok());
    EXPECT_EQ(cal.error(),
              "cal.json: holidays[1]: expected a \"YYYY-MM-DD\" date, got \"2026-02-30\"");
}

TEST(HolidayCalendarLoader, RejectsWeekdayAsWorkingWeekend) {
    auto cal = parse(R"({"working_weekends": ["2025-11-03"]})");
    ASSERT_FALSE(cal.ok());
    EXPECT_NE(cal.error().find("cal.json: working_weekends[0]: 2025-11-03 is not a Saturday"),
              std::string::npos)
        << cal.error();
}

TEST(HolidayCalendarLoader, RejectsUnknownKeyDuplicatesAndBadJson) {
    EXPECT_NE(parse(R"({"holiday": []})").error().find("cal.json: holiday: unknown key"),
              std::string::npos);
    EXPECT_NE(parse(R"({"holidays": ["2026-01-01", "2026-01-01"]})")
                  .error()
                  .find("cal.json: holidays[1]: 2026-01-01 is listed twice"),
              std::string::npos);
    const auto bad = parse(R"({"holidays": [)");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().rfind("cal.json: not valid JSON", 0), 0u) << bad.error();
    EXPECT_NE(parse(R"({"holidays": "2026-01-01"})").error().find("cal.json: holidays: expected"),
              std::string::npos);
}

TEST(HolidayCalendarLoader, RejectsDateInBothLists) {
    auto cal = parse(R"({"holidays": ["2025-11-01"], "working_weekends": ["2025-11-01"]})");
    ASSERT_FALSE(cal.ok());
    EXPECT_NE(cal.error().find("2025-11-01 is also listed under holidays"), std::string::npos);
}

}  // namespace
}  // namespace tsur::model
