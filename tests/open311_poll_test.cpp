// Open311 polls through the real FeedClient against a scripted loopback server: date windows,
// paging and its stop rules, the service list, failures mid-poll and the merged cache.
#include "app/feed_source.hpp"
#include "feed/open311_poll.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <map>

#include "model/sla_rules.hpp"
#include "feed/feed_client.hpp"
#include "support/paths.hpp"
#include "support/region_fixture.hpp"
#include "support/scripted_http_server.hpp"
#include "support/temp_dir.hpp"
#include "support/time_literal.hpp"

namespace tsur {
namespace {

namespace chr = std::chrono;
using namespace std::chrono_literals;
using test::ScriptedReply;
using test::SeenRequest;

std::string sample(const std::string& name) {
    return test::read_file(test::data_path("open311/" + name));
}

/// One request near Izhevsk, created an hour ago; `code` only, no service_name.
std::string request_json(const std::string& id, const std::string& code = "002") {
    const auto created = chr::floor<model::Seconds>(chr::system_clock::now()) - 1h;
    return R"({"service_request_id":")" + id + R"(","status":"open","service_code":")" + code +
           R"(","requested_datetime":")" + model::format_rfc3339(created) +
           R"(","address":"ул. Пушкинская, 1","lat":56.85,"long":53.2})";
}

std::string page_of(const std::vector<std::string>& ids, const std::string& code = "002") {
    std::string out = "[";
    for (const auto& id : ids) out += (out.size() > 1 ? "," : "") + request_json(id, code);
    return out + "]";
}

ScriptedReply json_reply(std::string body, unsigned status = 200) {
    ScriptedReply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = {{"Content-Type", "application/json"}};
    return r;
}

/// The value of query parameter `name` in a request target, still percent-encoded.
std::string query_value(const std::string& target, const std::string& name) {
    const auto q = target.find('?');
    if (q == std::string::npos) return {};
    std::size_t at = q + 1;
    while (at < target.size()) {
        const auto end = std::min(target.find('&', at), target.size());
        const std::string pair = target.substr(at, end - at);
        if (pair.starts_with(name + "=")) return pair.substr(name.size() + 1);
        at = end + 1;
    }
    return {};
}

bool is_services(const SeenRequest& r) { return r.target.starts_with("/open311/services.json"); }

using test::TempDir;

class Open311Poll : public ::testing::Test {
protected:
    Open311Poll() {
        std::string text = test::read_file(test::asset_path("open311/mapping.json"));
        // Code 002 is left to the service list: its group "street" maps to roads.
        text.replace(text.find("\"002\": \"roads\""), 14, "\"902\": \"roads\"");
        auto m = net::parse_open311_mapping(text, *region_, "mapping.json");
        EXPECT_TRUE(m.ok()) << m.error();
        mapping_ = std::make_shared<const net::Open311Mapping>(m.take());
    }

    net::Open311PollSettings settings(const test::ScriptedHttpServer& server, int page_size = 2,
                                      int max_pages = 20) const {
        net::Open311PollSettings s;
        s.requests_url = server.url("/open311/requests.json?jurisdiction_id=ru.udm");
        s.services_url = net::open311_services_url(s.requests_url).value_or("");
        s.page_size = page_size;
        s.max_pages = max_pages;
        return s;
    }

    std::unique_ptr<net::FeedClient> make_client(net::Open311PollSettings s,
                                                 std::optional<std::filesystem::path> cache = {}) {
        net::FeedClientConfig c;
        c.url = s.requests_url;
        c.feed_kind = "open311";
        c.poll_interval = 50ms;
        c.backoff_base = 20ms;
        c.backoff_cap = 100ms;
        c.jitter_seed = 7;
        c.cache_file = std::move(cache);
        c.plan = std::make_shared<net::Open311PollPlan>(
            std::move(s), book_, [this](std::string_view m) { log_.emplace_back(m); });
        auto parser = [region = region_, mapping = mapping_,
                       book = book_](std::string_view body) -> model::Result<model::FeedDocument> {
            auto requests = net::parse_open311_requests(body);
            if (!requests) return model::Error{requests.error()};
            const auto now = chr::floor<model::Seconds>(chr::system_clock::now());
            return net::map_open311_requests(requests.value(), *book->get(), *mapping, *region,
                                             now);
        };
        auto client = std::make_unique<net::FeedClient>(
            io_, std::move(c), app::make_ingest(parser, region_, rules_), store_, stats_, clock_);
        client->on_publish([this](const model::SnapshotPtr&) { ++publishes_; });
        return client;
    }

