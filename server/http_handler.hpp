// The request handler interface of the embedded HTTP server: a plain request view in, a response out.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/ascii_text.hpp"
#include "model/time.hpp"

namespace tsur::net {

/// What a handler sees of one request; valid only during the handler call (io thread).
struct HttpRequestView {
    std::string_view method;  ///< "GET" or "HEAD" (the server answers anything else with 405)
    std::string_view target;  ///< origin-form, query included: "/v1/snapshot?region=RU-UD"
    /// Header fields in arrival order; names as sent (compare case-insensitively).
    std::vector<std::pair<std::string_view, std::string_view>> headers;

    /// Value of the first field named `name` (case-insensitive); empty when absent.
    std::string_view header(std::string_view name) const;
    /// Path part of target (before '?').
    std::string_view path() const;
    /// Raw (not percent-decoded) value of query parameter `key`; empty when absent.
    std::string_view query_param(std::string_view key) const;
    /// True when the query holds `key` at all (even with an empty value).
    bool has_query_param(std::string_view key) const;
};

/// What a handler returns. The server adds Content-Length, Server, and Date when absent.
struct HttpResponse {
    unsigned status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

/// Called on the io thread for every GET/HEAD request; must not block for long.
using HttpHandler = std::function<HttpResponse(const HttpRequestView&)>;

/// Case-insensitive ASCII comparison of header names and tokens (model::iequals_ascii).
using model::iequals_ascii;

/// IMF-fixdate for Date headers: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(model::TimePoint t);

/// A short text response ("404 not found\n") for errors.
HttpResponse text_response(unsigned status, std::string body);

}  // namespace tsur::net
