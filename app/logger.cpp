// Rate limiting keys on the message (or a caller's key), not on the call site: the same failure
// from two places is still one story for the person reading the journal.
#include "app/logger.hpp"

#include <sys/stat.h>
#include <systemd/sd-daemon.h>

#include <cstdio>
#include <cstdlib>

#include "model/redact.hpp"

namespace tsur::app {
namespace {

std::string_view journal_prefix(LogLevel level) {
    switch (level) {
        case LogLevel::error:
            return SD_ERR;
        case LogLevel::warning:
            return SD_WARNING;
        case LogLevel::info:
            return SD_INFO;
        case LogLevel::debug:
            return SD_DEBUG;
    }
    return SD_INFO;
}

void write_stderr(std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace

Logger::Logger(LoggerOptions options, Sink sink, Clock clock)
    : options_(options),
      sink_(sink ? std::move(sink) : Sink(write_stderr)),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })) {}

void Logger::log(LogLevel level, std::string_view key, std::string_view message) {
    if (!enabled(level)) return;
    std::lock_guard lock(mutex_);
    const auto now = clock_();
    std::uint64_t repeated = 0;
    auto it = seen_.find(key);
    if (it != seen_.end()) {
        if (now - it->second.last_written < options_.repeat_window) {
            ++it->second.suppressed;
            return;
        }
        repeated = it->second.suppressed;
        it->second = Seen{now, 0};
    } else {
        if (seen_.size() >= options_.max_keys) forget_oldest();
        seen_.emplace(std::string(key), Seen{now, 0});
    }

    std::string line;
    line.reserve(message.size() + 48);
    if (options_.journal_prefix) {
        line += journal_prefix(level);
    } else {
        line += "tsur-wall: ";
    }
    if (level != LogLevel::info) {
        line += config::log_level_name(level);
        line += ": ";
    }
    // Every line passes the one redaction rule: feed URLs carry keys and passwords.
    line += model::redact_secrets(message);
    if (repeated > 0) {
        line += " (repeated " + std::to_string(repeated) + " more time";
        line += repeated == 1 ? "" : "s";
        line += " in the last " + std::to_string(options_.repeat_window.count()) + " s)";
    }
    line += '\n';
    sink_(line);
}

void Logger::forget_oldest() {
    auto oldest = seen_.begin();
    for (auto it = seen_.begin(); it != seen_.end(); ++it) {
        if (it->second.last_written < oldest->second.last_written) oldest = it;
    }
    if (oldest != seen_.end()) seen_.erase(oldest);
}

bool stderr_is_journal() {
    // systemd sets JOURNAL_STREAM=<device>:<inode> of the stream it connected; a wall started by
    // hand from such a unit's shell inherits the variable but not the stream, so compare both.
    const char* env = std::getenv("JOURNAL_STREAM");
    if (env == nullptr) return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return false;
    struct stat st {};
    if (fstat(fileno(stderr), &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev &&
           static_cast<unsigned long long>(st.st_ino) == ino;
}

}  // namespace tsur::app