    net::PollOutcome fetch_once(net::FeedClient& client) {
        std::optional<net::PollOutcome> outcome;
        client.fetch_once([&](const net::PollOutcome& o) { outcome = o; });
        const auto deadline = chr::steady_clock::now() + 5s;
        while (!outcome && chr::steady_clock::now() < deadline) io_.run_for(5ms);
        EXPECT_TRUE(outcome.has_value()) << "the poll did not finish";
        return outcome.value_or(net::PollOutcome{});
    }

    std::vector<std::string> page_targets(const test::ScriptedHttpServer& server) const {
        std::vector<std::string> out;
        for (const auto& r : server.requests()) {
            if (!is_services(r)) out.push_back(r.target);
        }
        return out;
    }

    std::map<std::string, std::string> titles() const {
        std::map<std::string, std::string> out;
        if (const auto snap = store_.current()) {
            for (const auto& i : snap->incidents) out[i.id] = i.title;
        }
        return out;
    }

    boost::asio::io_context io_;
    std::shared_ptr<const model::Region> region_ =
        std::make_shared<const model::Region>(test::udmurtia_region());
    std::shared_ptr<const model::SlaRules> rules_ =
        std::make_shared<const model::SlaRules>(model::SlaRules::defaults());
    std::shared_ptr<const net::Open311Mapping> mapping_;
    std::shared_ptr<net::Open311ServiceBook> book_ = std::make_shared<net::Open311ServiceBook>();
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
    std::vector<std::string> log_;
    int publishes_ = 0;
};

TEST(Open311PollUrls, PageUrlEncodesTheWindowAndKeepsTheConfiguredQuery) {
    net::Open311PollSettings s;
    s.requests_url = "https://311.example.ru/v2/requests.json?jurisdiction_id=ru.udm";
    const auto start = test::at("2026-10-24T10:15:00Z");
    const auto end = test::at("2026-11-23T10:15:00Z");
    EXPECT_EQ(net::open311_page_url(s, start, end, 3),
              "https://311.example.ru/v2/requests.json?jurisdiction_id=ru.udm"
              "&start_date=2026-10-24T10%3A15%3A00Z&end_date=2026-11-23T10%3A15%3A00Z"
              "&page=3&page_size=1000");
    s.requests_url = "https://311.example.ru/v2/requests.xml";
    s.page_size = 50;
    s.page_size_param = "per_page";
    EXPECT_EQ(net::open311_page_url(s, start, end, 1),
              "https://311.example.ru/v2/requests.xml?start_date=2026-10-24T10%3A15%3A00Z"
              "&end_date=2026-11-23T10%3A15%3A00Z&page=1&per_page=50");
    s.page_size = 0;
    EXPECT_EQ(net::open311_page_url(s, start, end, 1),
              "https://311.example.ru/v2/requests.xml?start_date=2026-10-24T10%3A15%3A00Z"
              "&end_date=2026-11-23T10%3A15%3A00Z");
    EXPECT_EQ(net::url_encode_component("2026-11-23T10:15:00+04:00 ы"),
              "2026-11-23T10%3A15%3A00%2B04%3A00%20%D1%8B");
}

TEST(Open311PollUrls, ServicesUrlSitsBesideTheRequestsUrl) {
    EXPECT_EQ(net::open311_services_url("https://h/v2/requests.json?jurisdiction_id=x&api_key=k"),
              "https://h/v2/services.json?jurisdiction_id=x&api_key=k");
    EXPECT_EQ(net::open311_services_url("https://h/v2/requests.xml"), "https://h/v2/services.xml");
    EXPECT_EQ(net::open311_services_url("https://h/v2/requests"), "https://h/v2/services");
    EXPECT_EQ(net::open311_services_url("https://h/v2/tickets.json"), std::nullopt);
}

TEST(Open311PollUrls, MergedJsonReadsBackToTheSameRequests) {
    const auto original = net::parse_open311_requests(sample("requests_example.xml"));
    ASSERT_TRUE(original.ok()) << original.error();
    net::Open311Requests with_oddities = original.value();
    with_oddities.requests.push_back({});
    with_oddities.requests.back().bad_id = true;
    with_oddities.not_objects = 2;
    const auto again =
        net::parse_open311_requests_json(net::open311_requests_to_json(with_oddities));
    ASSERT_TRUE(again.ok()) << again.error();
    ASSERT_EQ(again.value().requests.size(), 3u);
    EXPECT_EQ(again.value().not_objects, 2u);
    EXPECT_TRUE(again.value().requests[2].bad_id);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = again.value().requests[i];
        const auto& e = original.value().requests[i];
        EXPECT_EQ(a.service_request_id, e.service_request_id);
        EXPECT_EQ(a.service_code, e.service_code);  // "006" keeps its zeros
        EXPECT_EQ(a.requested_datetime, e.requested_datetime);
        EXPECT_EQ(a.lat, e.lat);
        EXPECT_EQ(a.lon, e.lon);
        EXPECT_EQ(a.media_url, e.media_url);
        EXPECT_EQ(a.status_notes, e.status_notes);
    }
}

