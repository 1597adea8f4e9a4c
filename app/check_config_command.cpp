// check-config prints the values that will be used, so a reader sees the defaults too.
#include "app/check_config_command.hpp"

#include <cstdio>

#include "app/calendar_files.hpp"
#include "app/config_references.hpp"
#include "app/file_io.hpp"
#include "app/wall_assets.hpp"
#include "model/redact.hpp"

namespace tsur::app {

model::Result<config::AppConfig> load_app_config(const std::filesystem::path& path) {
    // A config is a few kilobytes; anything near this limit is not a config file.
    auto text = read_text_file(path, 1u << 20);
    if (!text) return model::Error{text.error()};
    return config::parse_app_config(text.value(), path.string());
}

namespace {

// The holiday files are configuration too: a centre's file that is refused here would be skipped
// by the wall, so it fails the check; a calendar about to run out only warns.
int check_calendar(const Options& options, const config::AppConfig& c,
                   const std::filesystem::path& config_path) {
    const auto dir = calendar_dir_for(config_path);
    auto assets = load_wall_assets(find_data_dir(options.assets_dir), c.region,
                                   CentreFiles{.calendar_dir = dir, .municipalities = {}});
    if (!assets) {
        std::fprintf(stderr, "%s\n", assets.error().c_str());
        return 2;
    }
    for (const auto& source : assets.value().calendar_sources) {
        std::printf("  holiday calendar: %s\n", source.c_str());
    }
    for (const auto& problem : assets.value().calendar_problems) {
        std::fprintf(stderr, "%s\n", problem.c_str());
    }
    const int code = assets.value().calendar_problems.empty() ? 0 : 2;
    const auto outlook = model::calendar_outlook(
        assets.value().rules->calendar(),
        std::chrono::floor<model::Seconds>(std::chrono::system_clock::now()));
    if (outlook.ending) {
        std::fprintf(stderr, "warning: %s; put next year's file in %s (docs/operations.md)\n",
                     model::describe(outlook).c_str(), dir.c_str());
    }
    return code;
}

}  // namespace

int run_check_config(const Options& options) {
    const std::filesystem::path path = options.positional.front();
    const auto loaded = load_app_config(path);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 2;
    }
    const config::AppConfig& c = loaded.value();
    // The wall refuses a bad token file or state directory at run time, and shows the built-in
    // layout for a missing one; saying so here saves a trip to the journal.
    const auto problems = check_config_references(c, find_data_dir(options.assets_dir));
    for (const auto& p : problems) {
        std::printf("%s: %s: %s\n", path.c_str(), p.key.c_str(), p.message.c_str());
    }
    if (!problems.empty()) {
        std::printf("%s: %zu problem%s\n", path.c_str(), problems.size(),
                    problems.size() == 1 ? "" : "s");
        return 1;
    }
    std::printf("%s: OK\n", path.c_str());
    std::printf("  feed: %s %s, every %llds\n",
                std::string(config::feed_kind_id(c.feed.type)).c_str(),
                model::redact_secrets(c.feed.url).c_str(),
                static_cast<long long>(c.feed.poll_interval.count()));
    std::printf("  region: %s, layout: %s, language: %s\n", c.region.c_str(),
                c.layout.empty() ? "(built-in overview)" : c.layout.c_str(),
                c.language == config::Language::ru ? "ru" : "en");
    if (c.status_server.enabled) {
        std::printf("  status server: %s:%u%s\n", c.status_server.address.c_str(),
                    static_cast<unsigned>(c.status_server.port),
                    c.status_server.token_file ? " (token required)" : "");
    } else {
        std::printf("  status server: off\n");
    }
    std::printf("  cache: %s, log level: %s\n", c.cache_dir.c_str(),
                std::string(config::log_level_name(c.log_level)).c_str());
    return check_calendar(options, c, path);
}

}  // namespace tsur::app
