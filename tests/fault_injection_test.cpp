// The feed client against a hostile server: for every fault the io loop stays up, the last good
// snapshot stays shown, the failure is counted by reason, the status turns stale/offline on time,
// the wall still renders, and fresh data is back within a poll interval once the fault ends.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "app/feed_source.hpp"
#include "app/frame_proof.hpp"
#include "app/wall_status.hpp"
#include "display/status_overlay.hpp"
#include "model/sla_rules.hpp"
#include "feed/feed_client.hpp"
#include "formats/feed_parser.hpp"
#include "feed/snapshot_cache.hpp"
#include "server/status_report.hpp"
#include "support/fault_feed_server.hpp"
#include "support/headless_wall.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

namespace chr = std::chrono;
using namespace std::chrono_literals;
using display::WallStatus;
using test::Fault;

constexpr chr::milliseconds kPoll = 150ms;
constexpr chr::milliseconds kBackoffCap = 200ms;
constexpr chr::milliseconds kRetryAfterCap = 300ms;
constexpr chr::milliseconds kTransferTimeout = 1000ms;
/// Scheduling slack on a loaded CI machine (sanitizers, 2 shared cores).
constexpr chr::milliseconds kSlack = 750ms;
/// The poll interval the wall status is judged with (the production default).
constexpr model::Seconds kStatusInterval{30};
const model::TimePoint kFirstAsOf = test::at("2026-11-23T10:00:00Z");

/// What a scenario must show while the fault lasts.
struct Expect {
    net::PollResult label = net::PollResult::ok;  ///< poll result counted for each faulty poll
    std::string rejected_reason;     ///< record-level faults: the reason the bad records carry
    int polls = 3;                   ///< faulty polls to wait for (3 = enough for "offline")
    chr::milliseconds in_flight{0};  ///< a transfer that may still be running when it ends
    std::function<void()> during;    ///< more checks while the fault lasts
};

/// A fault seen in the poll result `label`, three polls in a row (enough for offline).
Expect by_result(net::PollResult label, chr::milliseconds in_flight = 0ms) {
    Expect e;
    e.label = label;
    e.in_flight = in_flight;
    return e;
}

/// A document that is accepted minus its bad records, which are dropped as `reason`.
Expect dropped_records(std::string reason) {
    Expect e;
    e.label = net::PollResult::ok;
    e.rejected_reason = std::move(reason);
    e.polls = 2;
    return e;
}

class FaultInjection : public ::testing::Test {
protected:
    FaultInjection()
        : region_(std::make_shared<const model::Region>(test::udmurtia_region())),
          rules_(std::make_shared<const model::SlaRules>(model::SlaRules::defaults())),
          server_(io_, kFirstAsOf) {
        server_.set_slow_interval(1000ms);
    }

    void SetUp() override { make_client(std::nullopt); }

    void make_client(std::optional<std::filesystem::path> cache_file) {
        net::FeedClientConfig c;
        c.cache_file = std::move(cache_file);
        c.url = server_.url();
        c.poll_interval = kPoll;
        c.backoff_base = 50ms;
        c.backoff_cap = kBackoffCap;
        c.retry_after_cap = kRetryAfterCap;
        c.connect_timeout = kTransferTimeout;
        c.total_timeout = kTransferTimeout;
        c.max_body_bytes = 1u << 20;
        c.jitter_seed = 7;
        client_ = std::make_unique<net::FeedClient>(
            io_, c, app::make_ingest(app::v1_parser(region_), region_, rules_), store_, stats_,
            clock_);
        client_->on_poll([this](const net::PollOutcome& o) { outcomes_.push_back(o); });
    }

    /// What /healthz would judge now, with data age counted at `server_now`.
    net::HealthVerdict health_at(model::TimePoint server_now) const {
        net::StatusInputs in;
        in.server_now = server_now;
        in.published = store_.current_published();
        in.feed = stats_.snapshot();
        in.render.frames = 0;
        return net::assess_health(in);
    }
    static bool has_problem(const net::HealthVerdict& v, std::string_view id) {
        return std::find(v.problems.begin(), v.problems.end(), id) != v.problems.end();
    }

