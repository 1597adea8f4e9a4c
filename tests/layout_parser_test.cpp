// Layout files: what a valid file turns into, each kind of mistake reported at its JSON path with
// what was expected, every problem collected in one pass, and the shipped layouts all valid.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "config/layout_parser.hpp"
#include "display/widget_registry.hpp"
#include "support/paths.hpp"

namespace tsur::config {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kTypes = {"header", "map", "sla_board", "heatmap"};

json base() {
    return json::parse(R"({
      "name": "test",
      "wall": {"panels": [2, 1], "panel_px": [1920, 1080], "panel_mm": [1210, 680],
               "bezel_mm": 1.75, "viewing_distance_m": 5},
      "screens": [
        {"id": "main", "columns": [2, 1], "rows": [0.2, 0.8], "gap_mm": 6,
         "cells": [
           {"col": 0, "row": 0, "span": [2, 1], "widget": {"type": "header"}},
           {"col": 0, "row": 1, "widget": {"type": "map", "inset": false}},
           {"col": 1, "row": 1, "widget": {"type": "sla_board", "group_by": "agency",
                                           "sectors": ["roads", "waste"], "page": "20s",
                                           "max_rows": 8, "window": "7d"}}
         ]},
        {"id": "second", "cells": [{"col": 0, "row": 0, "widget": {"type": "heatmap"}}]}
      ],
      "playlist": [{"screen": "main", "duration": "90s"}, {"screen": "second", "duration": "1m"}]
    })");
}

LayoutCheck check(const json& doc) { return check_layout(doc.dump(), "test.json", kTypes); }

/// The problem reported at exactly `path`, or null.
const LayoutProblem* at(const LayoutCheck& c, std::string_view path) {
    const auto it = std::find_if(c.problems.begin(), c.problems.end(),
                                 [&](const LayoutProblem& p) { return p.json_path == path; });
    return it == c.problems.end() ? nullptr : &*it;
}

std::string all(const LayoutCheck& c) {
    std::string out;
    for (const auto& p : c.problems) out += format_problem("test.json", p) + "\n";
    return out;
}

TEST(LayoutParser, ReadsEveryFieldOfAValidLayout) {
    const LayoutCheck c = check(base());
    ASSERT_TRUE(c.ok()) << all(c);
    const Layout& l = c.layout;
    EXPECT_EQ(l.wall.columns, 2);
    EXPECT_FLOAT_EQ(l.wall.bezel.left, 1.75f);
    EXPECT_FALSE(l.wall.bezel.in_px);
    ASSERT_EQ(l.screens.size(), 2u);
    EXPECT_EQ(l.screens[0].columns, (std::vector<float>{2, 1}));
    EXPECT_FLOAT_EQ(l.screens[0].gap_mm, 6);
    EXPECT_EQ(l.screens[0].cells[0].col_span, 2);
    EXPECT_FALSE(l.screens[0].cells[1].widget.inset);
    const WidgetSpec& board = l.screens[0].cells[2].widget;
    EXPECT_EQ(board.group_by, GroupBy::agency);
    EXPECT_EQ(board.sectors,
              (std::vector<model::Sector>{model::Sector::roads, model::Sector::waste}));
    EXPECT_EQ(board.page_seconds, 20);
    EXPECT_EQ(board.max_rows, 8);
    EXPECT_EQ(board.window, Window::week);
    EXPECT_EQ(l.screens[1].columns, (std::vector<float>{1}));
    ASSERT_EQ(l.playlist.size(), 2u);
    EXPECT_EQ(l.playlist[0].duration, model::Seconds{90});
    EXPECT_EQ(l.playlist[1].screen_index, 1u);
    EXPECT_FALSE(l.schedule.has_value());
}

TEST(LayoutParser, BoardOrderDefaultsToUrgentAndAcceptsOldestFirst) {
    json doc = base();
    EXPECT_EQ(check(doc).layout.screens[0].cells[2].widget.board_order, BoardOrder::urgent);
    doc["screens"][0]["cells"][2]["widget"]["order"] = "oldest_first";
    const LayoutCheck c = check(doc);
    ASSERT_TRUE(c.ok()) << all(c);
    EXPECT_EQ(c.layout.screens[0].cells[2].widget.board_order, BoardOrder::oldest_first);
}

TEST(LayoutParser, ReportsAnUnknownBoardOrderWithTheChoices) {
    json doc = base();
    doc["screens"][0]["cells"][2]["widget"]["order"] = "newest";
    const LayoutCheck c = check(doc);
    const LayoutProblem* p = at(c, "screens[0].cells[2].widget.order");
    ASSERT_NE(p, nullptr) << all(c);
    EXPECT_NE(p->message.find("oldest_first"), std::string::npos) << p->message;
}

TEST(LayoutParser, AcceptsTheOverdueWindow) {
    json doc = base();
    doc["screens"][1]["cells"][0]["widget"]["window"] = "overdue";
    const LayoutCheck c = check(doc);
    ASSERT_TRUE(c.ok()) << all(c);
    EXPECT_EQ(c.layout.screens[1].cells[0].widget.window, Window::overdue);
}

