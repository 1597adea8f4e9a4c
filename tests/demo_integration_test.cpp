// End to end over loopback: the demo feed server, the real libcurl client, the real parser and
// snapshot builder. What the client publishes must be what the simulator generated.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <memory>

#include "app/feed_source.hpp"
#include "model/sla_rules.hpp"
#include "demo/demo_feed.hpp"
#include "feed/feed_client.hpp"
#include "formats/feed_parser.hpp"
#include "support/region_fixture.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

using namespace std::chrono_literals;

struct Rig {
    boost::asio::io_context io;
    std::shared_ptr<const model::Region> region =
        std::make_shared<const model::Region>(test::udmurtia_region());
    std::shared_ptr<const model::SlaRules> rules =
        std::make_shared<const model::SlaRules>(model::SlaRules::defaults());
    model::TimePoint now = test::at("2026-11-23T10:15:07Z");
    std::unique_ptr<net::DemoFeedServer> server;
    net::SnapshotStore store;
    net::FeedStats stats;
    model::ServerClock clock;
    std::unique_ptr<net::FeedClient> client;

    Rig() {
        net::DemoFeedOptions o;
        o.simulator.seed = 7;
        o.tick = std::chrono::seconds{15};
        o.clock = [this] { return now; };
        server = std::make_unique<net::DemoFeedServer>(io, region, o);
        EXPECT_TRUE(server->start().ok());
        net::FeedClientConfig cfg;
        cfg.url = net::feed_v1_url(server->base_url(), region->code);
        client = std::make_unique<net::FeedClient>(
            io, cfg, app::make_ingest(app::v1_parser(region), region, rules), store, stats, clock);
    }

    net::PollOutcome poll_once() {
        net::PollOutcome out;
        bool done = false;
        client->fetch_once([&](const net::PollOutcome& o) {
            out = o;
            done = true;
        });
        io.restart();
        while (!done) io.run_one_for(100ms);
        return out;
    }
};

TEST(DemoIntegration, ClientPublishesWhatTheSimulatorGenerated) {
    Rig rig;
    const auto outcome = rig.poll_once();
    ASSERT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    const auto snap = rig.store.current();
    ASSERT_NE(snap, nullptr);

    net::DemoSimulator sim(rig.region, [] {
        net::SimulatorOptions o;
        o.seed = 7;
        return o;
    }());
    const model::TimePoint as_of = test::at("2026-11-23T10:15:00Z");
    const model::FeedDocument expected = sim.generate(as_of);
    EXPECT_EQ(snap->as_of, as_of);
    ASSERT_EQ(snap->incidents.size(), expected.incidents.size());
    EXPECT_TRUE(snap->rejected.empty());
    for (std::size_t i = 0; i < expected.incidents.size(); ++i) {
        const auto& a = snap->incidents[i];
        const auto& e = expected.incidents[i];
        ASSERT_EQ(a.id, e.id);
        EXPECT_EQ(a.status, e.status) << a.id;
        EXPECT_EQ(a.sector, e.sector) << a.id;
        EXPECT_EQ(a.municipality, e.municipality) << a.id;
        EXPECT_EQ(a.created_at, e.created_at) << a.id;
        EXPECT_EQ(a.title, e.title) << a.id;
        if (e.feed_due_at) {
            EXPECT_EQ(a.due_at, *e.feed_due_at) << "feed due time must win";
        }
    }
    EXPECT_GT(snap->aggregates.open, 1000u);
    EXPECT_GT(snap->deadlines.overdue_count(rig.now), 0u);
}

TEST(DemoIntegration, NotModifiedKeepsTheSnapshot) {
    Rig rig;
    ASSERT_EQ(rig.poll_once().result, net::PollResult::ok);
    const auto first = rig.store.current();
    rig.now += 5s;  // same 15 s tick: same ETag
    const auto second_outcome = rig.poll_once();
    EXPECT_EQ(second_outcome.result, net::PollResult::not_modified);
    EXPECT_EQ(rig.store.current(), first) << "a 304 must keep the very same snapshot";
    rig.now += 15s;  // next tick: new body
    EXPECT_EQ(rig.poll_once().result, net::PollResult::ok);
    EXPECT_NE(rig.store.current(), first);
    EXPECT_GT(rig.store.current()->as_of, first->as_of);
}

}  // namespace
}  // namespace tsur
