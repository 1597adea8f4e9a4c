// Open311 XML responses through Boost.PropertyTree (header-only, already a dependency): the
// GeoReport XML is a root of flat records, which a property tree holds directly.
#include <exception>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "formats/feed_parser.hpp"
#include "formats/open311_parser.hpp"
#include "formats/open311_text.hpp"
#include "model/ascii_text.hpp"

namespace tsur::net {
namespace {

namespace pt = boost::property_tree;

/// The property tree's reader recurses per element; GeoReport needs depth 3, so anything much
/// deeper is refused before it can exhaust the stack.
constexpr int kMaxXmlDepth = 32;

bool nesting_within_limit(std::string_view xml) {
    int depth = 0;
    for (std::size_t i = 0; i + 1 < xml.size(); ++i) {
        if (xml[i] == '<') {
            const char next = xml[i + 1];
            if (next == '/') {
                --depth;
            } else if (next != '?' && next != '!') {
                if (++depth > kMaxXmlDepth) return false;
            }
        } else if (xml[i] == '/' && xml[i + 1] == '>') {
            --depth;
        }
    }
    return true;
}

model::Result<pt::ptree> read_xml(std::string_view body, std::string_view what) {
    if (body.size() > kMaxFeedBytes) {
        return model::Error{"open311: " + std::string(what) + " body is over 64 MiB"};
    }
    if (!nesting_within_limit(body)) {
        return model::Error{"open311: " + std::string(what) + " XML nests deeper than " +
                            std::to_string(kMaxXmlDepth) + " elements"};
    }
    try {
        std::istringstream in{std::string(body)};
        pt::ptree tree;
        pt::read_xml(in, tree, pt::xml_parser::no_comments);
        return tree;
    } catch (const pt::xml_parser_error& e) {
        return model::Error{"open311: " + std::string(what) + " body is not valid XML: line " +
                            std::to_string(e.line()) + ": " + e.message()};
    }
}

std::string text_of(const pt::ptree& record, const char* name) {
    const auto child = record.get_child_optional(name);
    if (!child) return {};
    // An element with children where text is expected cannot be read as that text.
    if (!child->empty()) return std::string(open311::kInvalidText);
    return std::string(model::trim_ascii(child->data()));  // XML indents its text
}

/// "403: Invalid api_key" when the tree is GeoReport's <errors><error><code>…</error></errors>.
std::optional<std::string> xml_server_error(const pt::ptree& tree) {
    const auto errors = tree.get_child_optional("errors");
    if (!errors) return std::nullopt;
    const auto& first = errors->begin() != errors->end() ? errors->begin()->second : *errors;
    return text_of(first, "code") + ": " + text_of(first, "description");
}

/// The records under `root`/`item`, or an error naming the root element that was expected.
model::Result<const pt::ptree*> records(const pt::ptree& tree, const char* root,
                                        std::string_view what) {
    if (auto error = xml_server_error(tree)) {
        return model::Error{"open311: server reported error " + *error};
    }
    const auto list = tree.get_child_optional(root);
    if (!list) {
        return model::Error{"open311: " + std::string(what) + " XML must have the root element <" +
                            root + ">"};
    }
    return &*list;
}

}  // namespace

model::Result<std::vector<Open311Service>> parse_open311_services_xml(std::string_view body) {
    try {
        const auto tree = read_xml(body, "services");
        if (!tree) return model::Error{tree.error()};
        const auto list = records(tree.value(), "services", "services");
        if (!list) return model::Error{list.error()};
        std::vector<Open311Service> services;
        for (const auto& [name, s] : *list.value()) {
            if (name != "service") continue;
            Open311Service svc;
            svc.service_code = text_of(s, "service_code");
            svc.service_name = text_of(s, "service_name");
            svc.description = text_of(s, "description");
            svc.group = text_of(s, "group");
            svc.type = text_of(s, "type");
            svc.keywords = text_of(s, "keywords");
            svc.metadata = text_of(s, "metadata");
            if (!svc.service_code.empty()) services.push_back(std::move(svc));
        }
        return services;
    } catch (const std::exception& e) {
        return model::Error{std::string("open311: cannot parse services XML: ") + e.what()};
    }
}

model::Result<Open311Requests> parse_open311_requests_xml(std::string_view body) {
    try {
        const auto tree = read_xml(body, "requests");
        if (!tree) return model::Error{tree.error()};
        const auto list = records(tree.value(), "service_requests", "requests");
        if (!list) return model::Error{list.error()};
        Open311Requests out;
        for (const auto& [name, r] : *list.value()) {
            if (name != "request") {
                if (name != "<xmlattr>") ++out.not_objects;
                continue;
            }
            Open311Request req;
            req.service_request_id = text_of(r, "service_request_id");
            req.bad_id = req.service_request_id == open311::kInvalidText;
            req.status = text_of(r, "status");
            req.status_notes = text_of(r, "status_notes");
            req.service_name = text_of(r, "service_name");
            req.service_code = text_of(r, "service_code");
            req.description = text_of(r, "description");
            req.agency_responsible = text_of(r, "agency_responsible");
            req.service_notice = text_of(r, "service_notice");
            req.requested_datetime = text_of(r, "requested_datetime");
            req.updated_datetime = text_of(r, "updated_datetime");
            req.expected_datetime = text_of(r, "expected_datetime");
            req.address = text_of(r, "address");
            req.address_id = text_of(r, "address_id");
            req.zipcode = text_of(r, "zipcode");
            req.lat = text_of(r, "lat");
            req.lon = text_of(r, "long");
            req.media_url = text_of(r, "media_url");
            out.requests.push_back(std::move(req));
        }
        return out;
    } catch (const std::exception& e) {
        return model::Error{std::string("open311: cannot parse requests XML: ") + e.what()};
    }
}

std::optional<std::string> open311_server_error_xml(std::string_view body) {
    const auto tree = read_xml(body, "error");
    if (!tree) return std::nullopt;
    return xml_server_error(tree.value());
}

}  // namespace tsur::net