    void TearDown() override {
        client_->stop();
        client_.reset();
    }

    bool run_until(const std::function<bool()>& done, chr::milliseconds limit) {
        const auto deadline = chr::steady_clock::now() + limit;
        while (!done() && chr::steady_clock::now() < deadline) io_.run_for(5ms);
        return done();
    }

    std::uint64_t polls(net::PollResult label) const {
        const auto s = stats_.snapshot();
        const auto it = s.polls.find(label);
        return it == s.polls.end() ? 0 : it->second;
    }
    std::uint64_t rejected(const std::string& reason) const {
        const auto s = stats_.snapshot();
        const auto it = s.rejected_records.find(reason);
        return it == s.rejected_records.end() ? 0 : it->second;
    }
    bool shows_newest() const {
        const auto snap = store_.current();
        return snap && snap->as_of == server_.newest_as_of();
    }

    static bool holds(const model::Snapshot& snap, const std::string& id) {
        for (const auto& inc : snap.incidents) {
            if (inc.id == id) return true;
        }
        return false;
    }
    static void expect_good_records_only(const model::Snapshot& snap) {
        for (const auto& id : test::good_incident_ids()) EXPECT_TRUE(holds(snap, id)) << id;
        EXPECT_EQ(snap.incidents.size(), test::good_incident_ids().size());
    }

    WallStatus status_at(model::TimePoint server_now) const {
        const auto published = store_.current_published();
        const auto s = stats_.snapshot();
        return app::wall_status(published.get(), s, server_now, kStatusInterval);
    }

    /// Healthy start, the fault, the checks while it lasts, then recovery.
    void run_fault(Fault fault, const Expect& e) {
        client_->start();
        ASSERT_TRUE(run_until([&] { return shows_newest(); }, 5s)) << "no healthy first snapshot";
        const model::SnapshotPtr good = store_.current();
        expect_good_records_only(*good);
        EXPECT_EQ(status_at(good->as_of).mode, WallStatus::Mode::live);

        const auto label_before = polls(e.label);
        const auto rejected_before = e.rejected_reason.empty() ? 0 : rejected(e.rejected_reason);
        server_.set_fault(fault);
        ASSERT_TRUE(run_until([&] { return polls(e.label) >= label_before + e.polls; }, 8s))
            << "fewer than " << e.polls << " polls counted as '" << net::id_of(e.label)
            << "'; last result '" << net::id_of(stats_.snapshot().last_result.value_or(e.label))
            << "'";

        // The io loop is alive: its heartbeat (about once a second) is recent.
        EXPECT_LT(chr::steady_clock::now() - stats_.heartbeat(), 3s) << "the io heartbeat stopped";
        const auto shown = store_.current();
        ASSERT_TRUE(shown);
        const bool record_fault = !e.rejected_reason.empty();
        if (record_fault) {
            // Bad records are dropped one by one; the document's good records are published.
            EXPECT_GT(rejected(e.rejected_reason), rejected_before) << e.rejected_reason;
            expect_good_records_only(*shown);
        } else {
            EXPECT_EQ(shown, good) << "the last good snapshot must stay published";
            EXPECT_FALSE(stats_.snapshot().last_error.empty() &&
                         e.label != net::PollResult::not_modified);
        }

        const bool failing = !net::is_success(e.label);
        const auto as_of = shown->as_of;
        const WallStatus before_threshold = status_at(as_of + 2 * kStatusInterval - 1s);
        const WallStatus after_threshold = status_at(as_of + 2 * kStatusInterval);
        const WallStatus ten_minutes = status_at(as_of + 10min);
        if (failing) {
            EXPECT_GE(stats_.consecutive_failures(), 3u);
            EXPECT_EQ(before_threshold.mode, WallStatus::Mode::offline);
            EXPECT_FALSE(before_threshold.last_error.empty());
        } else {
            EXPECT_EQ(before_threshold.mode, WallStatus::Mode::live);
            EXPECT_EQ(after_threshold.mode, WallStatus::Mode::stale);
        }
        EXPECT_EQ(display::stale_level(before_threshold), display::StaleLevel::fresh);
        EXPECT_EQ(display::stale_level(after_threshold), display::StaleLevel::quiet);
        EXPECT_EQ(display::stale_level(ten_minutes), display::StaleLevel::prominent);
        render_check(*shown, ten_minutes);
        if (e.during) e.during();

        // End the fault right after a faulty poll, so the client waits its full delay (rendering
        // took long enough for a pending timer to have expired already).
        const auto polls_seen = polls(e.label);
        ASSERT_TRUE(run_until([&] { return polls(e.label) > polls_seen; }, 5s));
        const auto fault_end = chr::steady_clock::now();
        const auto last_shown = store_.current()->as_of;
        server_.set_fault(Fault::none);
        const auto bound = std::max({kPoll, kBackoffCap, kRetryAfterCap}) + e.in_flight + kSlack;
        ASSERT_TRUE(run_until(
            [&] { return shows_newest() && store_.current()->as_of > last_shown; }, bound + 3s))
            << "no fresh data after the fault ended";
        const auto took =
            chr::duration_cast<chr::milliseconds>(chr::steady_clock::now() - fault_end);
        std::printf("[ fault ] %s: %zu requests, fresh data %lld ms after the fault ended\n",
                    std::string(net::id_of(e.label)).c_str(), server_.requests(),
                    static_cast<long long>(took.count()));
        expect_good_records_only(*store_.current());
        EXPECT_EQ(stats_.consecutive_failures(), 0u);
        EXPECT_EQ(status_at(store_.current()->as_of).mode, WallStatus::Mode::live);
    }

