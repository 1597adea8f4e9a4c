// The wall's config file: defaults, the shipped sample, and one test per kind of mistake.
#include "config/app_config.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/paths.hpp"

namespace tsur::config {
namespace {

/// Passes when `text` holds `part`; on failure shows the whole message.
::testing::AssertionResult has(const std::string& text, std::string_view part) {
    if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "\"" << part << "\" not in:\n" << text;
}

std::string error_of(std::string_view text) {
    const auto r = parse_app_config(text, "config.json");
    EXPECT_FALSE(r.ok()) << "accepted: " << text;
    return r.ok() ? std::string{} : r.error();
}

TEST(AppConfig, MinimalFileGetsDefaults) {
    const auto r = parse_app_config(R"({"feed": {"url": "https://tsur.example/api"}})", "c.json");
    ASSERT_TRUE(r.ok()) << r.error();
    const AppConfig& c = r.value();
    EXPECT_EQ(c.feed.url, "https://tsur.example/api");
    EXPECT_EQ(c.feed.type, FeedType::tsur_v1);
    EXPECT_EQ(c.feed.poll_interval, model::Seconds{30});
    EXPECT_FALSE(c.feed.insecure);
    EXPECT_FALSE(c.feed.token_file);
    EXPECT_EQ(c.region, "RU-UD");
    EXPECT_TRUE(c.layout.empty());
    EXPECT_TRUE(c.display.fullscreen);
    EXPECT_FALSE(c.display.viewport);
    EXPECT_EQ(c.language, Language::ru);
    EXPECT_TRUE(c.status_server.enabled);
    EXPECT_EQ(c.status_server.address, "127.0.0.1");
    EXPECT_EQ(c.status_server.port, 9311);
    EXPECT_TRUE(c.status_server.loopback);
    EXPECT_EQ(c.status_server.stale_after, model::Seconds{600});
    EXPECT_EQ(c.cache_dir, "/var/lib/tsur-wall");
    EXPECT_EQ(c.log_level, LogLevel::info);
}

TEST(AppConfig, ShippedSampleParsesWithItsDocumentedValues) {
    const auto text = test::read_file(test::source_dir() / "systemd/config.sample.json");
    const auto r = parse_app_config(text, "config.sample.json");
    ASSERT_TRUE(r.ok()) << r.error();
    EXPECT_EQ(r.value().feed.poll_interval, model::Seconds{30});
    EXPECT_EQ(r.value().status_server.port, 9311);
    EXPECT_DOUBLE_EQ(r.value().display.viewing_distance_m, 5.0);
}

TEST(AppConfig, ReadsEveryNonDefaultValue) {
    const auto r = parse_app_config(R"({
      // comments are allowed
      "feed": {"type": "open311", "url": "http://10.0.0.5/open311/requests.json",
               "token_file": "/etc/tsur-wall/token", "poll_interval": "2m",
               "ca_file": "/etc/tsur-wall/ca.pem"},
      "region": "RU-TA", "layout": "/srv/layouts/lobby.json",
      "display": {"fullscreen": false, "display": 1, "viewport": "3840,0,3840,2160",
                  "panels": {"width_mm": 1210, "height_mm": 680.5, "bezel_mm": 1.8},
                  "viewing_distance_m": 8},
      "language": "en",
      "status_server": {"listen": "[::1]:9400", "token_file": "/etc/tsur-wall/status-token",
                        "stale_after": "15m", "enabled": false},
      "cache_dir": "/srv/cache", "log_level": "debug"})",
                                    "c.json");
    ASSERT_TRUE(r.ok()) << r.error();
    const AppConfig& c = r.value();
    EXPECT_EQ(c.feed.type, FeedType::open311);
    EXPECT_EQ(feed_kind_id(c.feed.type), "open311");
    EXPECT_EQ(c.feed.poll_interval, model::Seconds{120});
    EXPECT_EQ(c.feed.token_file, std::filesystem::path("/etc/tsur-wall/token"));
    EXPECT_EQ(c.feed.ca_file, std::filesystem::path("/etc/tsur-wall/ca.pem"));
    EXPECT_EQ(c.region, "RU-TA");
    EXPECT_EQ(c.layout, "/srv/layouts/lobby.json");
    EXPECT_FALSE(c.display.fullscreen);
    EXPECT_EQ(c.display.display_index, 1);
    ASSERT_TRUE(c.display.viewport);
    EXPECT_EQ(c.display.viewport->x, 3840);
    EXPECT_EQ(c.display.viewport->width, 3840);
    EXPECT_EQ(c.display.viewport->height, 2160);
    ASSERT_TRUE(c.display.panels);
    EXPECT_DOUBLE_EQ(c.display.panels->height_mm, 680.5);
    EXPECT_DOUBLE_EQ(c.display.panels->bezel_mm, 1.8);
    EXPECT_DOUBLE_EQ(c.display.viewing_distance_m, 8.0);
    EXPECT_EQ(c.language, Language::en);
    EXPECT_FALSE(c.status_server.enabled);
    EXPECT_EQ(c.status_server.address, "::1");
    EXPECT_EQ(c.status_server.port, 9400);
    EXPECT_TRUE(c.status_server.loopback);
    EXPECT_EQ(c.status_server.stale_after, model::Seconds{900});
    EXPECT_EQ(c.cache_dir, "/srv/cache");
    EXPECT_EQ(c.log_level, LogLevel::debug);
}

TEST(AppConfig, WrongDurationTypeNamesFilePathAndExpectation) {
    const auto e = error_of(R"({"feed": {"url": "https://x/api", "poll_interval": 5}})");
    EXPECT_TRUE(has(e, "config.json: feed.poll_interval: expected a duration like \"30s\""));
    EXPECT_TRUE(has(e, "got 5"));
}

TEST(AppConfig, RejectsDurationOutsideItsRange) {
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "poll_interval": "1s"}})"),
                    "feed.poll_interval"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "poll_interval": "1.5m"}})"),
                    "got \"1.5m\""));
}

