// Bounds here are what a wall can sensibly use: a value outside them is usually a typo.
#include "config/app_config.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <charconv>
#include <vector>

#include "config/app_config_reader.hpp"
#include "config/duration.hpp"
#include "config/viewport.hpp"
#include "model/json_config.hpp"

namespace tsur::config {
namespace {

bool is_absolute_path(const std::string& s) { return !s.empty() && s.front() == '/'; }

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    for (const auto p : prefixes) {
        if (s.starts_with(p) && s.size() > p.size()) return true;
    }
    return false;
}

std::optional<std::filesystem::path> absolute_path(ConfigSection& s, std::string_view key) {
    auto v = s.string(key);
    if (!v) return std::nullopt;
    if (!is_absolute_path(*v)) {
        s.expected(key, "an absolute path (systemd starts the wall in /)");
        return std::nullopt;
    }
    return std::filesystem::path(*v);
}

std::optional<model::Seconds> duration(ConfigSection& s, std::string_view key, model::Seconds lo,
                                       model::Seconds hi) {
    const nlohmann::json* v = s.get(key);
    if (!v) return std::nullopt;
    const auto d = v->is_string() ? parse_duration(v->get<std::string>()) : std::nullopt;
    if (!d || *d < lo || *d > hi) {
        s.expected(key, "a duration like \"30s\", \"5m\" or \"1h\" from " +
                            std::to_string(lo.count()) + "s to " + std::to_string(hi.count()) +
                            "s");
        return std::nullopt;
    }
    return d;
}

void read_feed(ConfigSection s, FeedSettings& f) {
    s.allow_only({"type", "url", "token_file", "poll_interval", "insecure", "ca_file",
                  "services_url", "window_days", "page_size", "max_pages", "page_size_param",
                  "mapping"});
    if (auto t = s.choice("type", {"tsur.v1", "open311"})) f.type = static_cast<FeedType>(*t);
    if (auto url = s.string("url")) {
        if (starts_with_any(*url, {"http://", "https://", "file:///"})) {
            f.url = *url;
        } else {
            s.expected("url", "an http://, https:// or file:/// URL");
        }
    } else if (!s.get("url")) {
        s.fail("url", "required: the feed's base URL, e.g. \"https://tsur.example.ru/api\"");
    }
    f.token_file = absolute_path(s, "token_file");
    if (auto d = duration(s, "poll_interval", model::Seconds{5}, model::Seconds{3600})) {
        f.poll_interval = *d;
    }
    if (auto b = s.boolean("insecure")) f.insecure = *b;
    f.ca_file = absolute_path(s, "ca_file");
    if (f.insecure && f.ca_file) s.fail("insecure", "cannot be true together with ca_file");
    read_open311_feed(s, f);
    if (f.type == FeedType::open311) f.mapping_file = absolute_path(s, "mapping");
}

void read_display(ConfigSection s, DisplaySettings& d) {
    s.allow_only({"fullscreen", "display", "viewport", "panels", "viewing_distance_m"});
    if (auto b = s.boolean("fullscreen")) d.fullscreen = *b;
    if (auto i = s.integer("display", 0, 15)) d.display_index = *i;
    if (s.get("viewport")) {
        const nlohmann::json& v = *s.get("viewport");
        // Not a string parses as "", which no viewport is.
        auto spec = parse_viewport(v.is_string() ? v.get<std::string>() : std::string{});
        if (spec) {
            d.viewport = spec.value();
        } else {
            s.expected("viewport",
                       "\"x,y,width,height\" in canvas pixels (width and height from 64) or "
                       "\"panels:col,row[,cols,rows]\", e.g. \"0,0,3840,2160\"");
        }
    }
    if (auto p = s.section("panels")) {
        p->allow_only({"width_mm", "height_mm", "bezel_mm"});
        PanelSize size;
        const auto w = p->number("width_mm", 50, 10000);
        const auto h = p->number("height_mm", 50, 10000);
        if (!p->get("width_mm")) p->fail("width_mm", "required: the panel's visible width in mm");
        if (!p->get("height_mm"))
            p->fail("height_mm", "required: the panel's visible height in mm");
        if (auto b = p->number("bezel_mm", 0, 100)) size.bezel_mm = *b;
        if (w && h) {
            size.width_mm = *w;
            size.height_mm = *h;
            d.panels = size;
        }
    }
    if (auto m = s.number("viewing_distance_m", 0.5, 100)) d.viewing_distance_m = *m;
}

bool is_loopback(std::string_view address) {
    in_addr v4{};
    in6_addr v6{};
    const std::string a(address);
    if (inet_pton(AF_INET, a.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    return inet_pton(AF_INET6, a.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

/// "127.0.0.1:9311", "[::1]:9311", "0.0.0.0:9311".
bool parse_listen(std::string_view text, StatusServerSettings& out) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return false;
    std::string_view host = text.substr(0, colon);
    const std::string_view port_text = text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string_view::npos) {
        return false;  // an IPv6 address needs brackets so that the port is unambiguous
    }
    unsigned port = 0;
    const auto r = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (r.ec != std::errc{} || r.ptr != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
        return false;
    }
    in_addr v4{};
    in6_addr v6{};
    const std::string h(host);
    if (inet_pton(AF_INET, h.c_str(), &v4) != 1 && inet_pton(AF_INET6, h.c_str(), &v6) != 1) {
        return false;
    }
    out.address = h;
    out.port = static_cast<std::uint16_t>(port);
    out.loopback = is_loopback(h);
    return true;
}

void read_status_server(ConfigSection s, StatusServerSettings& st) {
    s.allow_only({"enabled", "listen", "token_file", "stale_after"});
    if (auto b = s.boolean("enabled")) st.enabled = *b;
    if (auto l = s.string("listen"); l && !parse_listen(*l, st)) {
        s.expected("listen",
                   "\"ADDRESS:PORT\" with an IP address, e.g. \"127.0.0.1:9311\" or "
                   "\"[::1]:9311\"");
    }
    st.token_file = absolute_path(s, "token_file");
    if (auto d = duration(s, "stale_after", model::Seconds{60}, model::Seconds{7 * 86400})) {
        st.stale_after = *d;
    }
    // Off loopback, the wall's screenshots and health become visible to the network: only behind
    // a token.
    if (st.enabled && !st.loopback && !st.token_file && !s.get("token_file")) {
        s.fail("token_file", "required when status_server.listen is not a loopback address");
    }
}

}  // namespace

bool is_region_code(std::string_view s) {
    if (s.size() < 4 || s.size() > 6 || s[2] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool digit = c >= '0' && c <= '9';
        if (i < 2 ? !upper : (i > 2 && !upper && !digit)) return false;
    }
    return true;
}

std::string_view feed_kind_id(FeedType type) {
    return type == FeedType::open311 ? "open311" : "tsur.feed.v1";
}

std::string_view log_level_name(LogLevel level) {
    switch (level) {
        case LogLevel::error:
            return "error";
        case LogLevel::warning:
            return "warning";
        case LogLevel::info:
            return "info";
        case LogLevel::debug:
            return "debug";
    }
    return "info";
}

model::Result<AppConfig> parse_app_config(std::string_view text, std::string_view file_name) {
    auto parsed = model::parse_json_config(text, file_name);
    if (!parsed) return model::Error{parsed.error()};
    const nlohmann::json& root = parsed.value();
    if (!root.is_object()) {
        return model::Error{std::string(file_name) + ": expected an object { ... } at the top"};
    }
    std::vector<std::string> errors;
    AppConfig c;
    ConfigSection s(root, "", file_name, errors);
    s.allow_only({"feed", "region", "municipalities", "layout", "display", "language",
                  "status_server", "cache_dir", "log_level", "freeze_schedule"});
    if (auto feed = s.section("feed")) {
        read_feed(*feed, c.feed);
    } else if (!s.get("feed")) {
        s.fail("feed", "required: an object with at least \"url\"");
    }
    if (auto r = s.string("region")) {
        if (is_region_code(*r))
            c.region = *r;
        else
            s.expected("region", "an ISO 3166-2 region code like \"RU-UD\"");
    }
    c.municipalities = absolute_path(s, "municipalities");
    if (auto l = s.string("layout")) {
        const bool name = !l->empty() && l->find('/') == std::string::npos && l->front() != '.';
        if (name || is_absolute_path(*l))
            c.layout = *l;
        else
            s.expected("layout", "a shipped layout name like \"wall\" or an absolute path");
    }
    if (auto d = s.section("display")) read_display(*d, c.display);
    if (auto lang = s.choice("language", {"ru", "en"})) c.language = static_cast<Language>(*lang);
    if (auto st = s.section("status_server")) read_status_server(*st, c.status_server);
    if (auto dir = absolute_path(s, "cache_dir")) c.cache_dir = *dir;
    if (auto lvl = s.choice("log_level", {"error", "warning", "info", "debug"})) {
        c.log_level = static_cast<LogLevel>(*lvl);
    }
    if (const nlohmann::json* fs = s.get("freeze_schedule")) {
        auto sched = parse_freeze_schedule(*fs, "freeze_schedule");
        if (sched) {
            c.freeze_schedule = sched.take();
        } else {
            errors.push_back(std::string(file_name) + ": " + sched.error());
        }
    }
    if (!errors.empty()) {
        std::string message;
        for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
        return model::Error{std::move(message)};
    }
    return c;
}

}  // namespace tsur::config
