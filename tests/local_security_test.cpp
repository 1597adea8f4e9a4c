// Issue 20, a second local user: state directories they pre-create or can write are refused, links
// they plant as the cache, its temp file or the history are never followed, token files they can
// read are refused, and no fallback path lies in a shared directory such as /tmp.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/history_store.hpp"
#include "app/state_paths.hpp"
#include "model/redact.hpp"
#include "feed/feed_transfer.hpp"
#include "sys/private_files.hpp"
#include "feed/snapshot_cache.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

const model::TimePoint kAsOf = test::at("2026-11-23T10:15:00Z");

TEST(PrivateDir, IsCreatedForTheOwnerAlone) {
    TempDir tmp;
    const fs::path dir = tmp.path / "a" / "state";
    const auto made = net::ensure_private_dir(dir);
    ASSERT_TRUE(made.ok()) << made.error();
    EXPECT_EQ(fs::status(dir).permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_TRUE(net::ensure_private_dir(dir).ok()) << "an existing private dir is fine";
}

TEST(PrivateDir, APreCreatedWorldWritableDirIsRefused) {
    TempDir tmp;
    const fs::path dir = tmp.path / "tsur-wall";
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::all);  // what another user leaves in /tmp: 0777
    const auto checked = net::ensure_private_dir(dir);
    ASSERT_FALSE(checked.ok());
    EXPECT_NE(checked.error().find("mode 0777"), std::string::npos) << checked.error();
    EXPECT_NE(checked.error().find(dir.string()), std::string::npos) << checked.error();

    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    EXPECT_TRUE(net::ensure_private_dir(dir).ok()) << "0750, as systemd's StateDirectoryMode";
}

TEST(PrivateDir, ADirOwnedByAnotherUserIsRefused) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a directory to the user nobody";
    TempDir tmp;
    const fs::path dir = tmp.path / "tsur-wall";
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all);
    ASSERT_EQ(::chown(dir.c_str(), 65534, 65534), 0);
    const auto checked = net::ensure_private_dir(dir);
    ASSERT_FALSE(checked.ok());
    EXPECT_NE(checked.error().find("owned by uid 65534"), std::string::npos) << checked.error();

    // The cache refuses to write there too, and plants nothing.
    net::SnapshotCache cache(dir / "feed.cache");
    EXPECT_FALSE(cache.store("{}", kAsOf, "tsur.feed.v1").ok());
    EXPECT_FALSE(fs::exists(dir / "feed.cache"));
}

TEST(PrivateDir, ASymbolicLinkInsteadOfTheDirIsRefused) {
    TempDir tmp;
    fs::create_directories(tmp.path / "elsewhere");
    fs::create_directory_symlink(tmp.path / "elsewhere", tmp.path / "state");
    const auto checked = net::ensure_private_dir(tmp.path / "state");
    ASSERT_FALSE(checked.ok());
    EXPECT_NE(checked.error().find("symbolic link"), std::string::npos) << checked.error();
}

TEST(PlantedLink, AsTheCacheTempFileIsNotFollowed) {
    TempDir tmp;
    const fs::path state = tmp.path / "state";
    ASSERT_TRUE(net::ensure_private_dir(state).ok());
    const fs::path victim = tmp.path / "root-owned-file";
    write_text(victim, "precious\n");
    net::SnapshotCache cache(state / "feed.cache");
    fs::create_symlink(victim, cache.temp_path());

    const auto stored = cache.store(R"({"doc":1})", kAsOf, "tsur.feed.v1");
    ASSERT_TRUE(stored.ok()) << stored.error();
    EXPECT_EQ(slurp(victim), "precious\n") << "the write must not go through the link";
    EXPECT_FALSE(fs::is_symlink(fs::symlink_status(state / "feed.cache")));
    const auto loaded = cache.load();
    ASSERT_TRUE(loaded.ok() && loaded.value()) << (loaded.ok() ? "none" : loaded.error());
    EXPECT_EQ(loaded.value()->body, R"({"doc":1})");
}

TEST(PlantedLink, AsTheCacheItselfIsNotRead) {
    TempDir tmp;
    const fs::path state = tmp.path / "state";
    ASSERT_TRUE(net::ensure_private_dir(state).ok());
    // A forged but well-formed cache elsewhere, linked in as feed.cache.
    net::SnapshotCache forged(tmp.path / "forged" / "feed.cache");
    ASSERT_TRUE(forged.store(R"({"forged":true})", kAsOf, "tsur.feed.v1").ok());
    fs::create_symlink(forged.path(), state / "feed.cache");

    const auto loaded = net::SnapshotCache(state / "feed.cache").load();
    ASSERT_FALSE(loaded.ok()) << "a linked cache must be refused, not trusted";
    EXPECT_NE(loaded.error().find("symbolic link"), std::string::npos) << loaded.error();
}

TEST(PlantedLink, AsTheHistoryTempFileIsNotFollowed) {
    TempDir tmp;
    const fs::path state = tmp.path / "state";
    ASSERT_TRUE(net::ensure_private_dir(state).ok());
    const fs::path victim = tmp.path / "victim";
    write_text(victim, "precious\n");
    const fs::path file = app::history_file(state, false);
    fs::create_symlink(victim, net::replacement_temp_path(file));
    const auto written = net::replace_file_durably(file, {"{\"days\":[]}"});
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(slurp(victim), "precious\n");
    EXPECT_EQ(slurp(file), "{\"days\":[]}");
}

