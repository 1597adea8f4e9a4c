// Where and how the configured wall reads its feed: URL, parser, Open311 paging and the ingest
// that turns a body into a snapshot, decided once for the wall and for --screenshot, so the
// picture reads the feed the wall would.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/history_store.hpp"
#include "app/logger.hpp"
#include "app/wall_assets.hpp"
#include "config/app_config.hpp"
#include "feed/feed_client_config.hpp"
#include "feed/feed_ingest.hpp"
#include "model/result.hpp"
#include "model/sla_rules.hpp"

namespace tsur::app {

/// Turns a response body into a document (formats' parse_feed_v1 or the Open311 mapping, bound
/// to a region).
using FeedParserFn = std::function<model::Result<model::FeedDocument>(std::string_view body)>;

/// The parts of a FeedClientConfig that depend on the feed type; an immutable value.
struct FeedSource {
    std::string url;                          ///< the document's full URL (file:// or http[s]://)
    FeedParserFn parser;                      ///< body -> document for this region
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
FeedParserFn v1_parser(std::shared_ptr<const model::Region> region);

/// FeedClient's ingest: `parser`, then, when `history` is given, the wall's own history for a
/// document without one (HistoryStore::fill), then the SLA rules. Nothing is recorded here: the
/// wall records a snapshot once it is published (HistoryStore::record from on_publish).
/// `history` must outlive the function.
net::IngestFn make_ingest(FeedParserFn parser, std::shared_ptr<const model::Region> region,
                          std::shared_ptr<const model::SlaRules> rules,
                          const HistoryStore* history = nullptr);

}  // namespace tsur::app
