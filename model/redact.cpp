// A URL's user info and query values are where feed secrets live (an Open311 api_key, a password
// in the URL); hosts and paths stay, because an operator needs them to find the failing feed.
#include "model/redact.hpp"

namespace tsur::model {
namespace {

bool scheme_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '-' || c == '.';
}

bool ends_url(char c) {
    // Brackets and commas may sit inside a query value, so they do not end a URL: redacting a
    // little more than the URL is harmless, leaking the tail of a key is not.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '<' ||
           c == '>' || c == '`';
}

/// Query keys the wall itself adds to page and window a poll (net/open311_poll.cpp): their values
/// are never secrets and tell the operator which page failed. Every other value is redacted.
bool public_query_key(std::string_view key) {
    for (const std::string_view k : {"page", "page_size", "per_page", "start_date", "end_date"}) {
        if (key == k) return true;
    }
    return false;
}

/// "a=1&b&c=3" -> "a=REDACTED&REDACTED&c=REDACTED": a key alone may be the secret itself.
void redact_query(std::string_view query, std::string& out) {
    while (true) {
        const auto amp = query.find('&');
        const auto item = query.substr(0, amp);
        const auto eq = item.find('=');
        if (eq != std::string_view::npos) {
            out += item.substr(0, eq + 1);
            if (public_query_key(item.substr(0, eq))) {
                out += item.substr(eq + 1);
            } else if (eq + 1 < item.size()) {
                out += kRedacted;
            }
        } else if (!item.empty()) {
            out += kRedacted;
        }
        if (amp == std::string_view::npos) return;
        out += '&';
        query.remove_prefix(amp + 1);
    }
}

/// `url` starts after "://"; appends its redacted form.
void redact_after_scheme(std::string_view url, std::string& out) {
    const auto authority_end = url.find_first_of("/?#");
    const auto authority = url.substr(0, authority_end);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        out += kRedacted;
        out += authority.substr(at);
    } else {
        out += authority;
    }
    if (authority_end == std::string_view::npos) return;
    std::string_view rest = url.substr(authority_end);
    const auto q = rest.find('?');
    if (q == std::string_view::npos) {
        out += rest;
        return;
    }
    out += rest.substr(0, q + 1);
    rest.remove_prefix(q + 1);
    const auto hash = rest.find('#');
    redact_query(rest.substr(0, hash), out);
    if (hash != std::string_view::npos) out += rest.substr(hash);
}

void replace_all(std::string& text, std::string_view secret) {
    if (secret.empty()) return;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
        text.replace(at, secret.size(), kRedacted);
        at += kRedacted.size();
    }
}

}  // namespace

std::string redact_secrets(std::string_view text, std::string_view url) {
    std::string out = redact_secrets(text);
    const auto mark = url.find("://");
    if (mark == std::string_view::npos) return out;
    url.remove_prefix(mark + 3);
    const auto authority = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        const auto userinfo = authority.substr(0, at);
        const auto colon = userinfo.find(':');
        replace_all(out, userinfo);
        if (colon != std::string_view::npos) replace_all(out, userinfo.substr(colon + 1));
    }
    // Short values (page=2, format=json) are not secrets, and scrubbing them would garble the
    // text ("HTTP 500" must stay readable).
    constexpr std::size_t kMinSecret = 8;
    const auto q = url.find('?');
    std::string_view query = q == std::string_view::npos ? std::string_view{} : url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto item = query.substr(0, amp);
        const auto eq = item.find('=');
        const auto value = eq == std::string_view::npos ? item : item.substr(eq + 1);
        const bool is_public = eq != std::string_view::npos && public_query_key(item.substr(0, eq));
        if (!is_public && value.size() >= kMinSecret) replace_all(out, value);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

std::string redact_secrets(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (true) {
        const auto mark = text.find("://", pos);
        if (mark == std::string_view::npos) break;
        std::size_t start = mark;
        while (start > pos && scheme_char(text[start - 1])) --start;
        if (start == mark) {
            out += text.substr(pos, mark + 3 - pos);
            pos = mark + 3;
            continue;
        }
        std::size_t end = mark + 3;
        while (end < text.size() && !ends_url(text[end])) ++end;
        out += text.substr(pos, mark + 3 - pos);
        redact_after_scheme(text.substr(mark + 3, end - mark - 3), out);
        pos = end;
    }
    out += text.substr(pos);
    return out;
}

}  // namespace tsur::model