TEST(AppConfig, RejectsUnknownKeysAtEveryLevel) {
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "urll": "y"}})"),
                    "config.json: feed.urll: unknown setting (expected one of: type, url"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api"}, "langauge": "ru"})"),
                    "config.json: langauge: unknown setting"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api"},
                             "display": {"panels": {"width_mm": 100, "height_mm": 100, "w": 1}}})"),
                    "display.panels.w: unknown setting"));
}

TEST(AppConfig, RequiresTheFeedUrl) {
    EXPECT_TRUE(has(error_of("{}"), "config.json: feed: required"));
    EXPECT_TRUE(has(error_of(R"({"feed": {}})"), "config.json: feed.url: required"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "ftp://x"}})"),
                    "feed.url: expected an http://, https:// or file:/// URL, got \"ftp://x\""));
}

TEST(AppConfig, RejectsWrongTypesAndEnumerations) {
    const std::string feed = R"("feed": {"url": "https://x/api"})";
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "language": "de"})"),
                    "language: expected \"ru\" or \"en\", got \"de\""));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "type": "v2"}})"),
                    "feed.type: expected \"tsur.v1\" or \"open311\""));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "insecure": "no"}})"),
                    "feed.insecure: expected true or false, got \"no\""));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": {"display": 1.5}})"),
                    "display.display: expected a whole number from 0 to 15, got 1.5"));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": {"viewing_distance_m": 0}})"),
                    "display.viewing_distance_m: expected a number from 0.5"));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": 3})"),
                    "display: expected an object { ... }, got 3"));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "log_level": "verbose"})"), "log_level"));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "region": "udmurtia"})"),
                    "region: expected an ISO 3166-2 region code"));
}

