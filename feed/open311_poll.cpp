// Open311 paging and the service list. Paging is an extension of the standard that servers
// implement loosely, so every stop rule here guards against one way a server can misbehave.
#include "feed/open311_poll.hpp"

#include <nlohmann/json.hpp>

namespace tsur::net {
namespace {

namespace chr = std::chrono;

struct UrlParts {
    std::string_view path;   // scheme, host and path
    std::string_view query;  // from '?' on (fragment dropped), or empty
};

UrlParts split_url(std::string_view url) {
    url = url.substr(0, url.find('#'));
    const auto q = url.find('?');
    if (q == std::string_view::npos) return {url, {}};
    return {url.substr(0, q), url.substr(q)};
}

int records_on(const Open311Requests& page) {
    return static_cast<int>(page.requests.size() + page.not_objects);
}

}  // namespace

std::optional<std::string> open311_services_url(std::string_view requests_url) {
    const auto [path, query] = split_url(requests_url);
    for (const std::string_view ext : {"", ".json", ".xml"}) {
        const std::string tail = "/requests" + std::string(ext);
        if (path.ends_with(tail)) {
            return std::string(path.substr(0, path.size() - tail.size())) + "/services" +
                   std::string(ext) + std::string(query);
        }
    }
    return std::nullopt;
}

std::string url_encode_component(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                                (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
                                u == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 0x0F]);
        }
    }
    return out;
}

std::string open311_page_url(const Open311PollSettings& settings, model::TimePoint start,
                             model::TimePoint end, int page) {
    std::string url = settings.requests_url.substr(0, settings.requests_url.find('#'));
    if (url.find('?') == std::string::npos) {
        url += '?';
    } else if (!url.ends_with('?') && !url.ends_with('&')) {
        url += '&';
    }
    url += "start_date=" + url_encode_component(model::format_rfc3339(start));
    url += "&end_date=" + url_encode_component(model::format_rfc3339(end));
    if (settings.page_size > 0) {
        url += "&page=" + std::to_string(page);
        url += "&" + url_encode_component(settings.page_size_param) + "=" +
               std::to_string(settings.page_size);
    }
    return url;
}

std::string open311_requests_to_json(const Open311Requests& requests) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : requests.requests) {
        nlohmann::json o = nlohmann::json::object();
        const auto put = [&o](const char* key, const std::string& value) {
            if (!value.empty()) o[key] = value;
        };
        if (r.bad_id) {
            o["service_request_id"] = false;  // still rejected as bad_id when read back
        } else {
            put("service_request_id", r.service_request_id);
        }
        put("status", r.status);
        put("status_notes", r.status_notes);
        put("service_name", r.service_name);
        put("service_code", r.service_code);
        put("description", r.description);
        put("agency_responsible", r.agency_responsible);
        put("service_notice", r.service_notice);
        put("requested_datetime", r.requested_datetime);
        put("updated_datetime", r.updated_datetime);
        put("expected_datetime", r.expected_datetime);
        put("address", r.address);
        put("address_id", r.address_id);
        put("zipcode", r.zipcode);
        put("lat", r.lat);
        put("long", r.lon);
        put("media_url", r.media_url);
        out.push_back(std::move(o));
    }
    for (std::uint32_t i = 0; i < requests.not_objects; ++i) out.push_back(nullptr);
    // Replace, not throw: a server's invalid UTF-8 must not cost the whole poll.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::shared_ptr<const std::vector<Open311Service>> Open311ServiceBook::get() const {
    std::lock_guard lock(mutex_);
    return services_;
}

void Open311ServiceBook::set(std::vector<Open311Service> services) {
    auto next = std::make_shared<const std::vector<Open311Service>>(std::move(services));
    std::lock_guard lock(mutex_);
    services_ = std::move(next);
}

Open311PollPlan::Open311PollPlan(Open311PollSettings settings,
                                 std::shared_ptr<Open311ServiceBook> services, LogFn log)
    : settings_(std::move(settings)), services_(std::move(services)), log_(std::move(log)) {
    if (!services_) services_ = std::make_shared<Open311ServiceBook>();
}

bool Open311PollPlan::services_due(chr::system_clock::time_point now) const {
    if (settings_.services_url.empty()) return false;
    if (!services_attempt_) return true;
    if (services_failing_ || unknown_code_) {
        return now - *services_attempt_ >= settings_.services_retry;
    }
    return !services_success_ || now - *services_success_ >= settings_.services_refresh;
}

