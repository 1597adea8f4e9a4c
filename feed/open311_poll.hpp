// One Open311 poll: the service list when due, then the requests of a date window page by page,
// merged into one requests document (docs/feed-api.md, "Open311": windows, paging, services).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/time.hpp"
#include "feed/feed_poll_plan.hpp"
#include "formats/open311_parser.hpp"

namespace tsur::net {

struct Open311PollSettings {
    /// The configured requests URL; its own query (jurisdiction_id, api_key) is kept.
    std::string requests_url;
    /// services.json / services.xml; empty: no service list is fetched.
    std::string services_url;
    int window_days = 30;                       ///< each poll asks for [now - window_days, now]
    int page_size = 1000;                       ///< 0: the server does not page; one GET per poll
    int max_pages = 20;                         ///< a poll stops here and counts as truncated
    std::string page_size_param = "page_size";  ///< or "per_page"
    std::chrono::seconds services_refresh{std::chrono::hours{1}};
    /// After a failed service list, or a request code the list lacks, retry no sooner than this.
    std::chrono::seconds services_retry{std::chrono::minutes{5}};
};

/// The services URL beside a requests URL (".../requests.json?x=1" -> ".../services.json?x=1");
/// nullopt when the path does not end in requests, requests.json or requests.xml.
std::optional<std::string> open311_services_url(std::string_view requests_url);

/// Percent-encodes everything but RFC 3986's unreserved characters (for query values).
std::string url_encode_component(std::string_view text);

/// requests_url plus start_date, end_date (RFC 3339, UTC) and, when paging, page and page size.
std::string open311_page_url(const Open311PollSettings& settings, model::TimePoint start,
                             model::TimePoint end, int page);

/// Requests as a JSON array that parse_open311_requests_json reads back to the same values (all
/// fields as strings; an unusable id as `false`, a non-object entry as `null`).
std::string open311_requests_to_json(const Open311Requests& requests);

/// The last good service list: written by the poll plan on the io thread, read by the parser on
/// any thread.
class Open311ServiceBook {
public:
    std::shared_ptr<const std::vector<Open311Service>> get() const;
    void set(std::vector<Open311Service> services);

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const std::vector<Open311Service>> services_ =
        std::make_shared<const std::vector<Open311Service>>();
};

/// Open311's poll plan for FeedClient: services when due (may fail), then pages 1..n of the
/// window until a short page, a repeated page or max_pages. Io thread only, like FeedClient.
class Open311PollPlan final : public FeedPollPlan {
public:
    using LogFn = std::function<void(std::string_view message)>;

    Open311PollPlan(Open311PollSettings settings, std::shared_ptr<Open311ServiceBook> services,
                    LogFn log);

    Step start(std::chrono::system_clock::time_point now) override;
    model::Result<std::optional<Step>> advance(const std::string* body,
                                               std::string_view failure) override;
    std::string take_document() override;
    bool truncated() const override { return truncated_; }

    /// Pages fetched by the current (or last) poll.
    int pages() const { return page_; }

private:
    bool services_due(std::chrono::system_clock::time_point now) const;
    void take_services(const std::string* body, std::string_view failure);
    model::Result<std::optional<Step>> take_page(const std::string& body);
    Step page_step() const;
    void note_unknown_codes();

    Open311PollSettings settings_;
    std::shared_ptr<Open311ServiceBook> services_;
    LogFn log_;
    std::chrono::system_clock::time_point now_;
    model::TimePoint window_start_, window_end_;
    bool fetching_services_ = false;
    int page_ = 0;
    bool truncated_ = false;
    Open311Requests merged_;
    std::unordered_set<std::string> merged_ids_;
    std::vector<std::string> previous_page_ids_;
    std::optional<std::chrono::system_clock::time_point> services_attempt_, services_success_;
    bool services_failing_ = false;
    bool unknown_code_ = false;
};

}  // namespace tsur::net
