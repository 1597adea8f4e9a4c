// Time per region at the extremes of Russia's offsets: Kaliningrad (UTC+2) and Kamchatka
// (UTC+12). At local midnight the clock, "today", working days and the freeze schedule all turn
// over with the region's own offset, read from the shipped packs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/wall_assets.hpp"
#include "config/freeze_schedule.hpp"
#include "model/holiday_calendar_loader.hpp"
#include "model/spike_detector.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using std::chrono::days;
using std::chrono::seconds;

model::Seconds pack_offset(const std::string& code) {
    auto loaded = app::load_wall_assets(test::source_dir(), code);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error());
    return loaded.ok() ? loaded.value().assets.region->utc_offset : model::Seconds{0};
}

model::WorkCalendar calendar(model::Seconds offset) {
    const auto path = test::asset_path("calendars/ru-holidays.json");
    auto cal = model::parse_holiday_calendar(test::read_file(path), path.string(), offset);
    EXPECT_TRUE(cal.ok());
    return cal.ok() ? cal.take() : model::WorkCalendar{};
}

struct Extreme {
    const char* code;
    long long hours;
    const char* monday_midnight;   ///< 2026-11-23 00:00 local, in UTC
    const char* holiday_midnight;  ///< 2026-11-04 00:00 local (Unity Day), in UTC
};

constexpr Extreme kExtremes[] = {
    {"RU-KGD", 2, "2026-11-22T22:00:00Z", "2026-11-03T22:00:00Z"},
    {"RU-KAM", 12, "2026-11-22T12:00:00Z", "2026-11-03T12:00:00Z"},
    {"RU-CHU", 12, "2026-11-22T12:00:00Z", "2026-11-03T12:00:00Z"},
};

TEST(RegionTime, PacksCarryTheExtremeOffsets) {
    for (const auto& e : kExtremes) {
        EXPECT_EQ(pack_offset(e.code), seconds(e.hours * 3600)) << e.code;
    }
}

TEST(RegionTime, ClockAndTodayTurnOverAtLocalMidnight) {
    for (const auto& e : kExtremes) {
        SCOPED_TRACE(e.code);
        const auto offset = pack_offset(e.code);
        const auto midnight = test::at(e.monday_midnight);
        const auto at = model::to_local(midnight, offset);
        EXPECT_EQ(at.day, 23);
        EXPECT_EQ(at.hour, 0);
        EXPECT_EQ(at.minute, 0);
        EXPECT_EQ(at.weekday, 0);  // Monday
        const auto before = model::to_local(midnight - seconds(1), offset);
        EXPECT_EQ(before.day, 22);
        EXPECT_EQ(before.hour, 23);
        EXPECT_EQ(before.weekday, 6);  // Sunday
        EXPECT_EQ(model::local_midnight(midnight + std::chrono::hours(5), offset), midnight);
        EXPECT_EQ(model::local_midnight(midnight - seconds(1), offset), midnight - days(1));
        EXPECT_EQ(model::local_day(midnight, offset),
                  std::chrono::sys_days{std::chrono::year{2026} / 11 / 23});
    }
}

TEST(RegionTime, WorkingDaysFollowTheLocalDate) {
    for (const auto& e : kExtremes) {
        SCOPED_TRACE(e.code);
        const auto offset = pack_offset(e.code);
        const auto cal = calendar(offset);
        const auto monday = test::at(e.monday_midnight);
        EXPECT_TRUE(cal.is_working_day(model::local_day(monday, offset)));
        EXPECT_FALSE(cal.is_working_day(model::local_day(monday - seconds(1), offset)));
        // Sunday 23:59:59 local + 1 working day = Monday 23:59:59 local.
        EXPECT_EQ(cal.add_working_days(monday - seconds(1), 1), monday + days(1) - seconds(1));
        // Unity Day starts at local midnight, while UTC still reads 3 November.
        const auto holiday = test::at(e.holiday_midnight);
        EXPECT_FALSE(cal.is_working_day(model::local_day(holiday, offset)));
        EXPECT_TRUE(cal.is_working_day(model::local_day(holiday - seconds(1), offset)));
    }
}

TEST(RegionTime, FreezeScheduleStartsAtLocalMidnight) {
    const auto schedule = config::parse_freeze_schedule(
        nlohmann::json::parse(R"([{"weekday": "mon", "from": "00:00", "to": "01:00"}])"),
        "freeze_schedule");
    ASSERT_TRUE(schedule.ok());
    for (const auto& e : kExtremes) {
        SCOPED_TRACE(e.code);
        const auto offset = pack_offset(e.code);
        const auto midnight = test::at(e.monday_midnight);
        EXPECT_FALSE(config::frozen_by_schedule(schedule.value(), midnight - seconds(1), offset));
        EXPECT_TRUE(config::frozen_by_schedule(schedule.value(), midnight, offset));
        EXPECT_EQ(config::next_change_after(schedule.value(), midnight - seconds(10), offset),
                  midnight);
        EXPECT_EQ(config::next_change_after(schedule.value(), midnight, offset),
                  midnight + std::chrono::hours(1));
    }
}

}  // namespace
}  // namespace tsur
