// Leveled logging to stderr for journald, with identical repeated messages rate-limited so that a
// feed that fails every 30 s for a week leaves a readable journal.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "config/app_config.hpp"

namespace tsur::app {

using config::LogLevel;

struct LoggerOptions {
    LogLevel min_level = LogLevel::info;
    /// Prefix lines with "<3>".."<7>" (sd-daemon.h's SD_ERR...) so journald records the priority;
    /// otherwise "tsur-wall: warning: " for a terminal.
    bool journal_prefix = false;
    /// One line per message key per window; the rest are counted and reported with the next line.
    std::chrono::seconds repeat_window{60};
    /// Keys remembered at most; older ones are forgotten first (bounded memory for months).
    std::size_t max_keys = 256;
};

/// Thread-safe leveled logger; the sink and clock are injectable for tests. Any thread.
class Logger {
public:
    using Sink = std::function<void(std::string_view line)>;  ///< one line, newline included
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit Logger(LoggerOptions options = {}, Sink sink = {}, Clock clock = {});

    /// Logs `message`; messages with the same `key` share one rate limit (use a stable key when
    /// the text carries changing details, e.g. "feed_poll" for "poll failed: timeout after 61 s").
    void log(LogLevel level, std::string_view key, std::string_view message);
    void log(LogLevel level, std::string_view message) { log(level, message, message); }

    void error(std::string_view message) { log(LogLevel::error, message); }
    void warning(std::string_view message) { log(LogLevel::warning, message); }
    void info(std::string_view message) { log(LogLevel::info, message); }
    void debug(std::string_view message) { log(LogLevel::debug, message); }

    bool enabled(LogLevel level) const { return level <= options_.min_level; }

private:
    struct Seen {
        std::chrono::steady_clock::time_point last_written;
        std::uint64_t suppressed = 0;
    };
    void forget_oldest();

    LoggerOptions options_;
    Sink sink_;
    Clock clock_;
    std::mutex mutex_;  // guards seen_ and serialises writes so lines never interleave
    std::map<std::string, Seen, std::less<>> seen_;
};

/// True when stderr is the journal stream systemd connected (JOURNAL_STREAM matches stderr).
bool stderr_is_journal();

}  // namespace tsur::app
