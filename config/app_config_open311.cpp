// The Open311 settings of the feed section: date window, paging and the service list.
#include "config/app_config.hpp"
#include "config/app_config_reader.hpp"

namespace tsur::config {
namespace {

/// The query parameters the wall sets itself on Open311 page URLs.
std::optional<std::string_view> wall_owned_parameter(std::string_view url) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    for (const std::string_view name :
         {"start_date", "end_date", "page", "page_size", "per_page"}) {
        for (auto at = url.find(name, q); at != std::string_view::npos;
             at = url.find(name, at + 1)) {
            const char before = url[at - 1];
            const auto after = at + name.size();
            if ((before == '?' || before == '&') && after < url.size() && url[after] == '=') {
                return name;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

void read_open311_feed(ConfigSection& s, FeedSettings& f) {
    const bool open311 = f.type == FeedType::open311;
    for (const std::string_view key :
         {"services_url", "window_days", "page_size", "max_pages", "page_size_param", "mapping"}) {
        // Silently ignoring them on the native feed would hide a wrong feed.type.
        if (!open311 && s.get(key)) s.fail(key, "only for feed.type \"open311\"");
    }
    if (!open311) return;
    if (const auto owned = wall_owned_parameter(f.url)) {
        s.fail("url", "must not carry '" + std::string(*owned) +
                          "': the wall sets it (feed.window_days, feed.page_size)");
    }
    if (auto url = s.string("services_url")) {
        const bool usable = (url->starts_with("http://") && url->size() > 7) ||
                            (url->starts_with("https://") && url->size() > 8) ||
                            (url->starts_with("file:///") && url->size() > 8);
        if (usable) {
            f.services_url = *url;
        } else {
            s.expected("services_url", "an http://, https:// or file:/// URL");
        }
    }
    if (auto d = s.integer("window_days", 1, 90)) f.window_days = *d;
    if (auto n = s.integer("page_size", 0, 10000)) f.page_size = *n;
    if (auto n = s.integer("max_pages", 1, 1000)) f.max_pages = *n;
    if (auto p = s.choice("page_size_param", {"page_size", "per_page"})) {
        f.page_size_param = *p == 0 ? "page_size" : "per_page";
    }
}

}  // namespace tsur::config
