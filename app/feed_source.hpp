// Where and how the configured wall reads its feed: URL, parser and Open311 paging, decided once
// for the wall and for --screenshot, so the picture reads the feed the wall would.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/logger.hpp"
#include "app/wall_assets.hpp"
#include "config/app_config.hpp"
#include "feed/feed_client.hpp"
#include "model/result.hpp"

namespace tsur::app {

/// The parts of a FeedClientConfig that depend on the feed type; an immutable value.
struct FeedSource {
    std::string url;                          ///< the document's full URL (file:// or http[s]://)
    net::FeedParserFn parser;                 ///< body -> document for this region
    std::shared_ptr<net::FeedPollPlan> plan;  ///< Open311 over HTTP: windows and pages; else null
    std::function<std::optional<std::string>(std::string_view body)> describe_error;
};

/// A v1 feed URL from the config: a base URL gets "/v1/snapshot?region=CODE"; a file:// URL or
/// one that already names /v1/snapshot is used as it is. The one base-URL rule.
std::string v1_feed_url(const std::string& configured, std::string_view region_code);

/// The configured (not demo) feed of `feed.type` for the region of `assets`. Open311 reads its
/// mapping file (feed.mapping_file, else DATA/assets/open311/mapping.json); an Error names it.
model::Result<FeedSource> configured_feed_source(const WallAssets& assets,
                                                 const config::FeedSettings& feed, Logger& log);

/// The native parser bound to `region`.
net::FeedParserFn v1_parser(std::shared_ptr<const model::Region> region);

}  // namespace tsur::app
