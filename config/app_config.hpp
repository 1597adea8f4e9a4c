// The wall's own settings file, /etc/tsur-wall/config.json (JSON with comments): feed, region,
// layout, display geometry, language, status server, cache and logging.
#pragma once

#include "config/freeze_schedule.hpp"
#include "config/viewport.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/time.hpp"

namespace tsur::config {

inline constexpr std::string_view kDefaultConfigPath = "/etc/tsur-wall/config.json";

enum class FeedType : std::uint8_t { tsur_v1, open311 };
enum class Language : std::uint8_t { ru, en };
enum class LogLevel : std::uint8_t { error, warning, info, debug };

/// The cache header's parser id for a feed type ("tsur.feed.v1" or "open311").
std::string_view feed_kind_id(FeedType type);
std::string_view log_level_name(LogLevel level);

struct FeedSettings {
    FeedType type = FeedType::tsur_v1;
    /// tsur.v1: the base URL (the client appends /v1/snapshot?region=...) or a file:// URL;
    /// open311: the full requests.json URL.
    std::string url;
    std::optional<std::filesystem::path> token_file;
    model::Seconds poll_interval{30};
    bool insecure = false;  ///< no TLS verification: a lab only
    std::optional<std::filesystem::path> ca_file;
    /// open311 only: the service list's URL; empty: beside url (requests.json -> services.json).
    std::string services_url;
    int window_days = 30;  ///< open311: each poll asks for the last N days (1 to 90)
    int page_size = 1000;  ///< open311: requests per page; 0: the server does not page
    int max_pages = 20;    ///< open311: pages per poll at most; more is logged as truncated
    std::string page_size_param = "page_size";  ///< open311: "page_size" or "per_page"
    /// open311: the mapping file (absolute); empty: assets/open311/mapping.json of the data dir.
    std::optional<std::filesystem::path> mapping_file;
};

/// The physical size of one panel, so that millimetres on the wall map to pixels.
struct PanelSize {
    double width_mm = 0;
    double height_mm = 0;
    double bezel_mm = 0;  ///< visible frame on each side; hidden pixels for bezel compensation
};

struct DisplaySettings {
    bool fullscreen = true;
    int display_index = 0;                 ///< SDL display for fullscreen
    std::optional<ViewportSpec> viewport;  ///< empty: this PC shows the whole canvas
    std::optional<PanelSize> panels;
    double viewing_distance_m = 5.0;
};

struct StatusServerSettings {
    bool enabled = true;
    std::string address = "127.0.0.1";  ///< an IP literal, without brackets for IPv6
    std::uint16_t port = 9311;
    bool loopback = true;  ///< address is 127.0.0.0/8 or ::1
    std::optional<std::filesystem::path> token_file;
    /// /healthz answers 503 once the data is older than this.
    model::Seconds stale_after{600};
};

/// The region a config that names none shows: the Udmurt Republic, the demo region.
inline constexpr std::string_view kDefaultRegion = "RU-UD";

struct AppConfig {
    FeedSettings feed;
    std::string region{kDefaultRegion};
    /// The centre's own municipality list (same columns as the pack's municipalities.csv); wins
    /// over the shipped towns. Absolute path, e.g. /etc/tsur-wall/municipalities.csv.
    std::optional<std::filesystem::path> municipalities;
    /// A shipped layout's name ("wall", looked up in share/tsur-wall/layouts) or an absolute path;
    /// empty: the built-in overview layout.
    std::string layout;
    DisplaySettings display;
    Language language = Language::ru;
    StatusServerSettings status_server;
    std::filesystem::path cache_dir = "/var/lib/tsur-wall";
    LogLevel log_level = LogLevel::info;
    /// Briefing freezes by the clock, in the region's local time (e.g. Monday 10:00-11:00).
    FreezeSchedule freeze_schedule;
};

/// Parses and validates a whole config file. Every setting is checked; unknown keys are refused so
/// that a typo cannot pass silently. Each problem becomes one line of the error, naming the file,
/// the JSON path and what was expected: `config.json: feed.poll_interval: expected a duration like
/// "30s", got 5`. Pure; any thread.
model::Result<AppConfig> parse_app_config(std::string_view text, std::string_view file_name);

/// ISO 3166-2 subdivision codes: "RU-UD", "RU-MOW" (the name of a region pack's folder).
bool is_region_code(std::string_view s);

}  // namespace tsur::config