    void render_check(const model::Snapshot& snap, const WallStatus& status) {
        test::HeadlessWall wall(480, 270);
        const auto image = wall.render(&snap, status, snap.as_of + 10min);
        ASSERT_EQ(image.rgba.size(), 480u * 270u * 4u);
        EXPECT_GT(test::non_background_pixels(image), 2000u) << "the wall went blank";
    }

    boost::asio::io_context io_;
    std::shared_ptr<const model::Region> region_;
    std::shared_ptr<const model::SlaRules> rules_;
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
    test::FaultFeedServer server_;
    std::unique_ptr<net::FeedClient> client_;
    std::vector<net::PollOutcome> outcomes_;
};

TEST_F(FaultInjection, ConnectionRefused) {
    run_fault(Fault::refused, by_result(net::PollResult::connect_failed));
}

TEST_F(FaultInjection, ResetMidBody) {
    run_fault(Fault::reset_mid_body, by_result(net::PollResult::transfer_failed));
}

TEST_F(FaultInjection, InternalServerError) {
    run_fault(Fault::http_500, by_result(net::PollResult::http_5xx));
}

TEST_F(FaultInjection, UnavailableWithRetryAfter) {
    run_fault(Fault::http_503_retry_after, by_result(net::PollResult::http_5xx));
    bool honoured = false;
    for (const auto& o : outcomes_) {
        if (o.http_status != 503) continue;
        honoured = true;
        // Retry-After: 1 is honoured, but only up to the configured cap.
        EXPECT_EQ(o.next_poll, kRetryAfterCap);
    }
    EXPECT_TRUE(honoured);
}

TEST_F(FaultInjection, EndlessNotModified) {
    run_fault(Fault::endless_304, by_result(net::PollResult::not_modified));
}

TEST_F(FaultInjection, SlowBody) {
    run_fault(Fault::slow_body, by_result(net::PollResult::timeout, kTransferTimeout));
}

TEST_F(FaultInjection, TruncatedJson) {
    run_fault(Fault::truncated_json, by_result(net::PollResult::bad_document));
}

