// Reads layout files (JSON with comments) into config::Layout, reporting every problem found with
// its JSON path and what was expected, so one run of check-layout lists everything to fix.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/layout.hpp"
#include "model/result.hpp"

namespace tsur::config {

/// One thing wrong with a layout file: where ("screens[1].cells[3].widget.type") and what.
struct LayoutProblem {
    std::string json_path;  ///< empty for the document itself (syntax errors)
    std::string message;    ///< what is wrong and what was expected
};

/// The outcome of reading a layout file: `layout` is meaningful only when `problems` is empty.
struct LayoutCheck {
    Layout layout;
    std::vector<LayoutProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// Parses and validates a layout; collects every problem rather than stopping at the first.
/// `widget_types` is the set of valid widget type names (the app passes the names of
/// display::widget_table(), so config/ does not depend on display/). Pure; any thread.
LayoutCheck check_layout(std::string_view text, std::string_view file_name,
                         std::span<const std::string_view> widget_types);

/// The same as a Result: the error message holds every problem, one per line, each formatted by
/// format_problem().
model::Result<Layout> parse_layout(std::string_view text, std::string_view file_name,
                                   std::span<const std::string_view> widget_types);

/// "file: path: message" (or "file: message" when the path is empty).
std::string format_problem(std::string_view file_name, const LayoutProblem& problem);

}  // namespace tsur::config
