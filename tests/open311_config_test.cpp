// The Open311-only feed settings of config.json: defaults, bounds, and refusal elsewhere.
#include <gtest/gtest.h>

#include "config/app_config.hpp"

namespace tsur {
namespace {

model::Result<config::AppConfig> parse_feed(const std::string& feed) {
    return config::parse_app_config(R"({"feed": )" + feed + "}", "config.json");
}

TEST(Open311Config, DefaultsFollowTheStandard) {
    const auto c = parse_feed(R"({"type": "open311", "url": "https://h/v2/requests.json"})");
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c.value().feed.window_days, 30);
    EXPECT_EQ(c.value().feed.page_size, 1000);
    EXPECT_EQ(c.value().feed.max_pages, 20);
    EXPECT_EQ(c.value().feed.page_size_param, "page_size");
    EXPECT_EQ(c.value().feed.services_url, "");
}

TEST(Open311Config, ReadsEverySetting) {
    const auto c = parse_feed(R"({"type": "open311", "url": "https://h/v2/requests.json",
        "services_url": "https://h/v2/services.json?jurisdiction_id=x", "window_days": 90,
        "page_size": 0, "max_pages": 5, "page_size_param": "per_page"})");
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c.value().feed.services_url, "https://h/v2/services.json?jurisdiction_id=x");
    EXPECT_EQ(c.value().feed.window_days, 90);
    EXPECT_EQ(c.value().feed.page_size, 0);
    EXPECT_EQ(c.value().feed.max_pages, 5);
    EXPECT_EQ(c.value().feed.page_size_param, "per_page");
}

TEST(Open311Config, RejectsValuesOutsideTheirBounds) {
    const auto c = parse_feed(R"({"type": "open311", "url": "https://h/v2/requests.json",
        "window_days": 91, "page_size": -1, "max_pages": 0, "page_size_param": "limit",
        "services_url": "ftp://h/services.json"})");
    ASSERT_FALSE(c.ok());
    for (const char* key : {"feed.window_days: expected a whole number from 1 to 90",
                            "feed.page_size: expected", "feed.max_pages: expected",
                            "feed.page_size_param: expected", "feed.services_url: expected"}) {
        EXPECT_NE(c.error().find(key), std::string::npos) << key << "\n" << c.error();
    }
}

TEST(Open311Config, RefusesTheSettingsForTheNativeFeed) {
    const auto c = parse_feed(R"({"url": "https://h/api", "window_days": 30})");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().find("config.json: feed.window_days: only for feed.type \"open311\""),
              std::string::npos)
        << c.error();
}

TEST(Open311Config, RefusesAUrlCarryingParametersTheWallSets) {
    const auto c = parse_feed(
        R"({"type": "open311", "url": "https://h/v2/requests.json?jurisdiction_id=x&page=2"})");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().find("feed.url: must not carry 'page'"), std::string::npos) << c.error();
    const auto fine = parse_feed(
        R"({"type": "open311", "url": "https://h/v2/requests.json?homepage=1&my_page_size=3"})");
    EXPECT_TRUE(fine.ok()) << fine.error();
}

}  // namespace
}  // namespace tsur