TEST_F(FaultInjection, HtmlInsteadOfJson) {
    run_fault(Fault::html, by_result(net::PollResult::bad_document));
}

TEST_F(FaultInjection, InvalidUtf8InTitle) {
    run_fault(Fault::invalid_utf8_title, by_result(net::PollResult::bad_document));
}

TEST_F(FaultInjection, HugeBodyWithLengthIsCut) {
    run_fault(Fault::huge_body, by_result(net::PollResult::too_large));
    std::printf("[ fault ] huge body: %llu bytes streamed of %llu per request\n",
                static_cast<unsigned long long>(server_.huge_bytes_sent()),
                static_cast<unsigned long long>(test::FaultFeedServer::kHugeBytes));
    EXPECT_LT(server_.huge_bytes_sent(), 3 * (16ull << 20)) << "the client read on past its cap";
}

TEST_F(FaultInjection, HugeChunkedBodyIsCut) {
    run_fault(Fault::huge_chunked, by_result(net::PollResult::too_large));
    std::printf("[ fault ] huge chunked body: %llu bytes streamed\n",
                static_cast<unsigned long long>(server_.huge_bytes_sent()));
    EXPECT_LT(server_.huge_bytes_sent(), 3 * (16ull << 20)) << "the client read on past its cap";
}

TEST_F(FaultInjection, WrongSchemaVersion) {
    run_fault(Fault::wrong_schema, by_result(net::PollResult::bad_document));
}

TEST_F(FaultInjection, OutOfRangeCoordinates) {
    run_fault(Fault::bad_coordinates, dropped_records("bad_latitude"));
    EXPECT_GT(rejected("bad_longitude"), 0u) << "lon -181 must be dropped as bad_longitude";
}

TEST_F(FaultInjection, NumberOverflowInCoordinate) {
    // 1e999 does not fit a double: the JSON reader refuses the whole document.
    run_fault(Fault::number_overflow, by_result(net::PollResult::bad_document));
}

TEST_F(FaultInjection, DuplicateIds) {
    run_fault(Fault::duplicate_ids, dropped_records("duplicate_id"));
}

TEST_F(FaultInjection, DatesFarInPastAndFuture) {
    run_fault(Fault::extreme_dates, dropped_records("created_too_old"));
    EXPECT_GT(rejected("created_in_future"), 0u);
}

TEST_F(FaultInjection, AsOfGoingBackwards) {
    run_fault(Fault::as_of_backwards, by_result(net::PollResult::as_of_backwards));
}

TEST_F(FaultInjection, AsOfIn2099) {
    Expect e = by_result(net::PollResult::as_of_future);
    e.during = [this] {
        // Refused, never shown, never moves server time.
        EXPECT_LT(clock_.now(), chr::system_clock::now() + 1min);
        EXPECT_LT(store_.current()->as_of, test::FaultFeedServer::kYear2099);
        EXPECT_TRUE(has_problem(health_at(store_.current()->as_of), "as_of_future"));
        EXPECT_EQ(status_at(store_.current()->as_of).refusal, WallStatus::Refusal::document);
    };
    // Recovery: the next correct document, though far older than 2099, is shown at once.
    run_fault(Fault::as_of_2099, e);
}

TEST_F(FaultInjection, DateHeaderIn2099) {
    server_.set_fault(Fault::date_2099);
    client_->start();
    ASSERT_TRUE(run_until([&] { return polls(net::PollResult::ok) >= 3; }, 5s));
    EXPECT_TRUE(shows_newest());
    EXPECT_LT(clock_.offset(), 1min) << "a Date from 2099 moved server time";
    std::size_t notes = 0;
    for (const auto& o : outcomes_) {
        for (const auto& n : o.notes) notes += n.find("server Date") != std::string::npos;
    }
    EXPECT_EQ(notes, 1u) << "the refused Date is logged once, not at every poll";
}