TEST_F(Open311Poll, EachPageAsksForTheWindowAndThePageNumber) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        const auto page = query_value(r.target, "page");
        return json_reply(page == "1" ? page_of({"1", "2"}) : page_of({"3"}));
    });
    auto s = settings(server);
    s.window_days = 30;
    auto client = make_client(s);
    const auto before = chr::floor<model::Seconds>(chr::system_clock::now());
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    const auto after = chr::floor<model::Seconds>(chr::system_clock::now());

    const auto targets = page_targets(server);
    ASSERT_EQ(targets.size(), 2u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const auto& t = targets[i];
        EXPECT_TRUE(t.starts_with("/open311/requests.json?jurisdiction_id=ru.udm&")) << t;
        EXPECT_EQ(query_value(t, "page"), std::to_string(i + 1));
        EXPECT_EQ(query_value(t, "page_size"), "2");
        auto decode = [](std::string v) {
            for (auto at = v.find("%3A"); at != std::string::npos; at = v.find("%3A")) {
                v.replace(at, 3, ":");
            }
            return model::parse_rfc3339(v);
        };
        EXPECT_EQ(query_value(t, "start_date").find(':'), std::string::npos) << "not encoded";
        const auto start = decode(query_value(t, "start_date"));
        const auto end = decode(query_value(t, "end_date"));
        ASSERT_TRUE(start && end) << t;
        EXPECT_GE(*end, before);
        EXPECT_LE(*end, after);
        EXPECT_EQ(*end - *start, chr::days{30});
    }
}

TEST_F(Open311Poll, ThreePagesMakeOnePublishWithEveryRecord) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        const auto page = query_value(r.target, "page");
        if (page == "1") return json_reply(page_of({"10", "11"}));
        if (page == "2") return json_reply(page_of({"12", "13"}));
        return json_reply(page_of({"14"}));
    });
    auto client = make_client(settings(server));
    const auto outcome = fetch_once(*client);
    ASSERT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    EXPECT_TRUE(outcome.published);
    EXPECT_EQ(publishes_, 1);
    EXPECT_EQ(page_targets(server).size(), 3u);
    const auto t = titles();
    EXPECT_EQ(t.size(), 5u);
    for (const auto* id : {"311-10", "311-11", "311-12", "311-13", "311-14"}) {
        EXPECT_TRUE(t.contains(id)) << id;
    }
    EXPECT_TRUE(store_.current()->rejected.empty());
    EXPECT_EQ(stats_.snapshot().truncated_polls, 0u);
}

TEST_F(Open311Poll, ServerIgnoringPageStopsAfterPageTwoWithoutDuplicates) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        return json_reply(page_of({"20", "21"}));
    });
    auto client = make_client(settings(server));
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    EXPECT_EQ(page_targets(server).size(), 2u);
    EXPECT_EQ(titles().size(), 2u);
    EXPECT_TRUE(store_.current()->rejected.empty()) << "no duplicate_id from the repeated page";
    EXPECT_EQ(stats_.snapshot().truncated_polls, 0u);
}

TEST_F(Open311Poll, StopsAtMaxPagesAndCountsTheTruncation) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        const auto page = query_value(r.target, "page");
        return json_reply(page_of({"p" + page + "a", "p" + page + "b"}));
    });
    auto client = make_client(settings(server, 2, 3));
    const auto outcome = fetch_once(*client);
    ASSERT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    EXPECT_EQ(page_targets(server).size(), 3u);
    EXPECT_EQ(titles().size(), 6u);
    EXPECT_EQ(stats_.snapshot().truncated_polls, 1u);
    ASSERT_EQ(log_.size(), 1u);
    EXPECT_NE(log_[0].find("truncated"), std::string::npos) << log_[0];
}

