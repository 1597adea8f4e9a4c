// A URL's user info and query values are where feed secrets live (an Open311 api_key, a password
// in the URL); hosts and paths stay, because an operator needs them to find the failing feed.
#include "model/redact.hpp"

namespace tsur::model {
namespace {

bool scheme_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '-' || c == '.';
}

bool ends_url(char c) {
    // Brackets and commas may sit inside a query value, so they do not end a URL: redacting a
    // little more than the URL is harmless, leaking the tail of a key is not.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '<' ||
           c == '>' || c == '`';
}

/// "a=1&b&c=3" -> "a=REDACTED&REDACTED&c=REDACTED": a key alone may be the secret itself.
void redact_query(std::string_view query, std::string& out) {
    while (true) {
        const auto amp = query.find('&');
        const auto item = query.substr(0, amp);
        const auto eq = item.find('=');
        if (eq != std::string_view::npos) {
            out += item.substr(0, eq + 1);
            if (eq + 1 < item.size()) out += kRedacted;
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

}  // namespace

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
