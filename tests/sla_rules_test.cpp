// SLA rules: defaults from docs/domain.md, rule specificity, feed due_at, at-risk policy, rules file.
#include "model/sla_rules.hpp"

#include <gtest/gtest.h>

#include "model/calendar_date.hpp"
#include "model/holiday_calendar_loader.hpp"
#include "model/sla_rules_loader.hpp"
#include "support/paths.hpp"
#include "support/time_literal.hpp"

namespace tsur::model {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

using test::at;

Incident incident(Channel channel, Sector sector, std::string category = "") {
    Incident inc;
    inc.channel = channel;
    inc.sector = sector;
    inc.category = std::move(category);
    inc.created_at = at("2026-11-20T06:00:00Z");  // Friday 10:00 local
    return inc;
}

Seconds sla_of(const SlaRules& rules, const Incident& inc) {
    return rules.due_at(inc) - inc.created_at;
}

TEST(SlaRules, DefaultsFollowDomain) {
    const auto rules = SlaRules::defaults();
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::roads)), hours{24});
    EXPECT_EQ(sla_of(rules, incident(Channel::ok, Sector::waste)), hours{24});
    EXPECT_EQ(sla_of(rules, incident(Channel::telegram, Sector::housing)), hours{24});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::roads)), days{10});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::housing)), days{10});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::other, "landscaping")), days{10});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::healthcare, "vaccination")), hours{24});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::healthcare)), days{30});
    EXPECT_EQ(sla_of(rules, incident(Channel::letter, Sector::roads)), days{30});
    EXPECT_EQ(sla_of(rules, incident(Channel::media, Sector::energy)), hours{24});
}

TEST(SlaRules, DefaultHotlineIsThreeWorkingDays) {
    const auto rules = SlaRules::defaults();
    // Friday 10:00 local + 3 working days = Wednesday 10:00 local.
    EXPECT_EQ(rules.due_at(incident(Channel::hotline, Sector::roads)), at("2026-11-25T06:00:00Z"));
}

TEST(SlaRules, WorkingDayRuleSkipsHolidaysOfTheCalendar) {
    auto cal = parse_holiday_calendar(R"({"holidays": ["2026-11-04"]})", "h.json", Seconds{14400});
    ASSERT_TRUE(cal.ok());
    const auto rules = SlaRules::defaults(cal.value());
    auto inc = incident(Channel::hotline, Sector::roads);
    inc.created_at = at("2026-11-02T06:00:00Z");  // Monday; Wednesday 4 Nov is a holiday
    EXPECT_EQ(rules.due_at(inc), at("2026-11-06T06:00:00Z"));
}

TEST(SlaRules, CategoryBeatsSectorBeatsChannel) {
    const SlaDuration d1{SlaDuration::Unit::calendar, hours{1}, 0};
    const SlaDuration d2{SlaDuration::Unit::calendar, hours{2}, 0};
    const SlaDuration d3{SlaDuration::Unit::calendar, hours{3}, 0};
    // Listed least specific last-to-first on purpose: order must not decide.
    const SlaRules rules(
        {SlaRule{std::nullopt, std::nullopt, "pothole", d3},
         SlaRule{std::nullopt, Sector::roads, "", d2}, SlaRule{Channel::vk, std::nullopt, "", d1}},
        AtRiskPolicy{}, WorkCalendar{});
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::waste)), hours{1});
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::roads)), hours{2});
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::roads, "pothole")), hours{3});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::waste, "pothole")), hours{3});
}

TEST(SlaRules, ChannelAndSectorTogetherBeatSectorAlone) {
    const SlaRules rules({SlaRule{std::nullopt, Sector::roads, "", {{}, hours{5}, 0}},
                          SlaRule{Channel::pos, Sector::roads, "", {{}, hours{7}, 0}}},
                         AtRiskPolicy{}, WorkCalendar{});
    EXPECT_EQ(sla_of(rules, incident(Channel::pos, Sector::roads)), hours{7});
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::roads)), hours{5});
}

TEST(SlaRules, EqualSpecificityGoesToTheEarlierRule) {
    const SlaRules rules({SlaRule{Channel::vk, std::nullopt, "", {{}, hours{4}, 0}},
                          SlaRule{Channel::vk, std::nullopt, "", {{}, hours{9}, 0}}},
                         AtRiskPolicy{}, WorkCalendar{});
    EXPECT_EQ(sla_of(rules, incident(Channel::vk, Sector::roads)), hours{4});
}

TEST(SlaRules, NoMatchingRuleFallsBackToThirtyDays) {
    const SlaRules rules({SlaRule{Channel::vk, std::nullopt, "", {{}, hours{4}, 0}}},
                         AtRiskPolicy{}, WorkCalendar{});
    EXPECT_EQ(sla_of(rules, incident(Channel::letter, Sector::roads)), days{30});
}

