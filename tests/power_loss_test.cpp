// The last-known-good cache under sudden death: a writer killed at random instants, and files
// torn or corrupted on disk, must never load as a valid but wrong document.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "feed/snapshot_cache.hpp"
#include "sys/unique_fd.hpp"
#include "support/fault_feed_document.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test::TempDir;

/// One document the writer stores, with the header values it stores it under.
struct Written {
    std::string body;
    model::TimePoint as_of;
};

/// Two documents of very different sizes, so a kill lands mid-write of a large one often.
std::array<Written, 2> documents() {
    const model::TimePoint a = test::at("2026-11-23T10:00:00Z");
    const model::TimePoint b = a + std::chrono::minutes(5);
    std::string padding;
    for (int i = 0; i < 2000; ++i) {
        padding +=
            ",\n  {\"id\": \"UD-P" + std::to_string(i) +
            "\", \"channel\": \"app\", \"sector\": \"other\", \"municipality\": \"izhevsk\", "
            "\"title\": \"Запись для объёма\", \"status\": \"new\", "
            "\"created_at\": \"2026-11-23T09:00:00Z\"}";
    }
    return {Written{test::fault_feed_document(a), a},
            Written{test::fault_feed_document(b, padding), b}};
}

/// Stores the two documents alternately until killed, writing one byte to `done_fd` after each
/// completed store; never returns.
[[noreturn]] void writer_loop(const fs::path& file, const std::array<Written, 2>& docs,
                              int done_fd) {
    ::alarm(20);  // an orphan must not outlive a crashed parent for long
    const net::SnapshotCache cache(file);
    for (std::size_t k = 0;; ++k) {
        const Written& w = docs[k % 2];
        (void)cache.store(w.body, w.as_of, "tsur.feed.v1");
        // Non-blocking: once the parent has its first byte, a full pipe must not stop the loop.
        (void)!::write(done_fd, "w", 1);
    }
}

TEST(PowerLoss, KilledWriterNeverLeavesAWrongValidCache) {
    TempDir dir;
    const fs::path file = dir.path / "cache" / "last-good.tsurcache";
    const auto docs = documents();
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> delay_us(0, 30000);

    constexpr int kKills = 40;
    int valid[2] = {0, 0};
    int absent = 0;
    int rejected = 0;
    int mid_write = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kKills; ++i) {
        // The kill comes at a random moment after the writer's first completed store, so how busy
        // the machine is changes where kills land, never whether a whole file exists.
        int done[2];
        ASSERT_EQ(::pipe2(done, O_NONBLOCK), 0);
        net::UniqueFd done_read(done[0]), done_write(done[1]);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0) << "fork failed";
        if (pid == 0) writer_loop(file, docs, done_write.get());
        done_write.reset();
        pollfd first{done_read.get(), POLLIN, 0};
        ASSERT_EQ(::poll(&first, 1, 20000), 1) << "the writer never completed a store";
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the writer died on its own (status " << status << ")";
        done_read.reset();

        // A leftover temp file means the kill landed inside store(), before its rename.
        if (fs::remove(net::SnapshotCache(file).temp_path())) ++mid_write;
        const auto loaded = net::SnapshotCache(file).load();
        if (!loaded) {
            ++rejected;
            continue;
        }
        if (!loaded.value()) {
            ++absent;
            continue;
        }
        const net::CachedFeed& got = *loaded.value();
        const int which = got.body == docs[0].body ? 0 : got.body == docs[1].body ? 1 : -1;
        ASSERT_NE(which, -1) << "kill " << i << ": a body of " << got.body.size()
                             << " bytes loaded as valid but matches neither written document";
        EXPECT_EQ(got.as_of, docs[static_cast<std::size_t>(which)].as_of) << "kill " << i;
        EXPECT_EQ(got.kind, "tsur.feed.v1");
        ++valid[which];
    }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    std::printf(
        "[ power ] %d kills in %lld ms (%d inside a write): %d loaded the small document, "
        "%d the large one, %d no cache yet, %d rejected as corrupt\n",
        kKills, static_cast<long long>(took.count()), mid_write, valid[0], valid[1], absent,
        rejected);
    // The rename is atomic: once a first write completed, every later kill leaves a whole file.
    EXPECT_EQ(rejected, 0);
    EXPECT_EQ(absent, 0) << "a completed store was lost";
    EXPECT_GT(mid_write, 0) << "no kill landed inside a write: the test proved nothing";
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void write_all(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(PowerLoss, TornOrCorruptedCacheFileIsNeverTrusted) {
    TempDir dir;
    const fs::path file = dir.path / "last-good.tsurcache";
    const auto docs = documents();
    const net::SnapshotCache cache(file);
    ASSERT_TRUE(cache.store(docs[1].body, docs[1].as_of, "tsur.feed.v1").ok());
    const std::string whole = read_all(file);
    ASSERT_GT(whole.size(), docs[1].body.size());

    // A disk that lost the tail of the file (no fsync reached it): every cut is refused.
    int cuts = 0;
    const std::size_t body_at = whole.size() - docs[1].body.size();
    // Every byte of the header, then about 50 cuts spread over the body.
    for (std::size_t cut = 0; cut < whole.size(); cut += cut < body_at ? 1 : whole.size() / 50) {
        write_all(file, whole.substr(0, cut));
        const auto loaded = cache.load();
        EXPECT_FALSE(loaded.ok() && loaded.value().has_value())
            << "a file cut at " << cut << " of " << whole.size() << " bytes loaded as valid";
        ++cuts;
    }
    // A flipped byte anywhere in the body: the checksum refuses it.
    int flips = 0;
    for (std::size_t at = body_at; at < whole.size(); at += docs[1].body.size() / 40) {
        std::string bad = whole;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        write_all(file, bad);
        EXPECT_FALSE(cache.load().ok()) << "a flipped byte at " << at << " went unnoticed";
        ++flips;
    }
    // Trailing garbage after the declared length is not silently accepted either.
    write_all(file, whole + "garbage");
    const auto trailing = cache.load();
    EXPECT_TRUE(!trailing || !trailing.value() || trailing.value()->body == docs[1].body);
    std::printf("[ power ] %d truncations and %d flipped bytes: none loaded as valid\n", cuts,
                flips);
}

}  // namespace
}  // namespace tsur