FeedPollPlan::Step Open311PollPlan::start(chr::system_clock::time_point now) {
    now_ = now;
    window_end_ = chr::floor<model::Seconds>(now);
    window_start_ = window_end_ - chr::days{settings_.window_days};
    page_ = 0;
    truncated_ = false;
    merged_ = {};
    merged_ids_.clear();
    previous_page_ids_.clear();
    fetching_services_ = services_due(now);
    if (fetching_services_) return Step{settings_.services_url, true};
    page_ = 1;
    return page_step();
}

FeedPollPlan::Step Open311PollPlan::page_step() const {
    return Step{open311_page_url(settings_, window_start_, window_end_, page_), false};
}

model::Result<std::optional<FeedPollPlan::Step>> Open311PollPlan::advance(
    const std::string* body, std::string_view failure) {
    if (fetching_services_) {
        fetching_services_ = false;
        take_services(body, failure);
        page_ = 1;
        return std::optional<Step>(page_step());
    }
    if (!body) {
        return model::Error{"open311: page " + std::to_string(page_) +
                            " failed: " + std::string(failure)};
    }
    return take_page(*body);
}

void Open311PollPlan::take_services(const std::string* body, std::string_view failure) {
    services_attempt_ = now_;
    std::string problem(failure);
    if (body) {
        auto parsed = parse_open311_services(*body);
        if (parsed) {
            const auto count = parsed.value().size();
            services_->set(parsed.take());
            services_success_ = now_;
            unknown_code_ = false;
            if (services_failing_ && log_) {
                log_("open311: " + settings_.services_url + " works again (" +
                     std::to_string(count) + " services)");
            }
            services_failing_ = false;
            return;
        }
        problem = parsed.error();
    }
    // Logged once per outage: the list changes rarely and requests are shown without it.
    if (!services_failing_ && log_) {
        const auto known = services_->get()->size();
        log_("open311: service list " + settings_.services_url + " failed (" + problem + "); " +
             (known > 0 ? "keeping the last good list of " + std::to_string(known) + " services"
                        : std::string("showing requests without service names")));
    }
    services_failing_ = true;
}

model::Result<std::optional<FeedPollPlan::Step>> Open311PollPlan::take_page(
    const std::string& body) {
    auto parsed = parse_open311_requests(body);
    if (!parsed) {
        return model::Error{"page " + std::to_string(page_) + ": " + parsed.error()};
    }
    Open311Requests page = parsed.take();
    std::vector<std::string> ids;
    ids.reserve(page.requests.size());
    for (const auto& r : page.requests) {
        if (!r.bad_id && !r.service_request_id.empty()) ids.push_back(r.service_request_id);
    }
    // A server that ignores `page` answers every page alike: stop instead of looping to max_pages.
    if (page_ > 1 && !ids.empty() && ids == previous_page_ids_) return std::optional<Step>();

    const int records = records_on(page);
    merged_.not_objects += page.not_objects;
    for (auto& r : page.requests) {
        // Only earlier pages: a duplicate within one page stays, for the mapper to count.
        const bool valid = !r.bad_id && !r.service_request_id.empty();
        if (valid && merged_ids_.contains(r.service_request_id)) continue;
        merged_.requests.push_back(std::move(r));
    }
    for (auto& id : ids) merged_ids_.insert(id);
    previous_page_ids_ = std::move(ids);

    if (settings_.page_size <= 0 || records < settings_.page_size) return std::optional<Step>();
    if (page_ >= settings_.max_pages) {
        truncated_ = true;
        if (log_) {
            log_("open311: the result is truncated: page " + std::to_string(page_) +
                 " (feed.max_pages) was full, so the rest of the window is not shown; "
                 "raise feed.max_pages or shorten feed.window_days");
        }
        return std::optional<Step>();
    }
    ++page_;
    return std::optional<Step>(page_step());
}

void Open311PollPlan::note_unknown_codes() {
    if (settings_.services_url.empty() || unknown_code_) return;
    const auto services = services_->get();
    std::unordered_set<std::string_view> known;
    for (const auto& s : *services) known.insert(s.service_code);
    for (const auto& r : merged_.requests) {
        if (!r.service_code.empty() && !known.contains(r.service_code)) {
            unknown_code_ = true;  // a new service appeared: refresh the list (rate limited)
            return;
        }
    }
}

std::string Open311PollPlan::take_document() {
    note_unknown_codes();
    std::string doc = open311_requests_to_json(merged_);
    merged_ = {};
    merged_ids_.clear();
    return doc;
}

}  // namespace tsur::net
