// The logger: levels, journald priority prefixes, and rate limiting of repeated messages.
#include "app/logger.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace tsur::app {
namespace {

using namespace std::chrono_literals;

/// A logger writing into `lines`, with a clock the test moves by hand.
struct CapturedLogger {
    explicit CapturedLogger(LoggerOptions options = {})
        : logger(
              options, [this](std::string_view line) { lines.emplace_back(line); },
              [this] { return now; }) {}
    std::vector<std::string> lines;
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::time_point{} + 1000s;
    Logger logger;
};

TEST(Logger, DropsMessagesBelowTheConfiguredLevel) {
    CapturedLogger c({.min_level = LogLevel::warning});
    c.logger.debug("debug detail");
    c.logger.info("started");
    c.logger.warning("feed slow");
    c.logger.error("feed down");
    ASSERT_EQ(c.lines.size(), 2u);
    EXPECT_EQ(c.lines[0], "tsur-wall: warning: feed slow\n");
    EXPECT_EQ(c.lines[1], "tsur-wall: error: feed down\n");
}

TEST(Logger, JournalPrefixCarriesThePriority) {
    CapturedLogger c({.min_level = LogLevel::debug, .journal_prefix = true});
    c.logger.error("e");
    c.logger.warning("w");
    c.logger.info("i");
    c.logger.debug("d");
    ASSERT_EQ(c.lines.size(), 4u);
    EXPECT_EQ(c.lines[0], "<3>error: e\n");
    EXPECT_EQ(c.lines[1], "<4>warning: w\n");
    EXPECT_EQ(c.lines[2], "<6>i\n");
    EXPECT_EQ(c.lines[3], "<7>debug: d\n");
}

TEST(Logger, RepeatedMessageIsWrittenOncePerWindowWithACount) {
    CapturedLogger c;
    for (int i = 0; i < 10; ++i) {
        c.logger.warning("feed poll failed: timeout");
        c.now += 5s;  // a poll every 5 s for 50 s
    }
    ASSERT_EQ(c.lines.size(), 1u);
    c.now += 10s;  // 60 s after the first line
    c.logger.warning("feed poll failed: timeout");
    ASSERT_EQ(c.lines.size(), 2u);
    EXPECT_EQ(c.lines[1],
              "tsur-wall: warning: feed poll failed: timeout (repeated 9 more times in the last "
              "60 s)\n");
    c.now += 61s;
    c.logger.warning("feed poll failed: timeout");
    EXPECT_EQ(c.lines[2], "tsur-wall: warning: feed poll failed: timeout\n");
}

TEST(Logger, DifferentMessagesAreLimitedSeparately) {
    CapturedLogger c;
    c.logger.error("a");
    c.logger.error("b");
    c.logger.error("a");
    EXPECT_EQ(c.lines.size(), 2u);
}

TEST(Logger, ExplicitKeyGroupsMessagesWithChangingDetails) {
    CapturedLogger c;
    c.logger.log(LogLevel::warning, "feed_poll", "poll failed after 61 s");
    c.logger.log(LogLevel::warning, "feed_poll", "poll failed after 60 s");
    ASSERT_EQ(c.lines.size(), 1u);
    c.now += 60s;
    c.logger.log(LogLevel::warning, "feed_poll", "poll failed after 62 s");
    ASSERT_EQ(c.lines.size(), 2u);
    EXPECT_NE(c.lines[1].find("after 62 s (repeated 1 more time in"), std::string::npos)
        << c.lines[1];
}

TEST(Logger, RemembersABoundedNumberOfKeys) {
    CapturedLogger c({.max_keys = 4});
    for (int i = 0; i < 10; ++i) {
        c.logger.error("message " + std::to_string(i));
        c.now += 1s;
    }
    EXPECT_EQ(c.lines.size(), 10u);
    c.logger.error("message 0");  // forgotten long ago, so written again at once
    EXPECT_EQ(c.lines.size(), 11u);
    c.logger.error("message 9");  // still remembered: suppressed
    EXPECT_EQ(c.lines.size(), 11u);
}

TEST(Logger, LinesFromManyThreadsStayWhole) {
    CapturedLogger c;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&c, t] {
            for (int i = 0; i < 200; ++i) {
                c.logger.info("thread " + std::to_string(t) + " line " + std::to_string(i));
            }
        });
    }
    for (auto& th : threads) th.join();
    ASSERT_EQ(c.lines.size(), 800u);
    for (const auto& line : c.lines) {
        EXPECT_EQ(line.rfind("tsur-wall: thread ", 0), 0u) << line;
        EXPECT_EQ(line.find('\n'), line.size() - 1) << line;
    }
}

TEST(Logger, StderrIsNotTheJournalWithoutJournalStream) {
    ::unsetenv("JOURNAL_STREAM");
    EXPECT_FALSE(stderr_is_journal());
    ::setenv("JOURNAL_STREAM", "1:2", 1);
    EXPECT_FALSE(stderr_is_journal()) << "the variable alone is not enough";
    ::unsetenv("JOURNAL_STREAM");
}

}  // namespace
}  // namespace tsur::app