TEST_F(Open311Poll, FailureOnPageTwoPublishesNothingAndKeepsTheSnapshot) {
    bool fail_page_two = false;
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        const auto page = query_value(r.target, "page");
        if (page == "2" && fail_page_two) return json_reply("oops", 500);
        return json_reply(page == "1" ? page_of({"30", "31"}) : page_of({"32"}));
    });
    TempDir dir;
    const auto cache = dir.path / "feed.cache";
    auto client = make_client(settings(server), cache);
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    const auto shown = store_.current();
    const auto cached = test::read_file(cache);

    fail_page_two = true;
    const auto outcome = fetch_once(*client);
    EXPECT_EQ(outcome.result, net::PollResult::http_5xx);
    EXPECT_FALSE(outcome.published);
    EXPECT_NE(outcome.message.find("page=2"), std::string::npos) << outcome.message;
    EXPECT_EQ(store_.current(), shown);
    EXPECT_EQ(publishes_, 1);
    EXPECT_EQ(test::read_file(cache), cached);
}

TEST_F(Open311Poll, CacheHoldsTheMergedPagesAndRestoresThem) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        const auto page = query_value(r.target, "page");
        return json_reply(page == "1" ? page_of({"40", "41"}) : page_of({"42"}));
    });
    TempDir dir;
    const auto cache = dir.path / "feed.cache";
    {
        auto client = make_client(settings(server), cache);
        ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    }
    store_.publish(nullptr);
    auto client = make_client(settings(server), cache);
    const auto restored = client->restore_from_cache();
    ASSERT_TRUE(restored.ok()) << restored.error();
    EXPECT_TRUE(restored.value());
    EXPECT_EQ(titles().size(), 3u);
    EXPECT_EQ(store_.current_published()->origin, net::SnapshotOrigin::cache);
}

TEST_F(Open311Poll, ServiceListNamesRequestsThatCarryOnlyACode) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        return json_reply(page_of({"50"}, "002"));
    });
    auto client = make_client(settings(server));
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    ASSERT_TRUE(is_services(server.requests().at(0)));
    EXPECT_EQ(server.requests()[0].target, "/open311/services.json?jurisdiction_id=ru.udm");
    const auto snap = store_.current();
    ASSERT_EQ(snap->incidents.size(), 1u);
    EXPECT_EQ(snap->incidents[0].title, "Construction plate shifted — ул. Пушкинская, 1");
    EXPECT_EQ(snap->incidents[0].sector, model::Sector::roads);  // its group, "street"

    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    std::size_t services = 0;
    for (const auto& r : server.requests()) services += is_services(r) ? 1 : 0;
    EXPECT_EQ(services, 1u) << "the list is refreshed hourly, not every poll";
}

TEST_F(Open311Poll, FailingServiceListStillShowsRequestsAndLogsOnce) {
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply("down", 503);
        return json_reply(page_of({"60"}, "002"));
    });
    auto s = settings(server);
    s.services_retry = 0s;
    auto client = make_client(s);
    for (int i = 0; i < 2; ++i) {
        const auto outcome = fetch_once(*client);
        ASSERT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
        EXPECT_TRUE(outcome.published);
    }
    std::size_t services = 0;
    for (const auto& r : server.requests()) services += is_services(r) ? 1 : 0;
    EXPECT_EQ(services, 2u) << "retried, since retry is 0 s here";
    EXPECT_EQ(titles().at("311-60"), "Open311 002 — ул. Пушкинская, 1");
    ASSERT_EQ(log_.size(), 1u) << "one line per outage, not per poll";
    EXPECT_NE(log_[0].find("services.json"), std::string::npos) << log_[0];
    EXPECT_EQ(stats_.consecutive_failures(), 0u);
}

TEST_F(Open311Poll, UnknownServiceCodeRefreshesTheListEarly) {
    std::string code = "002";
    test::ScriptedHttpServer server(io_, [&](const SeenRequest& r, std::size_t) {
        if (is_services(r)) return json_reply(sample("services_example.json"));
        return json_reply(page_of({"70"}, code));
    });
    auto s = settings(server);
    s.services_retry = 0s;
    auto client = make_client(s);
    auto services_fetched = [&] {
        std::size_t n = 0;
        for (const auto& r : server.requests()) n += is_services(r) ? 1 : 0;
        return n;
    };
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    EXPECT_EQ(services_fetched(), 1u);
    code = "777";  // a service the list does not know yet
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    ASSERT_EQ(fetch_once(*client).result, net::PollResult::ok);
    EXPECT_EQ(services_fetched(), 2u);
}

}  // namespace
}  // namespace tsur
