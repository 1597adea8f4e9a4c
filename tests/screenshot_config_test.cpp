// --screenshot --config draws what that wall would show: its language, feed type and layout go
// through the same frame composer as the live wall.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "app/command_line.hpp"
#include "app/feed_source.hpp"
#include "app/screenshot_command.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace tsur {
namespace {

/// A wall config of RU-UD in `language` reading `feed_json` (the "feed" object).
std::filesystem::path write_config(const std::filesystem::path& dir, const std::string& name,
                                   const std::string& language, const std::string& feed_json) {
    const auto path = dir / name;
    std::ofstream(path) << R"({"region": "RU-UD", "language": ")" << language << R"(", "feed": )"
                        << feed_json << "}";
    return path;
}

std::string open311_feed() {
    const auto requests =
        test::source_dir() / "tests" / "data" / "open311" / "requests_udmurtia.json";
    return R"({"type": "open311", "url": "file://)" + requests.string() + R"("})";
}

app::Options screenshot_options(const std::filesystem::path& config,
                                const std::filesystem::path& out) {
    app::Options o;
    o.command = app::Command::screenshot;
    o.config_path = config.string();
    o.assets_dir = test::source_dir().string();
    o.output = out.string();
    o.width = 1280;
    o.height = 720;
    o.at = "2026-11-23T10:15:00Z";
    return o;
}

TEST(ScreenshotConfig, EnglishOpen311ConfigDrawsEnglishOpen311Frame) {
    test::TempDir dir;
    const auto en = write_config(dir.path, "en.json", "en", open311_feed());
    app::ScreenshotReport report;
    ASSERT_EQ(app::run_screenshot(screenshot_options(en, dir.path / "en.png"), &report), 0);
    EXPECT_EQ(report.feed, "open311");
    EXPECT_TRUE(report.url.starts_with("file://")) << report.url;
    EXPECT_EQ(report.language, config::Language::en);
    EXPECT_GT(report.incidents, 0u);
    EXPECT_EQ(report.mode, display::WallStatus::Mode::live);

    const auto ru = write_config(dir.path, "ru.json", "ru", open311_feed());
    app::ScreenshotReport ru_report;
    ASSERT_EQ(app::run_screenshot(screenshot_options(ru, dir.path / "ru.png"), &ru_report), 0);
    EXPECT_EQ(ru_report.incidents, report.incidents);
    EXPECT_NE(test::read_file(dir.path / "en.png"), test::read_file(dir.path / "ru.png"))
        << "the English config drew the same picture as the Russian one";
}

TEST(ScreenshotConfig, V1FeedUrlFollowsTheWallsBaseUrlRule) {
    EXPECT_EQ(app::v1_feed_url("https://feed.example/api/", "RU-UD"),
              "https://feed.example/api/v1/snapshot?region=RU-UD");
    EXPECT_EQ(app::v1_feed_url("https://feed.example/v1/snapshot?region=RU-UD", "RU-UD"),
              "https://feed.example/v1/snapshot?region=RU-UD");
    EXPECT_EQ(app::v1_feed_url("file:///srv/feed.json", "RU-UD"), "file:///srv/feed.json");
}

TEST(ScreenshotConfig, UnknownScreenIsRefusedWithItsName) {
    test::TempDir dir;
    const auto en = write_config(dir.path, "en.json", "en", open311_feed());
    auto options = screenshot_options(en, dir.path / "x.png");
    options.screen = "no-such-screen";
    EXPECT_EQ(app::run_screenshot(options), 2);
}

}  // namespace
}  // namespace tsur
