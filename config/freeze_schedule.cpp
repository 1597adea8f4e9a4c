// Windows are compared in seconds of the local week, so a window never depends on the date and
// Russia's fixed offsets (no DST) make the arithmetic exact.
#include "config/freeze_schedule.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace tsur::config {
namespace {

constexpr long long kDay = 86400;
constexpr long long kWeek = 7 * kDay;
constexpr std::array<std::string_view, 7> kWeekdays{"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};

std::optional<int> parse_hhmm(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

std::string field_text(const nlohmann::json& entry, const char* key) {
    const auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Seconds since local Monday 00:00 of the week that holds `now`.
long long second_of_week(model::TimePoint now, model::Seconds utc_offset) {
    // 1970-01-01 was a Thursday: shift by three days so that 0 falls on a Monday.
    const long long local = now.time_since_epoch().count() + utc_offset.count() + 3 * kDay;
    return ((local % kWeek) + kWeek) % kWeek;
}

bool inside(const FreezeSchedule& schedule, long long sow) {
    return std::any_of(schedule.begin(), schedule.end(), [sow](const FreezeWindow& w) {
        const long long from = w.weekday * kDay + w.from_minute * 60LL;
        const long long to = w.weekday * kDay + w.to_minute * 60LL;
        // A Sunday window ending at 24:00 ends at the next week's second 0.
        return sow >= from && sow < to;
    });
}

}  // namespace

model::Result<FreezeSchedule> parse_freeze_schedule(const nlohmann::json& entries,
                                                    std::string_view where) {
    const std::string at(where);
    if (!entries.is_array()) return model::Error{at + ": expected an array of windows"};
    FreezeSchedule out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const nlohmann::json& e = entries[i];
        const std::string here = at + "[" + std::to_string(i) + "]";
        if (!e.is_object()) return model::Error{here + ": expected an object"};
        const std::string day = field_text(e, "weekday");
        const auto wd = std::find(kWeekdays.begin(), kWeekdays.end(), day);
        if (wd == kWeekdays.end()) {
            return model::Error{here + ".weekday: expected mon|tue|wed|thu|fri|sat|sun, got \"" +
                                day + "\""};
        }
        const auto from = parse_hhmm(field_text(e, "from"));
        const auto to = parse_hhmm(field_text(e, "to"));
        if (!from) return model::Error{here + ".from: expected local time \"HH:MM\""};
        if (!to) return model::Error{here + ".to: expected local time \"HH:MM\" (up to 24:00)"};
        if (*to <= *from) {
            return model::Error{here + ": \"to\" must be later than \"from\" on the same day"};
        }
        out.push_back(FreezeWindow{static_cast<int>(wd - kWeekdays.begin()), *from, *to});
    }
    return out;
}

bool frozen_by_schedule(const FreezeSchedule& schedule, model::TimePoint now,
                        model::Seconds utc_offset) {
    return inside(schedule, second_of_week(now, utc_offset));
}

std::optional<model::TimePoint> next_change_after(const FreezeSchedule& schedule,
                                                  model::TimePoint now, model::Seconds utc_offset) {
    const long long sow = second_of_week(now, utc_offset);
    const bool state = inside(schedule, sow);
    // Candidates are window edges within the coming week; adjacent windows share an edge where
    // nothing changes, so each candidate is checked rather than trusted.
    std::vector<long long> ahead;
    for (const FreezeWindow& w : schedule) {
        for (long long edge :
             {w.weekday * kDay + w.from_minute * 60LL, w.weekday * kDay + w.to_minute * 60LL}) {
            long long d = ((edge - sow) % kWeek + kWeek) % kWeek;
            if (d == 0) d = kWeek;
            ahead.push_back(d);
        }
    }
    std::sort(ahead.begin(), ahead.end());
    for (long long d : ahead) {
        if (inside(schedule, (sow + d) % kWeek) != state) return now + model::Seconds{d};
    }
    return std::nullopt;
}

}  // namespace tsur::config