TEST_F(FaultInjection, RestartWith2099Cache) {
    // A cache an older wall wrote after accepting a 2099 document: the restarted wall must not
    // show it, nor refuse the correct documents after it.
    test::TempDir dir;
    const auto cache = dir.path / "feed.cache";
    const model::TimePoint y2099 = test::FaultFeedServer::kYear2099;
    ASSERT_TRUE(
        net::SnapshotCache(cache).store(test::fault_feed_document(y2099), y2099, "tsur.feed.v1"));
    client_->stop();
    make_client(cache);
    const auto restored = client_->restore_from_cache();
    ASSERT_FALSE(restored.ok());
    EXPECT_EQ(store_.current(), nullptr);
    const auto started = chr::steady_clock::now();
    client_->start();
    ASSERT_TRUE(run_until([&] { return shows_newest(); }, 5s)) << "the wall stayed locked out";
    const auto took = chr::duration_cast<chr::milliseconds>(chr::steady_clock::now() - started);
    std::printf("[ fault ] restart with a 2099 cache: fresh data %lld ms after start\n",
                static_cast<long long>(took.count()));
    const auto reloaded = net::SnapshotCache(cache).load();
    ASSERT_TRUE(reloaded.ok() && reloaded.value());
    EXPECT_EQ(reloaded.value()->as_of, server_.newest_as_of()) << "the cache still holds 2099";
}

TEST_F(FaultInjection, HugeRetryAfter) {
    run_fault(Fault::retry_after_huge, by_result(net::PollResult::http_5xx));
    bool seen = false;
    for (const auto& o : outcomes_) {
        if (o.http_status != 503) continue;
        seen = true;
        // 9223372036854775807 s once overflowed into a short wait; now it is the cap.
        EXPECT_EQ(o.next_poll, kRetryAfterCap);
    }
    EXPECT_TRUE(seen);
}

TEST_F(FaultInjection, AllRecordsRejected) {
    Expect e = by_result(net::PollResult::all_rejected);
    e.during = [this] {
        const auto as_of = store_.current()->as_of;
        EXPECT_EQ(status_at(as_of).refusal, WallStatus::Refusal::all_records);
        const auto verdict = health_at(as_of);
        EXPECT_FALSE(verdict.healthy);
        EXPECT_TRUE(has_problem(verdict, "all_records_rejected"));
        net::StatusInputs in;
        in.feed = stats_.snapshot();
        const auto metrics = net::metrics_text(in, verdict);
        EXPECT_NE(metrics.find("tsur_polls_total{result=\"all_rejected\"}"), std::string::npos);
        EXPECT_NE(metrics.find("tsur_healthy 0"), std::string::npos);
        EXPECT_GE(rejected("unknown_status"), 3u * 7u);
        const auto& last = outcomes_.back();
        EXPECT_TRUE(last.notes.size() == 6u &&
                    last.notes.back().find("7 records dropped") != std::string::npos);
    };
    run_fault(Fault::all_rejected, e);
}

TEST_F(FaultInjection, NotModifiedBeforeAnyData) {
    server_.set_fault(Fault::endless_304);
    client_->start();
    ASSERT_TRUE(run_until([&] { return polls(net::PollResult::not_modified) >= 3; }, 5s));
    // No data yet: "waiting", never "live", on screen, in /healthz and /metrics alike.
    const auto status = status_at(kFirstAsOf);
    EXPECT_EQ(status.mode, WallStatus::Mode::waiting);
    EXPECT_EQ(net::id_of(app::display_state(status.mode)), "waiting");
    EXPECT_EQ(health_at(kFirstAsOf).status, "starting");
    const auto started = chr::steady_clock::now();
    server_.set_fault(Fault::none);
    ASSERT_TRUE(run_until([&] { return shows_newest(); }, 5s));
    std::printf(
        "[ fault ] 304 before any data: first data %lld ms after the fault ended\n",
        static_cast<long long>(
            chr::duration_cast<chr::milliseconds>(chr::steady_clock::now() - started).count()));
    EXPECT_EQ(status_at(store_.current()->as_of).mode, WallStatus::Mode::live);
}

}  // namespace
}  // namespace tsur