TEST(SlaRules, FeedDueTimeWins) {
    const auto rules = SlaRules::defaults();
    auto inc = incident(Channel::vk, Sector::roads);
    inc.feed_due_at = inc.created_at + minutes{90};
    EXPECT_EQ(rules.due_at(inc), inc.created_at + minutes{90});
}

TEST(SlaRules, AtRiskByShareForLongSla) {
    const auto rules = SlaRules::defaults();  // 75 % or 2 h left
    const auto inc = incident(Channel::vk, Sector::roads);
    const auto due = rules.due_at(inc);
    EXPECT_EQ(rules.at_risk_at(inc, due), inc.created_at + hours{18});
    const auto pos = incident(Channel::pos, Sector::roads);
    EXPECT_EQ(rules.at_risk_at(pos, rules.due_at(pos)), pos.created_at + hours{180});
}

TEST(SlaRules, AtRiskByTimeLeftWhenThatComesFirst) {
    const auto rules = SlaRules::defaults();
    const auto inc = incident(Channel::vk, Sector::roads);
    // 4 h SLA: 75 % is at +3 h, 2 h left is at +2 h: the earlier wins.
    EXPECT_EQ(rules.at_risk_at(inc, inc.created_at + hours{4}), inc.created_at + hours{2});
}

TEST(SlaRules, AtRiskNeverBeforeCreationNorAfterDue) {
    const auto rules = SlaRules::defaults();
    const auto inc = incident(Channel::vk, Sector::roads);
    EXPECT_EQ(rules.at_risk_at(inc, inc.created_at + hours{1}), inc.created_at);
    EXPECT_EQ(rules.at_risk_at(inc, inc.created_at - hours{1}), inc.created_at - hours{1});
}

TEST(SlaRules, AtRiskShareRoundsDownToWholeSeconds) {
    const SlaRules rules({}, AtRiskPolicy{0.5, Seconds{0}}, WorkCalendar{});
    const auto inc = incident(Channel::vk, Sector::roads);
    EXPECT_EQ(rules.at_risk_at(inc, inc.created_at + Seconds{7}), inc.created_at + Seconds{3});
}

TEST(SlaDurationText, ParsesEachUnitAndRoundTrips) {
    for (const char* text : {"30min", "90min", "36h", "10d", "5wd"}) {
        const auto d = parse_sla_duration(text);
        ASSERT_TRUE(d) << text;
        EXPECT_EQ(format_sla_duration(*d), text);
    }
    EXPECT_EQ(parse_sla_duration("10d")->calendar, days{10});
    EXPECT_EQ(parse_sla_duration("5wd")->working_days, 5);
    EXPECT_EQ(parse_sla_duration("5wd")->unit, SlaDuration::Unit::working_days);
    EXPECT_EQ(format_sla_duration(*parse_sla_duration("48h")), "2d");
    EXPECT_EQ(format_sla_duration(*parse_sla_duration("24h")), "1d");
    EXPECT_EQ(format_sla_duration(*parse_sla_duration("120min")), "2h");
}

TEST(SlaDurationText, RejectsMalformed) {
    for (const char* text :
         {"", "h", "0h", "-1d", "10", "10 d", "1.5h", "10days", "99999999999h", "ten days"}) {
        EXPECT_FALSE(parse_sla_duration(text)) << text;
    }
}

Result<SlaRules> parse(const char* text) { return parse_sla_rules(text, "sla.json", {}); }

TEST(SlaRulesLoader, ShippedDefaultFileEqualsDefaults) {
    const auto path = test::asset_path("sla/default-rules.json");
    auto loaded = parse_sla_rules(test::read_file(path), "default-rules.json", {});
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const auto expected = SlaRules::defaults();
    const auto& got = loaded.value();
    EXPECT_DOUBLE_EQ(got.policy().share, expected.policy().share);
    EXPECT_EQ(got.policy().time_left, expected.policy().time_left);
    ASSERT_EQ(got.rules().size(), expected.rules().size());
    for (std::size_t i = 0; i < got.rules().size(); ++i) {
        const auto& g = got.rules()[i];
        const auto& e = expected.rules()[i];
        EXPECT_EQ(g.channel, e.channel) << "rule " << i;
        EXPECT_EQ(g.sector, e.sector) << "rule " << i;
        EXPECT_EQ(g.category, e.category) << "rule " << i;
        EXPECT_EQ(format_sla_duration(g.duration), format_sla_duration(e.duration)) << "rule " << i;
    }
}

