// Open311 has no snapshot time of its own: the poll's instant stands in for as_of, so staleness
// counts from the last good poll for this feed type (docs/feed-api.md).
#include "app/feed_source.hpp"

#include "app/file_io.hpp"
#include "feed/open311_poll.hpp"
#include "formats/feed_parser.hpp"
#include "formats/open311_parser.hpp"

namespace tsur::app {
namespace {

model::Result<FeedParserFn> open311_parser(
    const WallAssets& assets, const config::FeedSettings& feed,
    std::shared_ptr<const net::Open311ServiceBook> services) {
    const auto path =
        feed.mapping_file.value_or(assets.data_dir / "assets" / "open311" / "mapping.json");
    auto text = read_text_file(path);
    if (!text) return model::Error{text.error()};
    auto region = assets.assets.region;
    auto mapping = net::parse_open311_mapping(text.value(), *region, path.string());
    if (!mapping) return model::Error{mapping.error()};
    auto shared = std::make_shared<const net::Open311Mapping>(mapping.take());
    return FeedParserFn{[region, shared,
                         services](std::string_view body) -> model::Result<model::FeedDocument> {
        auto requests = net::parse_open311_requests(body);
        if (!requests) return model::Error{requests.error()};
        const auto now = std::chrono::floor<model::Seconds>(std::chrono::system_clock::now());
        return net::map_open311_requests(requests.value(), *services->get(), *shared, *region, now);
    }};
}

// A file:// feed is one document read as it is: no window, no pages, no service list.
std::shared_ptr<net::FeedPollPlan> open311_plan(const config::FeedSettings& feed,
                                                std::shared_ptr<net::Open311ServiceBook> services,
                                                Logger& log) {
    if (feed.url.starts_with("file://")) return nullptr;
    net::Open311PollSettings s;
    s.requests_url = feed.url;
    s.services_url = !feed.services_url.empty()
                         ? feed.services_url
                         : net::open311_services_url(feed.url).value_or(std::string());
    if (s.services_url.empty()) {
        log.warning("open311: no services URL beside " + feed.url +
                    " (set feed.services_url); requests carrying only a service_code get no name");
    }
    s.window_days = feed.window_days;
    s.page_size = feed.page_size;
    s.max_pages = feed.max_pages;
    s.page_size_param = feed.page_size_param;
    return std::make_shared<net::Open311PollPlan>(
        std::move(s), std::move(services),
        [&log](std::string_view message) { log.warning(message); });
}

}  // namespace

std::string v1_feed_url(const std::string& configured, std::string_view region_code) {
    const bool full =
        configured.starts_with("file://") || configured.find("/v1/snapshot") != std::string::npos;
    return full ? configured : net::feed_v1_url(configured, region_code);
}

FeedParserFn v1_parser(std::shared_ptr<const model::Region> region) {
    return [region = std::move(region)](std::string_view body) {
        return net::parse_feed_v1(body, *region);
    };
}

net::IngestFn make_ingest(FeedParserFn parser, std::shared_ptr<const model::Region> region,
                          std::shared_ptr<const model::SlaRules> rules,
                          const HistoryStore* history) {
    return [parser = std::move(parser), region = std::move(region), rules = std::move(rules),
            history](std::string_view body) -> model::Result<net::Ingested> {
        auto parsed = parser(body);
        if (!parsed) return model::Error{parsed.error()};
        model::FeedDocument& doc = parsed.value();
        net::Ingested out = net::describe_document(doc);
        // Before build_snapshot: the snapshot is immutable, and copying one to add a history
        // would cost as much as building it.
        if (history) history->fill(doc);
        out.snapshot = model::build_snapshot(parsed.take(), region, *rules);
        return out;
    };
}

model::Result<FeedSource> configured_feed_source(const WallAssets& assets,
                                                 const config::FeedSettings& feed, Logger& log) {
    FeedSource out;
    if (feed.url.empty()) return model::Error{"no feed: give --demo, --feed URL or --config"};
    if (feed.type == config::FeedType::open311) {
        auto services = std::make_shared<net::Open311ServiceBook>();
        auto parser = open311_parser(assets, feed, services);
        if (!parser) return model::Error{parser.error()};
        out.parser = parser.take();
        out.url = feed.url;
        out.plan = open311_plan(feed, services, log);
        out.describe_error = [](std::string_view body) { return net::open311_server_error(body); };
        return out;
    }
    out.url = v1_feed_url(feed.url, assets.assets.region->code);
    out.parser = v1_parser(assets.assets.region);
    return out;
}

}  // namespace tsur::app