TEST(PlantedLink, AsAScreenshotTempFileIsNotFollowedAndThePictureIsReadableByOthers) {
    TempDir tmp;
    const fs::path shot = tmp.path / "wall.png";
    const fs::path victim = tmp.path / "victim";
    write_text(victim, "precious\n");
    fs::create_symlink(victim, net::replacement_temp_path(shot));
    const mode_t saved = ::umask(022);
    const auto written = net::replace_file_durably(shot, {"PNG"}, net::FileAccess::shared);
    ::umask(saved);
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(slurp(victim), "precious\n");
    EXPECT_EQ(slurp(shot), "PNG");
    EXPECT_EQ(fs::status(shot).permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST(TokenFile, ReadableByOthersIsRefusedWithAClearMessage) {
    TempDir tmp;
    const fs::path token = tmp.path / "token";
    write_text(token, "s3cret\n");
    fs::permissions(token, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                               fs::perms::others_read);  // 0644
    const auto read = net::read_token_file(token);
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("mode 0644"), std::string::npos) << read.error();
    EXPECT_NE(read.error().find("chmod 600"), std::string::npos) << read.error();

    fs::permissions(token, fs::perms::owner_read | fs::perms::group_read);  // 0440: still no
    EXPECT_FALSE(net::read_token_file(token).ok());
    fs::permissions(token, fs::perms::owner_read | fs::perms::owner_write);  // 0600
    const auto ok = net::read_token_file(token);
    ASSERT_TRUE(ok.ok()) << ok.error();
    EXPECT_EQ(ok.value(), "s3cret");
}

/// Sets or clears environment variables for one test and restores them afterwards.
class ScopedEnv {
public:
    void set(const char* name, const char* value) {
        if (const char* old = std::getenv(name)) {
            saved_.emplace_back(name, std::string(old));
        } else {
            saved_.emplace_back(name, std::nullopt);
        }
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
            if (it->second) {
                ::setenv(it->first.c_str(), it->second->c_str(), 1);
            } else {
                ::unsetenv(it->first.c_str());
            }
        }
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(StatePaths, NoEnvironmentNeverFallsBackToTmp) {
    ScopedEnv env;
    for (const char* name : {"STATE_DIRECTORY", "XDG_STATE_HOME", "HOME", "RUNTIME_DIRECTORY",
                             "XDG_RUNTIME_DIR", "TMPDIR"}) {
        env.set(name, nullptr);
    }
    const auto state = app::default_state_dir();
    if (state) {
        EXPECT_FALSE(state.value().string().starts_with(fs::temp_directory_path().string()))
            << state.value();
    } else {
        EXPECT_NE(state.error().find("cache_dir"), std::string::npos) << state.error();
    }
    const auto socket = app::default_control_socket();
    if (socket) {
        EXPECT_EQ(socket.value(), fs::path("/run/tsur-wall/control.sock"));
    } else {
        EXPECT_NE(socket.error().find("XDG_RUNTIME_DIR"), std::string::npos) << socket.error();
    }
}

TEST(StatePaths, SystemdDirectoriesWin) {
    ScopedEnv env;
    env.set("STATE_DIRECTORY", "/var/lib/tsur-wall:/var/lib/other");
    env.set("RUNTIME_DIRECTORY", "/run/tsur-wall");
    EXPECT_EQ(app::default_state_dir().value(), fs::path("/var/lib/tsur-wall"));
    EXPECT_EQ(app::default_control_socket().value(), fs::path("/run/tsur-wall/control.sock"));
}

TEST(Redact, UrlsLoseUserInfoAndQueryValuesButKeepHostPathAndKeys) {
    // The paging and window keys the wall adds itself keep their values: they say which page
    // failed and are never secrets.
    EXPECT_EQ(
        model::redact_secrets("timeout: https://bob:pa55word@city.example/open311/v2/requests.json"
                              "?api_key=SECRETKEY123&page=2&region=RU-UD kept"),
        "timeout: https://REDACTED@city.example/open311/v2/requests.json"
        "?api_key=REDACTED&page=2&region=REDACTED kept");
    EXPECT_EQ(model::redact_secrets("http://h/p?page_size=1000&start_date=2026-11-01T00:00:00Z"),
              "http://h/p?page_size=1000&start_date=2026-11-01T00:00:00Z");
    // A bracket may belong to a query value, so it goes with it rather than risk a leak.
    EXPECT_EQ(model::redact_secrets("(http://h/p?k=a)b) x"), "(http://h/p?k=REDACTED x");
    EXPECT_EQ(model::redact_secrets("no url here: HTTP 500"), "no url here: HTTP 500");
    EXPECT_EQ(model::redact_secrets("http://h/p?token#frag"), "http://h/p?REDACTED#frag");
    EXPECT_EQ(model::redact_secrets("two http://a/?k=1 \"http://u:p@b/x\""),
              "two http://a/?k=REDACTED \"http://REDACTED@b/x\"");
}

TEST(Redact, SecretsOfTheFeedUrlAreScrubbedEvenWhenEchoedWithoutIt) {
    const std::string url =
        "https://bob:pa55word@city.example/requests.json?api_key=SECRETKEY123&page=2";
    const std::string echoed = "HTTP 403: invalid api_key SECRETKEY123 for bob:pa55word, page 2";
    const auto out = model::redact_secrets(echoed, url);
    EXPECT_EQ(out.find("SECRETKEY123"), std::string::npos) << out;
    EXPECT_EQ(out.find("pa55word"), std::string::npos) << out;
    EXPECT_NE(out.find("HTTP 403"), std::string::npos) << "short values are left alone";
}

}  // namespace
}  // namespace tsur