TEST(LayoutParser, AcceptsComments) {
    const std::string text = "// a wall\n" + base().dump(2) + "\n/* end */\n";
    EXPECT_TRUE(check_layout(text, "test.json", kTypes).ok());
}

TEST(LayoutParser, ReportsUnknownWidgetWithTheExpectedTypes) {
    json doc = base();
    doc["screens"][1]["cells"][0]["widget"]["type"] = "mapp";
    const LayoutCheck c = check(doc);
    const LayoutProblem* p = at(c, "screens[1].cells[0].widget.type");
    ASSERT_NE(p, nullptr) << all(c);
    EXPECT_NE(p->message.find("unknown widget \"mapp\""), std::string::npos) << p->message;
    EXPECT_NE(p->message.find("header, map, sla_board, heatmap"), std::string::npos) << p->message;
}

TEST(LayoutParser, ReportsOverlappingCells) {
    json doc = base();
    doc["screens"][0]["cells"][2]["col"] = 0;  // onto the map at column 0, row 1
    const LayoutCheck c = check(doc);
    const LayoutProblem* p = at(c, "screens[0].cells[2]");
    ASSERT_NE(p, nullptr) << all(c);
    EXPECT_NE(p->message.find("overlaps cells[1] at column 0, row 1"), std::string::npos)
        << p->message;
}

TEST(LayoutParser, ReportsCellsOutsideTheGrid) {
    json doc = base();
    doc["screens"][0]["cells"][1]["col"] = 2;            // the grid has columns 0..1
    doc["screens"][0]["cells"][0]["span"] = json{3, 1};  // header spans one column too many
    const LayoutCheck c = check(doc);
    const LayoutProblem* col = at(c, "screens[0].cells[1].col");
    ASSERT_NE(col, nullptr) << all(c);
    EXPECT_NE(col->message.find("columns 0..1"), std::string::npos) << col->message;
    const LayoutProblem* span = at(c, "screens[0].cells[0].span");
    ASSERT_NE(span, nullptr) << all(c);
    EXPECT_NE(span->message.find("spans columns 0..2"), std::string::npos) << span->message;
}

TEST(LayoutParser, ReportsUnknownSectorChannelAndStatus) {
    json doc = base();
    auto& w = doc["screens"][0]["cells"][2]["widget"];
    w["sectors"] = {"roads", "road"};
    w["channels"] = {"vk", "fax"};
    w["statuses"] = {"closed"};
    const LayoutCheck c = check(doc);
    const LayoutProblem* sector = at(c, "screens[0].cells[2].widget.sectors[1]");
    ASSERT_NE(sector, nullptr) << all(c);
    EXPECT_NE(sector->message.find("unknown sector \"road\""), std::string::npos);
    EXPECT_NE(sector->message.find("housing, roads, waste"), std::string::npos);
    EXPECT_NE(at(c, "screens[0].cells[2].widget.channels[1]"), nullptr) << all(c);
    EXPECT_NE(at(c, "screens[0].cells[2].widget.statuses[0]"), nullptr) << all(c);
    EXPECT_EQ(c.problems.size(), 3u) << all(c);
}

TEST(LayoutParser, ReportsBadDurations) {
    for (const json& bad : {json("90x"), json("1.5h"), json("0s"), json(90), json("")}) {
        json doc = base();
        doc["playlist"][1]["duration"] = bad;
        const LayoutCheck c = check(doc);
        const LayoutProblem* p = at(c, "playlist[1].duration");
        ASSERT_NE(p, nullptr) << bad.dump() << ": " << all(c);
        EXPECT_NE(p->message.find("expected a positive duration"), std::string::npos);
    }
    json doc = base();
    doc["screens"][0]["cells"][2]["widget"]["page"] = "soon";
    EXPECT_NE(at(check(doc), "screens[0].cells[2].widget.page"), nullptr);
}

TEST(LayoutParser, ReportsAPlaylistNamingAnUnknownScreen) {
    json doc = base();
    doc["playlist"][0]["screen"] = "mian";
    const LayoutCheck c = check(doc);
    const LayoutProblem* p = at(c, "playlist[0].screen");
    ASSERT_NE(p, nullptr) << all(c);
    EXPECT_NE(p->message.find("unknown screen \"mian\" (expected one of: main, second)"),
              std::string::npos)
        << p->message;
}

TEST(LayoutParser, ReportsAPlaylistEntryWithoutDuration) {
    json doc = base();
    doc["playlist"][0].erase("duration");
    const LayoutCheck c = check(doc);
    const LayoutProblem* p = at(c, "playlist[0].duration");
    ASSERT_NE(p, nullptr) << all(c);
    EXPECT_NE(p->message.find("missing"), std::string::npos);
}

