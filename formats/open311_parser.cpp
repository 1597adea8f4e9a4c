// Open311 JSON responses (services and requests). The spec's own examples are not valid JSON
// (leading zeros), so bodies go through quote_leading_zero_numbers before nlohmann_json.
#include "formats/open311_parser.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "formats/feed_parser.hpp"
#include "formats/feed_reasons.hpp"
#include "formats/open311_text.hpp"
#include "model/ascii_text.hpp"

namespace tsur::net {
namespace {

using Json = nlohmann::json;

/// A JSON scalar as the text an XML response would carry; nullopt for objects and arrays.
std::optional<std::string> as_text(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null:
            return std::string();
        case Json::value_t::string:  // real responses pad media_url
            return std::string(model::trim_ascii(v.get_ref<const std::string&>()));
        case Json::value_t::boolean:
            return std::string(v.get<bool>() ? "true" : "false");
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return v.dump();
        default:
            return std::nullopt;
    }
}

/// Reads field `name` of `obj` into `out`; objects/arrays become kInvalidText so typed checks fail.
void read_field(const Json& obj, const char* name, std::string& out) {
    const auto it = obj.find(name);
    if (it == obj.end()) return;
    out = as_text(*it).value_or(std::string(open311::kInvalidText));
}

/// "403: Invalid api_key" when `j` is GeoReport's error form, [{"code": 403, "description":
/// "..."}], which servers send with any HTTP status.
std::optional<std::string> json_server_error(const Json& j) {
    if (!j.is_array() || j.empty() || !j[0].is_object() || !j[0].contains("code") ||
        !j[0].contains("description") || j[0].contains("service_request_id") ||
        j[0].contains("service_code")) {
        return std::nullopt;
    }
    const auto code = as_text(j[0]["code"]).value_or("?");
    const auto desc = as_text(j[0]["description"]).value_or("");
    return code + ": " + desc;
}

model::Result<Json> parse_body(std::string_view body, std::string_view what) {
    if (body.size() > kMaxFeedBytes) {
        return model::Error{"open311: " + std::string(what) + " body is over 64 MiB"};
    }
    const std::string fixed = quote_leading_zero_numbers(body);
    Json j = Json::parse(fixed, nullptr, false);
    if (j.is_discarded()) {
        const auto first = body.find_first_not_of(" \t\r\n");
        const bool markup = first != std::string_view::npos && body[first] == '<';
        return model::Error{"open311: " + std::string(what) + " body is not valid JSON" +
                            (markup ? " (it starts with '<': XML or HTML?)" : "")};
    }
    if (!j.is_array()) {
        return model::Error{"open311: " + std::string(what) + " must be a JSON array"};
    }
    if (auto error = json_server_error(j)) {
        return model::Error{"open311: server reported error " + *error};
    }
    return j;
}

}  // namespace

std::string quote_leading_zero_numbers(std::string_view json) {
    std::string out;
    out.reserve(json.size() + 16);
    bool in_string = false;
    std::size_t i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (in_string) {
            out.push_back(c);
            if (c == '\\' && i + 1 < json.size()) {
                out.push_back(json[++i]);
            } else if (c == '"') {
                in_string = false;
            }
            ++i;
            continue;
        }
        if (c == '"') in_string = true;
        const bool number_start = c == '-' || (c >= '0' && c <= '9');
        if (!number_start) {
            out.push_back(c);
            ++i;
            continue;
        }
        // Outside strings a digit or '-' can only start a number token: take all of it at once.
        std::size_t end = i + 1;
        while (end < json.size()) {
            const char d = json[end];
            const bool part =
                (d >= '0' && d <= '9') || d == '.' || d == 'e' || d == 'E' || d == '+' || d == '-';
            if (!part) break;
            ++end;
        }
        const std::string_view token = json.substr(i, end - i);
        const std::size_t digits = token[0] == '-' ? 1 : 0;
        const bool leading_zero = token.size() > digits + 1 && token[digits] == '0' &&
                                  token[digits + 1] >= '0' && token[digits + 1] <= '9';
        if (leading_zero) {
            out.push_back('"');
            out.append(token);
            out.push_back('"');
        } else {
            out.append(token);
        }
        i = end;
    }
    return out;
}