TEST(SlaRulesLoader, ParsesRulesPolicyAndComments) {
    auto rules = parse(R"({
        // tighter than the defaults
        "at_risk": {"share": 0.5, "time_left": "30min"},
        "rules": [
            {"channel": "pos", "sector": "roads", "duration": "10d"},
            {"category": "vaccination", "duration": "24h"}, /* any channel */
            {"channel": "letter", "duration": "20wd"}
        ]
    })");
    ASSERT_TRUE(rules.ok()) << rules.error();
    EXPECT_DOUBLE_EQ(rules.value().policy().share, 0.5);
    EXPECT_EQ(rules.value().policy().time_left, minutes{30});
    ASSERT_EQ(rules.value().rules().size(), 3u);
    EXPECT_EQ(rules.value().rules()[0].channel, Channel::pos);
    EXPECT_EQ(rules.value().rules()[0].sector, Sector::roads);
    EXPECT_EQ(rules.value().rules()[1].category, "vaccination");
    EXPECT_FALSE(rules.value().rules()[1].channel);
    EXPECT_EQ(rules.value().rules()[2].duration.working_days, 20);
    EXPECT_EQ(sla_of(rules.value(), incident(Channel::vk, Sector::other, "vaccination")),
              hours{24});
}

TEST(SlaRulesLoader, BadDurationNamesFileAndPath) {
    auto rules = parse(R"({"rules": [{"channel": "vk", "duration": "24h"},
        {"channel": "ok", "duration": "24h"}, {"channel": "pos", "duration": "30d"},
        {"channel": "letter", "duration": "ten days"}]})");
    ASSERT_FALSE(rules.ok());
    EXPECT_EQ(rules.error(),
              "sla.json: rules[3].duration: expected \"<n>min\", \"<n>h\", \"<n>d\" or \"<n>wd\", "
              "got \"ten days\"");
}

TEST(SlaRulesLoader, UnknownChannelListsTheValidOnes) {
    auto rules = parse(R"({"rules": [{"channel": "vkontakte", "duration": "24h"}]})");
    ASSERT_FALSE(rules.ok());
    EXPECT_EQ(rules.error(),
              "sla.json: rules[0].channel: expected one of vk, ok, telegram, pos, hotline, "
              "letter, app, media, got \"vkontakte\"");
}

TEST(SlaRulesLoader, RejectsEachKindOfMistake) {
    const auto error_of = [](const char* text) {
        auto r = parse(text);
        return r.ok() ? std::string("(accepted)") : r.error();
    };
    EXPECT_EQ(error_of(R"({"rules": [{"sector": "roads"}]})"),
              "sla.json: rules[0].duration: missing");
    EXPECT_EQ(error_of(R"({"rules": [{"sector": "road", "duration": "1d"}]})").substr(0, 40),
              "sla.json: rules[0].sector: expected one ");
    EXPECT_EQ(error_of(R"({"rules": [{"chanel": "vk", "duration": "1d"}]})").substr(0, 41),
              "sla.json: rules[0].chanel: unknown key (e");
    EXPECT_EQ(error_of(R"({"rules": []})"), "sla.json: rules: expected a non-empty array of rules");
    EXPECT_EQ(error_of(R"({"at_risk": {"share": 0.75}})"), "sla.json: rules: missing");
    EXPECT_EQ(error_of(R"({"at_risk": {"share": 1.5}, "rules": [{"duration": "1d"}]})"),
              "sla.json: at_risk.share: expected a number in (0, 1], got 1.5");
    EXPECT_EQ(
        error_of(R"({"at_risk": {"time_left": "2wd"}, "rules": [{"duration": "1d"}]})"),
        "sla.json: at_risk.time_left: expected \"<n>min\", \"<n>h\" or \"<n>d\", got \"2wd\"");
    EXPECT_EQ(error_of(R"({"rules": [{"duration": 24}]})").substr(0, 29),
              "sla.json: rules[0].duration: ");
    EXPECT_EQ(error_of(R"({"rules": [{"category": "", "duration": "1d"}]})"),
              "sla.json: rules[0].category: expected a non-empty string");
    EXPECT_EQ(error_of(R"([1, 2])"), "sla.json: (top level): expected an object");
}

TEST(SlaRulesLoader, SyntaxErrorNamesFileAndLine) {
    auto rules = parse("{\n  \"rules\": [\n    {\"duration\": \"1d\"},,\n  ]\n}");
    ASSERT_FALSE(rules.ok());
    EXPECT_EQ(rules.error().rfind("sla.json: not valid JSON", 0), 0u) << rules.error();
    EXPECT_NE(rules.error().find("line 3"), std::string::npos) << rules.error();
}

}  // namespace
}  // namespace tsur::model