TEST(LayoutParser, ReportsUnknownFieldsAndDuplicateScreens) {
    json doc = base();
    doc["screens"][0]["cells"][0]["widget"]["titel"] = "x";
    doc["screens"][1]["id"] = "main";
    const LayoutCheck c = check(doc);
    const LayoutProblem* field = at(c, "screens[0].cells[0].widget.titel");
    ASSERT_NE(field, nullptr) << all(c);
    EXPECT_NE(field->message.find("unknown field (expected one of: type, title"),
              std::string::npos);
    EXPECT_NE(at(c, "screens[1].id"), nullptr) << all(c);
}

TEST(LayoutParser, ReportsImplausiblePanelSizes) {
    json doc = base();
    doc["wall"]["panel_mm"] = {680, 1210};  // width and height swapped
    doc["wall"]["viewing_distance_m"] = 0;
    const LayoutCheck c = check(doc);
    const LayoutProblem* mm = at(c, "wall.panel_mm");
    ASSERT_NE(mm, nullptr) << all(c);
    EXPECT_NE(mm->message.find("non-square pixels"), std::string::npos);
    EXPECT_NE(at(c, "wall.viewing_distance_m"), nullptr) << all(c);
}

TEST(LayoutParser, ReportsAWallTooFarOrTooBigToDraw) {
    json doc = base();
    doc["wall"]["panel_mm"] = {121, 68};  // a 5.5" screen read from 5 m
    doc["wall"]["panels"] = {10, 1};      // 19200 px across
    const LayoutCheck c = check(doc);
    const LayoutProblem* far = at(c, "wall.viewing_distance_m");
    ASSERT_NE(far, nullptr) << all(c);
    EXPECT_NE(far->message.find("expected a distance under 1.0 m"), std::string::npos)
        << far->message;
    EXPECT_NE(at(c, "wall.panels"), nullptr) << all(c);
}

TEST(LayoutParser, ReportsBadScheduleEntries) {
    json doc = base();
    doc["schedule"] = json::parse(R"([{"days": "mon-fri", "on": "08:00", "off": "25:00"},
                                      {"days": "weekdays", "on": "08:00", "off": "20:00"},
                                      {"days": "sat", "on": "10:00", "off": "10:00"}])");
    const LayoutCheck c = check(doc);
    EXPECT_NE(at(c, "schedule[0].off"), nullptr) << all(c);
    EXPECT_NE(at(c, "schedule[1].days"), nullptr) << all(c);
    EXPECT_NE(at(c, "schedule[2]"), nullptr) << all(c);
    EXPECT_EQ(c.problems.size(), 3u) << all(c);
}

TEST(LayoutParser, CollectsEveryProblemInOnePass) {
    json doc = base();
    doc["screens"][0]["cells"][1]["widget"]["type"] = "mapp";
    doc["screens"][0]["cells"][2]["widget"]["sectors"] = {"road"};
    doc["playlist"][0]["duration"] = "1.5h";
    doc["playlist"][1]["screen"] = "third";
    doc["wall"]["bezel_px"] = 6;  // as well as bezel_mm
    const LayoutCheck c = check(doc);
    EXPECT_EQ(c.problems.size(), 5u) << all(c);
    for (const char* path :
         {"screens[0].cells[1].widget.type", "screens[0].cells[2].widget.sectors[0]",
          "playlist[0].duration", "playlist[1].screen", "wall.bezel_px"}) {
        EXPECT_NE(at(c, path), nullptr) << path << "\n" << all(c);
    }
    auto result = parse_layout(doc.dump(), "walls/room.json", kTypes);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().find("walls/room.json: playlist[1].screen: unknown screen"),
              std::string::npos)
        << result.error();
    EXPECT_EQ(std::count(result.error().begin(), result.error().end(), '\n'), 4);
}

TEST(LayoutParser, ReportsSyntaxErrorsWithTheirPosition) {
    const LayoutCheck c = check_layout("{\"name\": \"x\",\n \"screens\": [}", "t.json", kTypes);
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].json_path, "");
    EXPECT_NE(c.problems[0].message.find("line 2"), std::string::npos) << c.problems[0].message;
}

TEST(LayoutParser, EveryShippedLayoutParsesCleanly) {
    std::vector<std::string_view> types;
    for (const auto& w : display::widget_table()) types.push_back(w.type);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "layouts")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const std::string name = entry.path().filename().string();
        const LayoutCheck c = check_layout(test::read_file(entry.path()), name, types);
        std::string problems;
        for (const auto& p : c.problems) problems += format_problem(name, p) + "\n";
        EXPECT_TRUE(c.ok()) << problems;
        EXPECT_FALSE(c.layout.screens.empty()) << name;
    }
    EXPECT_GE(files, 3u) << "situation-room, briefing and lobby are shipped";
}

}  // namespace
}  // namespace tsur::config

TEST(LayoutParser, RejectsNumberOverflowWithoutCrashing) {
    const std::vector<std::string_view> types = {"map"};
    const auto r = tsur::config::parse_layout(
        R"({"name": "x", "wall": {"viewing_distance_m": 1e999}})", "x.json", types);
    EXPECT_FALSE(r.ok());
}
