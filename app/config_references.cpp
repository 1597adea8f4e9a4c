// The layout is parsed with the widget table of this binary and the region pack with the loader
// the wall starts with, so "OK" here means the wall will show what the config names.
#include "app/config_references.hpp"

#include "app/file_io.hpp"
#include "app/frame_plan.hpp"
#include "app/layout_file.hpp"
#include "app/wall_assets.hpp"
#include "config/layout_parser.hpp"
#include "sys/private_files.hpp"

namespace tsur::app {
namespace fs = std::filesystem;

std::vector<ConfigReferenceProblem> check_config_references(const config::AppConfig& config,
                                                            const fs::path& data_dir) {
    std::vector<ConfigReferenceProblem> out;
    if (auto assets = load_wall_assets(data_dir, config.region); !assets) {
        out.push_back({"region", "region pack " + config.region + ": " + assets.error()});
    }
    if (!config.layout.empty()) {
        const fs::path path = resolve_layout_path(config.layout, data_dir);
        auto text = read_text_file(path, 4u << 20);
        if (!text) {
            out.push_back({"layout", "\"" + config.layout + "\": " + text.error() +
                                         " (expected a shipped layout name or a layout file)"});
        } else {
            const auto types = widget_type_names();
            const auto check = config::check_layout(text.value(), path.string(), types);
            for (const auto& p : check.problems) {
                out.push_back({"layout", config::format_problem(path.string(), p)});
            }
        }
    }
    if (config.feed.token_file) {
        if (auto p = net::secret_file_problem(*config.feed.token_file); !p.empty()) {
            out.push_back({"feed.token_file", p});
        }
    }
    if (config.status_server.enabled && config.status_server.token_file) {
        if (auto p = net::secret_file_problem(*config.status_server.token_file); !p.empty()) {
            out.push_back({"status_server.token_file", p});
        }
    }
    return out;
}

}  // namespace tsur::app
