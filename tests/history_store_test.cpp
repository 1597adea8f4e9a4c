// The history on disk: it survives a restart, a corrupt file is set aside (not lost), writes
// leave no temp files and are throttled.
#include "app/history_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/sla_rules.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur::app {
namespace {

namespace fs = std::filesystem;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

const sys_days kNov23 = sys_days{std::chrono::year{2026} / 11 / 23};

/// A scratch state directory removed after the test.
using test::TempDir;

/// A logger whose lines the test can read.
struct CapturedLog {
    std::vector<std::string> lines;
    Logger log{LoggerOptions{}, [this](std::string_view line) { lines.emplace_back(line); }};
};

struct Fixture {
    std::shared_ptr<const model::Region> region =
        std::make_shared<const model::Region>(test::udmurtia_region());
    model::MunicipalityIndex izhevsk = *region->find("izhevsk");
    model::MunicipalityIndex sarapul = *region->find("sarapul");
    std::shared_ptr<const model::SlaRules> rules =
        std::make_shared<const model::SlaRules>(model::SlaRules::defaults());

    /// What the wall does with a document it publishes: its ingest fills the history, and its
    /// on_publish records the snapshot.
    void publish(HistoryStore& store, model::FeedDocument& doc,
                 HistoryStore::Clock::time_point now = HistoryStore::Clock::now()) const {
        store.fill(doc);
        store.record(*model::build_snapshot(doc, region, *rules), now);
    }

    model::Incident incident(const char* created, model::MunicipalityIndex m,
                             model::Sector s) const {
        model::Incident inc;
        inc.id = std::string("UD-") + created;
        inc.municipality = m;
        inc.sector = s;
        inc.created_at = test::at(created);
        return inc;
    }

    /// A feed document without history, as an Open311 feed gives.
    model::FeedDocument document(const char* as_of) const {
        model::FeedDocument doc;
        doc.as_of = test::at(as_of);
        doc.incidents = {incident("2026-11-23T08:00:00Z", izhevsk, model::Sector::roads),
                         incident("2026-11-23T09:00:00Z", izhevsk, model::Sector::roads),
                         incident("2026-11-20T09:00:00Z", sarapul, model::Sector::housing)};
        return doc;
    }
};

std::string read_all(const fs::path& p) { return test::read_file(p); }

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(HistoryStore, HistoryPersistenceAcrossARestart) {
    TempDir dir;
    Fixture f;
    CapturedLog captured;
    const fs::path file = history_file(dir.path, false);
    std::vector<model::DailyCount> before;
    {
        HistoryStore store(file, f.region, captured.log);
        store.load();
        auto doc = f.document("2026-11-23T10:00:00Z");
        f.publish(store, doc);
        before = store.book().to_daily_counts();
        ASSERT_TRUE(store.flush());
    }
    HistoryStore again(file, f.region, captured.log);
    again.load();
    EXPECT_EQ(again.book().count(kNov23, f.izhevsk, model::Sector::roads), 2u);
    EXPECT_EQ(again.book().count(kNov23 - days{3}, f.sarapul, model::Sector::housing), 1u);
    const auto after = again.book().to_daily_counts();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].day, before[i].day);
        EXPECT_EQ(after[i].municipality, before[i].municipality);
        EXPECT_EQ(after[i].sector, before[i].sector);
        EXPECT_EQ(after[i].count, before[i].count);
    }

    // Two days on the feed no longer has the 20th; the restarted wall still does.
    model::FeedDocument later;
    later.as_of = test::at("2026-11-27T10:00:00Z");
    f.publish(again, later);
    EXPECT_EQ(again.book().count(kNov23 - days{3}, f.sarapul, model::Sector::housing), 1u);
    bool has_20th = false;
    for (const auto& d : later.history) {
        has_20th |= d.day == kNov23 - days{3} && d.municipality == f.sarapul &&
                    d.sector == model::Sector::housing && d.count == 1;
    }
    EXPECT_TRUE(has_20th);
}

TEST(HistoryStore, MissingFileIsAnEmptyHistory) {
    TempDir dir;
    Fixture f;
    CapturedLog captured;
    HistoryStore store(history_file(dir.path, false), f.region, captured.log);
    store.load();
    EXPECT_TRUE(store.book().empty());
    EXPECT_FALSE(store.flush().value());
    EXPECT_TRUE(names_in(dir.path).empty());
}