model::Result<std::vector<Open311Service>> parse_open311_services_json(std::string_view body) {
    try {
        auto j = parse_body(body, "services");
        if (!j) return model::Error{j.error()};
        std::vector<Open311Service> services;
        for (const auto& s : j.value()) {
            if (!s.is_object()) continue;
            Open311Service svc;
            read_field(s, "service_code", svc.service_code);
            read_field(s, "service_name", svc.service_name);
            read_field(s, "description", svc.description);
            read_field(s, "group", svc.group);
            read_field(s, "type", svc.type);
            read_field(s, "keywords", svc.keywords);
            read_field(s, "metadata", svc.metadata);
            if (!svc.service_code.empty()) services.push_back(std::move(svc));
        }
        return services;
    } catch (const std::exception& e) {
        return model::Error{std::string("open311: cannot parse services: ") + e.what()};
    }
}

model::Result<Open311Requests> parse_open311_requests_json(std::string_view body) {
    try {
        auto j = parse_body(body, "requests");
        if (!j) return model::Error{j.error()};
        Open311Requests out;
        out.requests.reserve(j.value().size());
        for (const auto& r : j.value()) {
            if (!r.is_object()) {
                ++out.not_objects;
                continue;
            }
            Open311Request req;
            if (const auto id = r.find("service_request_id"); id != r.end()) {
                // Ids are names: a fraction or a boolean is no id, even if it prints as text.
                const bool usable = id->is_string() || id->is_number_integer() || id->is_null();
                req.bad_id = !usable;
                if (usable) req.service_request_id = as_text(*id).value_or("");
            }
            read_field(r, "status", req.status);
            read_field(r, "status_notes", req.status_notes);
            read_field(r, "service_name", req.service_name);
            read_field(r, "service_code", req.service_code);
            read_field(r, "description", req.description);
            read_field(r, "agency_responsible", req.agency_responsible);
            read_field(r, "service_notice", req.service_notice);
            read_field(r, "requested_datetime", req.requested_datetime);
            read_field(r, "updated_datetime", req.updated_datetime);
            read_field(r, "expected_datetime", req.expected_datetime);
            read_field(r, "address", req.address);
            read_field(r, "address_id", req.address_id);
            read_field(r, "zipcode", req.zipcode);
            read_field(r, "lat", req.lat);
            read_field(r, "long", req.lon);
            read_field(r, "media_url", req.media_url);
            out.requests.push_back(std::move(req));
        }
        return out;
    } catch (const std::exception& e) {
        return model::Error{std::string("open311: cannot parse requests: ") + e.what()};
    }
}

namespace {

bool looks_like_xml(std::string_view body) {
    const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string_view::npos && body[first] == '<';
}

}  // namespace

model::Result<std::vector<Open311Service>> parse_open311_services(std::string_view body) {
    return looks_like_xml(body) ? parse_open311_services_xml(body)
                                : parse_open311_services_json(body);
}

model::Result<Open311Requests> parse_open311_requests(std::string_view body) {
    return looks_like_xml(body) ? parse_open311_requests_xml(body)
                                : parse_open311_requests_json(body);
}

std::optional<std::string> open311_server_error(std::string_view body) {
    if (body.size() > kMaxFeedBytes) return std::nullopt;
    std::optional<std::string> error;
    // Called on the io thread for any error body: nothing may escape from here.
    try {
        if (looks_like_xml(body)) {
            error = open311_server_error_xml(body);
        } else {
            const Json j = Json::parse(quote_leading_zero_numbers(body), nullptr, false);
            if (!j.is_discarded()) error = json_server_error(j);
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    // It goes into log lines and /healthz: one line, and not all of a hostile server's text.
    if (error) clean_text(*error, 300);
    return error;
}

}  // namespace tsur::net
