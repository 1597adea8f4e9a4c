// Helpers of the handler interface: header lookup, target splitting, HTTP dates.
#include "server/http_handler.hpp"

#include <chrono>
#include <cstdio>

namespace tsur::net {
namespace {

std::string_view query_of(std::string_view target) {
    const auto q = target.find('?');
    if (q == std::string_view::npos) return {};
    auto query = target.substr(q + 1);
    if (const auto hash = query.find('#'); hash != std::string_view::npos)
        query = query.substr(0, hash);
    return query;
}

// Finds `key` among the &-separated pairs; returns false when absent.
bool find_param(std::string_view query, std::string_view key, std::string_view& value) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        const auto name = pair.substr(0, eq);
        if (name == key) {
            value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
            return true;
        }
        if (amp == std::string_view::npos) break;
        query = query.substr(amp + 1);
    }
    return false;
}

}  // namespace

std::string_view HttpRequestView::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (iequals_ascii(key, name)) return value;
    }
    return {};
}

std::string_view HttpRequestView::path() const { return target.substr(0, target.find('?')); }

std::string_view HttpRequestView::query_param(std::string_view key) const {
    std::string_view value;
    find_param(query_of(target), key, value);
    return value;
}

bool HttpRequestView::has_query_param(std::string_view key) const {
    std::string_view value;
    return find_param(query_of(target), key, value);
}

HttpResponse text_response(unsigned status, std::string body) {
    HttpResponse res;
    res.status = status;
    res.body = std::move(body);
    return res;
}

std::string http_date(model::TimePoint t) {
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto lt = model::to_local(t, model::Seconds{0});
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[lt.weekday], lt.day,
                  kMonths[lt.month - 1], lt.year, lt.hour, lt.minute, lt.second);
    return buf;
}

}  // namespace tsur::net