TEST(HistoryStore, CorruptFileStartsEmptyAndIsKeptAsBad) {
    TempDir dir;
    Fixture f;
    CapturedLog captured;
    const fs::path file = history_file(dir.path, false);
    const std::string garbage = "{\"schema\":\"tsur.history.v1\",\"region\":\"RU-UD\",\"da";
    std::ofstream(file) << garbage;

    HistoryStore store(file, f.region, captured.log);
    store.load();
    EXPECT_TRUE(store.book().empty());
    EXPECT_EQ(names_in(dir.path), std::vector<std::string>{"history.json.bad"});
    EXPECT_EQ(read_all(dir.path / "history.json.bad"), garbage);
    ASSERT_EQ(captured.lines.size(), 1u);
    EXPECT_NE(captured.lines[0].find("history.json"), std::string::npos) << captured.lines[0];
    EXPECT_NE(captured.lines[0].find("history.json.bad"), std::string::npos) << captured.lines[0];

    // The wall goes on and writes a fresh file beside the kept one.
    auto doc = f.document("2026-11-23T10:00:00Z");
    f.publish(store, doc);
    EXPECT_EQ(names_in(dir.path), (std::vector<std::string>{"history.json", "history.json.bad"}));
}

TEST(HistoryStore, AtomicWriteLeavesNoTempFiles) {
    TempDir dir;
    Fixture f;
    CapturedLog captured;
    const fs::path file = history_file(dir.path / "state", false);
    HistoryStore store(file, f.region, captured.log, minutes{0});
    store.load();
    for (int hour = 10; hour < 14; ++hour) {
        auto doc = f.document(("2026-11-23T" + std::to_string(hour) + ":00:00Z").c_str());
        doc.incidents.push_back(
            f.incident(("2026-11-23T0" + std::to_string(hour - 10) + ":30:00Z").c_str(), f.sarapul,
                       model::Sector::energy));
        f.publish(store, doc);
    }
    EXPECT_EQ(names_in(dir.path / "state"), std::vector<std::string>{"history.json"});
    EXPECT_NE(read_all(file).find("\"tsur.history.v1\""), std::string::npos);
}

TEST(HistoryStore, WritesAreThrottledButANewDayIsSavedAtOnce) {
    TempDir dir;
    Fixture f;
    CapturedLog captured;
    const fs::path file = history_file(dir.path, false);
    HistoryStore store(file, f.region, captured.log, minutes{15});
    store.load();
    const auto t0 = HistoryStore::Clock::time_point{} + std::chrono::hours(1000);

    auto first = f.document("2026-11-23T10:00:00Z");
    f.publish(store, first, t0);
    const std::string saved_first = read_all(file);

    auto second = f.document("2026-11-23T10:05:00Z");
    second.incidents.push_back(f.incident("2026-11-23T10:01:00Z", f.sarapul, model::Sector::waste));
    f.publish(store, second, t0 + minutes{5});
    EXPECT_EQ(read_all(file), saved_first);  // changed, but saved five minutes ago

    auto third = f.document("2026-11-23T10:20:00Z");
    third.incidents = second.incidents;
    f.publish(store, third, t0 + minutes{16});
    const std::string saved_third = read_all(file);
    EXPECT_NE(saved_third, saved_first);
    EXPECT_NE(saved_third.find("\"waste\":1"), std::string::npos);

    // Local midnight (20:00 UTC in Izhevsk) passes one minute later: saved although not due.
    auto next_day = f.document("2026-11-23T20:01:00Z");
    next_day.incidents = third.incidents;
    f.publish(store, next_day, t0 + minutes{17});
    EXPECT_NE(read_all(file).find("\"2026-11-24\""), std::string::npos);

    // A change in the quiet period is not lost at shutdown.
    auto late = f.document("2026-11-23T20:05:00Z");
    late.incidents = third.incidents;
    late.incidents.push_back(f.incident("2026-11-23T20:02:00Z", f.izhevsk, model::Sector::social));
    f.publish(store, late, t0 + minutes{20});
    EXPECT_EQ(read_all(file).find("\"social\""), std::string::npos);
    EXPECT_TRUE(store.flush().value());
    EXPECT_NE(read_all(file).find("\"social\":1"), std::string::npos);
    EXPECT_FALSE(store.flush().value());
}

TEST(HistoryStore, DemoKeepsItsOwnFile) {
    EXPECT_EQ(history_file("/var/lib/tsur-wall", false), "/var/lib/tsur-wall/history.json");
    EXPECT_NE(history_file("/var/lib/tsur-wall", true), history_file("/var/lib/tsur-wall", false));
}

}  // namespace
}  // namespace tsur::app