TEST(AppConfig, ViewportTakesABlockOfPanelsLikeTheFlag) {
    const auto r = parse_app_config(
        R"({"feed": {"url": "https://x/api"}, "display": {"viewport": "panels:1,0"}})", "c.json");
    ASSERT_TRUE(r.ok()) << r.error();
    ASSERT_TRUE(r.value().display.viewport);
    EXPECT_EQ(viewport_text(*r.value().display.viewport), "panels:1,0,1,1");
}

TEST(AppConfig, RejectsBadGeometry) {
    const std::string feed = R"("feed": {"url": "https://x/api"})";
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": {"viewport": "0,0,3840"}})"),
                    "display.viewport: expected \"x,y,width,height\""));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": {"viewport": "0,0,10,10"}})"),
                    "display.viewport"));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "display": {"panels": {"width_mm": 1000}}})"),
                    "display.panels.height_mm: required"));
}

TEST(AppConfig, RejectsRelativePaths) {
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api", "token_file": "token"}})"),
                    "feed.token_file: expected an absolute path"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api"}, "cache_dir": "cache"})"),
                    "cache_dir: expected an absolute path"));
    EXPECT_TRUE(has(error_of(R"({"feed": {"url": "https://x/api"}, "layout": "../x.json"})"),
                    "layout: expected a shipped layout name"));
}

TEST(AppConfig, StatusServerOffLoopbackNeedsAToken) {
    const std::string feed = R"("feed": {"url": "https://x/api"})";
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "status_server": {"listen": "0.0.0.0:9311"}})"),
                    "status_server.token_file: required when"));
    const auto ok = parse_app_config(
        "{" + feed + R"(, "status_server": {"listen": "0.0.0.0:9311", "token_file": "/t"}})",
        "c.json");
    ASSERT_TRUE(ok.ok()) << ok.error();
    EXPECT_FALSE(ok.value().status_server.loopback);
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "status_server": {"listen": "localhost:9311"}})"),
                    "status_server.listen: expected \"ADDRESS:PORT\""));
    EXPECT_TRUE(has(error_of("{" + feed + R"(, "status_server": {"listen": "127.0.0.1:0"}})"),
                    "status_server.listen"));
}

TEST(AppConfig, ReportsEveryProblemNotJustTheFirst) {
    const auto e = error_of(R"({"feed": {"url": "https://x/api", "poll_interval": "x"},
                                "language": "de", "bogus": 1})");
    EXPECT_TRUE(has(e, "feed.poll_interval"));
    EXPECT_TRUE(has(e, "language"));
    EXPECT_TRUE(has(e, "bogus"));
    EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 2);
}

TEST(AppConfig, SyntaxErrorNamesTheFile) {
    EXPECT_TRUE(has(error_of("{\"feed\": "), "config.json: not valid JSON"));
    EXPECT_TRUE(has(error_of("[1, 2]"), "config.json: expected an object"));
}

}  // namespace
}  // namespace tsur::config

// Found by config_fuzz: a number too large for a double is nlohmann's out_of_range, not a
// parse_error; it must become an error message, not std::terminate.
TEST(AppConfig, RejectsNumberOverflowWithoutCrashing) {
    const auto r = tsur::config::parse_app_config(R"({"feed": 1e999})", "config.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("config.json"), std::string::npos) << r.error();
}

TEST(AppConfig, ReadsTheBriefingFreezeSchedule) {
    const auto ok = tsur::config::parse_app_config(
        R"({"feed": {"url": "https://tsur.example/api"},
            "freeze_schedule": [{"weekday": "mon", "from": "10:00", "to": "11:00"}]})",
        "c.json");
    ASSERT_TRUE(ok.ok()) << ok.error();
    ASSERT_EQ(ok.value().freeze_schedule.size(), 1u);
    const auto bad = tsur::config::parse_app_config(
        R"({"feed": {"url": "https://tsur.example/api"},
            "freeze_schedule": [{"weekday": "monday", "from": "10:00", "to": "11:00"}]})",
        "c.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().find("freeze_schedule"), std::string::npos) << bad.error();
}
