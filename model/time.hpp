// Instants in UTC seconds and RFC 3339 text, the only time format of the feed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tsur::model {

using TimePoint = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;

/// Parses "2026-11-23T10:15:00Z" or "...+04:00" (fraction ignored) into UTC; nullopt if malformed.
/// A time without an offset ("2026-11-23T14:15:00") is malformed unless `zone_if_missing` says
/// which fixed UTC offset the sender meant (an Open311 mapping's timestamp_zone).
std::optional<TimePoint> parse_rfc3339(std::string_view text,
                                       std::optional<Seconds> zone_if_missing = std::nullopt);

/// Formats as "2026-11-23T10:15:00Z".
std::string format_rfc3339(TimePoint t);

/// Parses "+04:00" / "-08:00" / "Z" into an offset; nullopt if malformed.
std::optional<Seconds> parse_utc_offset(std::string_view text);

/// The offset used before a region is known: Udmurtia's, the default pack (UTC+4).
inline constexpr Seconds kDefaultUtcOffset{4 * 3600};

/// Calendar fields of an instant shifted by a fixed UTC offset (the region's local time).
struct LocalTime {
    int year, month, day, hour, minute, second, weekday;  // weekday: 0 = Monday
};
LocalTime to_local(TimePoint t, Seconds utc_offset);

/// Start of the local calendar day that holds t, as a UTC instant.
TimePoint local_midnight(TimePoint t, Seconds utc_offset);

}  // namespace tsur::model
