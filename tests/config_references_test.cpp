// check-config checks what a config names: the layout file, the region pack and token files,
// and the shipped sample and the documents' examples name only things that exist.
#include "app/config_references.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "config/app_config.hpp"
#include "formats/feed_parser.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"

namespace tsur::app {
namespace {

config::AppConfig base_config() {
    config::AppConfig c;
    c.feed.url = "https://feed.example/api";
    return c;
}

std::string keys_of(const std::vector<ConfigReferenceProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.key + " (" + p.message + ")\n";
    return out;
}

void write_file(const std::filesystem::path& p, const std::string& text, mode_t mode) {
    std::ofstream(p) << text;
    ::chmod(p.c_str(), mode);
}

TEST(ConfigReferences, ShippedLayoutsAndTheDefaultRegionPass) {
    for (const std::string& name : test::shipped_layout_names()) {
        auto c = base_config();
        c.layout = name;
        const auto problems = check_config_references(c, test::source_dir());
        EXPECT_TRUE(problems.empty()) << name << ": " << keys_of(problems);
    }
}

TEST(ConfigReferences, LayoutThatDoesNotExistIsAProblem) {
    auto c = base_config();
    c.layout = "wall";
    const auto problems = check_config_references(c, test::source_dir());
    ASSERT_EQ(problems.size(), 1u) << keys_of(problems);
    EXPECT_EQ(problems[0].key, "layout");
    EXPECT_NE(problems[0].message.find("wall.json"), std::string::npos) << problems[0].message;
}

TEST(ConfigReferences, LayoutThatDoesNotParseIsAProblem) {
    test::TempDir dir;
    const auto file = dir.path / "broken.json";
    write_file(file, R"({"wall": {"columns": 0}})", 0644);
    auto c = base_config();
    c.layout = file.string();
    const auto problems = check_config_references(c, test::source_dir());
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].key, "layout");
}

TEST(ConfigReferences, MissingRegionPackIsAProblem) {
    auto c = base_config();
    c.region = "RU-XX";
    const auto problems = check_config_references(c, test::source_dir());
    ASSERT_EQ(problems.size(), 1u) << keys_of(problems);
    EXPECT_EQ(problems[0].key, "region");
    EXPECT_NE(problems[0].message.find("RU-XX"), std::string::npos);
}

TEST(ConfigReferences, TokenFilesMustExistAndBeOwnerOnly) {
    test::TempDir dir;
    const auto open_token = dir.path / "open.token";
    const auto private_token = dir.path / "private.token";
    write_file(open_token, "secret\n", 0644);
    write_file(private_token, "secret\n", 0600);

    auto c = base_config();
    c.feed.token_file = private_token;
    c.status_server.token_file = private_token;
    EXPECT_TRUE(check_config_references(c, test::source_dir()).empty());

    c.feed.token_file = open_token;
    c.status_server.token_file = dir.path / "missing.token";
    const auto problems = check_config_references(c, test::source_dir());
    ASSERT_EQ(problems.size(), 2u) << keys_of(problems);
    EXPECT_EQ(problems[0].key, "feed.token_file");
    EXPECT_NE(problems[0].message.find("chmod 600"), std::string::npos);
    EXPECT_EQ(problems[1].key, "status_server.token_file");
    EXPECT_NE(problems[1].message.find("No such file"), std::string::npos);
}

TEST(ShippedSamples, SampleConfigParsesAndOffersEveryShippedLayout) {
    const auto path = test::source_dir() / "systemd" / "config.sample.json";
    auto parsed = config::parse_app_config(test::read_file(path), path.string());
    ASSERT_TRUE(parsed) << parsed.error();
    EXPECT_TRUE(check_config_references(parsed.value(), test::source_dir()).empty());

    // The layout names the sample's comment offers are the shipped layouts, each of them.
    const std::string text = test::read_file(path);
    const auto start = text.find("A shipped layout name");
    const auto comment = text.substr(start, text.find("\"layout\":", start) - start);
    const std::regex quoted("\"([a-z-]+)\"");
    std::vector<std::string> names;
    for (std::sregex_iterator it(comment.begin(), comment.end(), quoted), end; it != end; ++it) {
        auto c = parsed.value();
        c.layout = (*it)[1].str();
        EXPECT_TRUE(check_config_references(c, test::source_dir()).empty()) << c.layout;
        names.push_back(c.layout);
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, test::shipped_layout_names());
}

TEST(ShippedSamples, OperationsGuideNamesEveryShippedLayout) {
    const std::string text = test::read_file(test::source_dir() / "docs" / "operations.md");
    const auto row = text.substr(text.find("| `layout` |"));
    const auto line = row.substr(0, row.find('\n'));
    const std::regex quoted("`([a-z-]+)`");
    std::vector<std::string> names;
    for (std::sregex_iterator it(line.begin(), line.end(), quoted), end; it != end; ++it) {
        if ((*it)[1].str() != "layout") names.push_back((*it)[1].str());
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, test::shipped_layout_names());
}

/// The ```json examples of docs/feed-api.md, in order.
std::vector<std::string> feed_api_examples() {
    const std::string text = test::read_file(test::source_dir() / "docs" / "feed-api.md");
    std::vector<std::string> out;
    for (auto start = text.find("```json\n"); start != std::string::npos;
         start = text.find("```json\n", start)) {
        const auto body_start = start + 8;
        const auto end = text.find("```", body_start);
        out.push_back(text.substr(body_start, end - body_start));
        start = end;
    }
    return out;
}

TEST(ShippedSamples, FeedApiDocumentExampleIsAValidV1Document) {
    const auto examples = feed_api_examples();
    ASSERT_GE(examples.size(), 2u);
    const auto region = test::udmurtia_region();
    for (const std::string& body : examples) {
        auto doc = net::parse_feed_v1(body, region);
        ASSERT_TRUE(doc) << doc.error() << "\n" << body;
        EXPECT_EQ(doc.value().incidents.size(), 1u);
        std::string rejected;
        for (const auto& [reason, n] : doc.value().rejected) rejected += reason + " ";
        EXPECT_EQ(rejected, "");
        EXPECT_TRUE(doc.value().region_wide.empty()) << body;
    }
    // The second example gives the region's municipalities: its incident is placed by them.
    auto own = net::parse_feed_v1(examples[1], region);
    ASSERT_TRUE(own && own.value().region);
    EXPECT_EQ(own.value().region->municipalities.size(), 2u);
    EXPECT_EQ(own.value().region->municipalities[own.value().incidents[0].municipality].name_ru,
              "Завьяловский район");
}

}  // namespace
}  // namespace tsur::app
