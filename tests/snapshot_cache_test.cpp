// Last-known-good cache: round trip, and every way a damaged file must be refused.
#include "feed/snapshot_cache.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using test::TempDir;

void write_raw(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

class SnapshotCacheTest : public ::testing::Test {
protected:
    SnapshotCacheTest()
        : body_(test::read_file(test::data_path("feed_client/snapshot_v1.json"))),
          as_of_(test::at("2026-11-23T10:15:00Z")),
          cache_(dir_.path / "feed.cache") {}

    void store_fixture() {
        const auto stored = cache_.store(body_, as_of_, "tsur.feed.v1");
        ASSERT_TRUE(stored.ok()) << stored.error();
        EXPECT_GT(stored.value(), body_.size());
    }
    std::string load_error() const {
        const auto loaded = cache_.load();
        return loaded.ok() ? std::string() : loaded.error();
    }

    TempDir dir_;
    std::string body_;
    model::TimePoint as_of_;
    net::SnapshotCache cache_;
};

TEST_F(SnapshotCacheTest, RoundTripsBodyAsOfAndKind) {
    store_fixture();
    const auto loaded = cache_.load();
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    ASSERT_TRUE(loaded.value().has_value());
    EXPECT_EQ(loaded.value()->body, body_);
    EXPECT_EQ(loaded.value()->as_of, as_of_);
    EXPECT_EQ(loaded.value()->kind, "tsur.feed.v1");
    EXPECT_FALSE(std::filesystem::exists(cache_.temp_path()));
}

TEST_F(SnapshotCacheTest, MissingFileIsNoCacheNotAnError) {
    const auto loaded = cache_.load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_FALSE(loaded.value().has_value());
}

TEST_F(SnapshotCacheTest, RejectsTruncatedFile) {
    store_fixture();
    const std::string full = test::read_file(cache_.path());
    write_raw(cache_.path(), full.substr(0, full.size() - 10));
    EXPECT_NE(load_error().find("truncated"), std::string::npos) << load_error();
    write_raw(cache_.path(), full.substr(0, 20));  // cut inside the header
    EXPECT_NE(load_error().find("cache corrupt"), std::string::npos) << load_error();
}

TEST_F(SnapshotCacheTest, RejectsFlippedByte) {
    store_fixture();
    std::string bytes = test::read_file(cache_.path());
    bytes[bytes.size() - body_.size() / 2] ^= 0x01;
    write_raw(cache_.path(), bytes);
    EXPECT_NE(load_error().find("checksum mismatch"), std::string::npos) << load_error();
}

TEST_F(SnapshotCacheTest, RejectsWrongMagic) {
    store_fixture();
    std::string bytes = test::read_file(cache_.path());
    bytes[0] = 'X';
    write_raw(cache_.path(), bytes);
    EXPECT_NE(load_error().find("wrong magic"), std::string::npos) << load_error();
    write_raw(cache_.path(), body_);  // a bare feed body is not a cache either
    EXPECT_NE(load_error().find("wrong magic"), std::string::npos) << load_error();
}

TEST_F(SnapshotCacheTest, RejectsTrailingBytes) {
    store_fixture();
    write_raw(cache_.path(), test::read_file(cache_.path()) + "extra");
    EXPECT_NE(load_error().find("after the body"), std::string::npos) << load_error();
}

TEST_F(SnapshotCacheTest, LeftoverTempFileFromCrashDoesNotAffectLoadOrNextStore) {
    store_fixture();
    // A crash mid-write leaves a half-written temp file next to the good cache.
    const std::string full = test::read_file(cache_.path());
    write_raw(cache_.temp_path(), full.substr(0, full.size() / 2));
    const auto loaded = cache_.load();
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    ASSERT_TRUE(loaded.value().has_value());
    EXPECT_EQ(loaded.value()->body, body_);

    const std::string newer = "{\"newer\": true}";
    const auto later = as_of_ + std::chrono::minutes{5};
    ASSERT_TRUE(cache_.store(newer, later, "tsur.feed.v1").ok());
    const auto reloaded = cache_.load();
    ASSERT_TRUE(reloaded.ok()) << reloaded.error();
    EXPECT_EQ(reloaded.value()->body, newer);
    EXPECT_EQ(reloaded.value()->as_of, later);
    EXPECT_FALSE(std::filesystem::exists(cache_.temp_path()));
}

TEST_F(SnapshotCacheTest, ReplacesPreviousCacheAtomically) {
    store_fixture();
    const std::string old_file = test::read_file(cache_.path());
    // A reader that opened the old cache keeps seeing all of it: the new file is renamed over
    // the old name, never written into the old file in place.
    std::ifstream reader(cache_.path(), std::ios::binary);
    ASSERT_TRUE(cache_.store("{}", as_of_, "open311").ok());
    const std::string seen{std::istreambuf_iterator<char>(reader),
                           std::istreambuf_iterator<char>()};
    EXPECT_EQ(seen, old_file);
    const auto loaded = cache_.load();
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_EQ(loaded.value()->body, "{}");
    EXPECT_EQ(loaded.value()->kind, "open311");
}

TEST_F(SnapshotCacheTest, CreatesMissingDirectoryOnStore) {
    const net::SnapshotCache nested(dir_.path / "var" / "lib" / "tsur-wall" / "feed.cache");
    const auto none = nested.load();
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none.value().has_value());
    ASSERT_TRUE(nested.store(body_, as_of_, "tsur.feed.v1").ok());
    const auto loaded = nested.load();
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_EQ(loaded.value()->body, body_);
}

TEST_F(SnapshotCacheTest, ReportsDirectoryThatCannotBeCreated) {
    // A regular file where the directory should be: fails for root too, unlike permissions.
    write_raw(dir_.path / "not-a-dir", "x");
    const net::SnapshotCache cache(dir_.path / "not-a-dir" / "feed.cache");
    const auto stored = cache.store(body_, as_of_, "tsur.feed.v1");
    ASSERT_FALSE(stored.ok());
    EXPECT_NE(stored.error().find("cannot create"), std::string::npos) << stored.error();
    const auto loaded = cache.load();
    ASSERT_TRUE(loaded.ok());
    EXPECT_FALSE(loaded.value().has_value());
}

}  // namespace
}  // namespace tsur
