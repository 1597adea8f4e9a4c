// Hand-rolled option parsing: the set is small, and every mistake gets one clear message.
#include "app/command_line.hpp"

#include <charconv>
#include <cstdio>
#include <string_view>

#include "config/app_config.hpp"

namespace tsur::app {
namespace {

bool parse_size(std::string_view s, int& w, int& h) {
    const auto x = s.find('x');
    if (x == std::string_view::npos) return false;
    auto a = std::from_chars(s.data(), s.data() + x, w);
    auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    return a.ec == std::errc{} && b.ec == std::errc{} && a.ptr == s.data() + x &&
           b.ptr == s.data() + s.size() && w >= 64 && h >= 64 && w <= 16384 && h <= 16384;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

const char* usage() {
    return "usage:\n"
           "  tsur-wall [--demo] [--config FILE] [--layout FILE] [--feed URL] [--windowed WxH]\n"
           "            [--viewport X,Y,W,H|panels:COL,ROW[,COLS,ROWS]] [--assets DIR]\n"
           "            [--region ISO]\n"
           "  tsur-wall --screenshot OUT.png [--size WxH] [--at RFC3339] --feed FILE|URL|--demo\n"
           "            [--layout FILE] [--screen ID] [--config FILE] [--region ISO]\n"
           "            [--scene OUT.json]\n"
           "  tsur-wall demo-feed [--bind ADDR] [--port N] [--seed N] [--scale X] [--region ISO]\n"
           "  tsur-wall check-layout FILE\n"
           "  tsur-wall check-config FILE\n"
           "  tsur-wall check-region ISO [--assets DIR]\n"
           "  tsur-wall ctl freeze [SCREEN]|unfreeze|status\n"
           "  tsur-wall --version\n";
}

std::string region_of(const Options& options, const std::string& config_region) {
    return options.region.value_or(config_region);
}

model::Result<Options> parse_command_line(int argc, const char* const* argv) {
    Options o;
    int i = 1;
    if (argc > 1) {
        const std::string_view first = argv[1];
        if (first == "demo-feed") o.command = Command::demo_feed, i = 2;
        if (first == "check-layout") o.command = Command::check_layout, i = 2;
        if (first == "check-config") o.command = Command::check_config, i = 2;
        if (first == "check-region") o.command = Command::check_region, i = 2;
        if (first == "ctl") o.command = Command::ctl, i = 2;
    }
    auto need = [&](std::string_view flag) -> model::Result<std::string> {
        if (i + 1 >= argc)
            return model::Error{"command line: " + std::string(flag) + " needs a value"};
        return std::string(argv[++i]);
    };
    for (; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() { return need(a); };
        if (a == "--demo") {
            o.demo = true;
        } else if (a == "--version") {
            o.command = Command::version;
        } else if (a == "--help" || a == "-h") {
            o.command = Command::help;
        } else if (a == "--config" || a == "--layout" || a == "--feed" || a == "--assets" ||
                   a == "--screenshot" || a == "--at" || a == "--screen" || a == "--bind" ||
                   a == "--viewport" || a == "--region" || a == "--scene") {
            auto v = value();
            if (!v) return model::Error{v.error()};
            if (a == "--config") o.config_path = v.value();
            if (a == "--layout") o.layout_path = v.value();
            if (a == "--feed") o.feed = v.value();
            if (a == "--assets") o.assets_dir = v.value();
            if (a == "--at") o.at = v.value();
            if (a == "--screen") o.screen = v.value();
            if (a == "--bind") o.bind = v.value();
            if (a == "--viewport") {
                auto spec = config::parse_viewport(v.value());
                if (!spec) return model::Error{"command line: --viewport: " + spec.error()};
                o.viewport = spec.value();
            }
            if (a == "--scene") o.scene = v.value();
            if (a == "--region") {
                if (!config::is_region_code(v.value())) {
                    return model::Error{
                        "command line: --region: expected an ISO 3166-2 code like "
                        "RU-KHA, got \"" +
                        v.value() + "\""};
                }
                o.region = v.value();
            }
            if (a == "--screenshot") {
                o.command = Command::screenshot;
                o.output = v.value();
            }
        } else if (a == "--size" || a == "--windowed") {
            auto v = value();
            if (!v) return model::Error{v.error()};
            int w = 0, h = 0;
            if (!parse_size(v.value(), w, h)) {
                return model::Error{"command line: " + std::string(a) +
                                    ": expected WIDTHxHEIGHT (64..16384), got \"" + v.value() +
                                    "\""};
            }
            if (a == "--size")
                o.width = w, o.height = h;
            else
                o.windowed = std::make_pair(w, h);
        } else if (a == "--port" || a == "--seed" || a == "--scale") {
            auto v = value();
            if (!v) return model::Error{v.error()};
            bool ok = false;
            if (a == "--port")
                ok = parse_number(v.value(), o.port) && o.port >= 0 && o.port < 65536;
            if (a == "--seed") ok = parse_number(v.value(), o.seed);
            if (a == "--scale")
                ok = parse_number(v.value(), o.demo_scale) && o.demo_scale > 0 &&
                     o.demo_scale <= 200;
            if (!ok) {
                return model::Error{"command line: " + std::string(a) + ": bad number \"" +
                                    v.value() + "\""};
            }
        } else if (!a.empty() && a[0] == '-') {
            return model::Error{"command line: unknown option \"" + std::string(a) + "\""};
        } else {
            o.positional.emplace_back(a);
        }
    }
    if (o.command == Command::screenshot && !o.feed && !o.demo && !o.config_path) {
        return model::Error{
            "command line: --screenshot needs --feed FILE|URL, --demo or --config FILE"};
    }
    if (o.command == Command::ctl && (o.positional.empty() || o.positional.size() > 2)) {
        return model::Error{"command line: ctl needs freeze [SCREEN], unfreeze or status"};
    }
    if ((o.command == Command::check_layout || o.command == Command::check_config) &&
        o.positional.size() != 1) {
        return model::Error{"command line: expected exactly one FILE"};
    }
    if (o.command == Command::check_region) {
        if (o.positional.size() != 1 || !config::is_region_code(o.positional.front())) {
            return model::Error{"command line: check-region needs one ISO 3166-2 code like RU-KHA"};
        }
        o.region = o.positional.front();
    }
    return o;
}

}  // namespace tsur::app
