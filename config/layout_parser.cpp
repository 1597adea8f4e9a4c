// The layout document: screens (grid, cells), playlist, schedule and burn-in. Cross-field rules
// (cells inside the grid, no overlaps, playlist naming real screens) are checked here.
#include "config/layout_parser.hpp"

#include <map>
#include <set>

#include "config/layout_json.hpp"

namespace tsur::config {

using detail::element;
using detail::member;
using detail::Reader;
using nlohmann::json;

namespace {

std::vector<float> read_fractions(Reader& r, const json& obj, const std::string& path,
                                  std::string_view key) {
    const json* v = r.field(obj, path, key, false);
    if (!v) return {1.0f};
    const std::string p = member(path, key);
    bool ok = v->is_array() && !v->empty() && v->size() <= 24;
    std::vector<float> out;
    for (std::size_t i = 0; ok && i < v->size(); ++i) {
        const json& f = (*v)[i];
        ok = f.is_number() && f.get<double>() > 0 && f.get<double>() <= 1000;
        if (ok) out.push_back(f.get<float>());
    }
    if (!ok) {
        r.problem(p,
                  "expected an array of 1 to 24 positive relative sizes such as [0.6, 0.4], "
                  "got " +
                      v->dump());
        return {1.0f};
    }
    return out;
}

Cell read_cell(Reader& r, const json& obj, const std::string& path, int ncols, int nrows,
               std::span<const std::string_view> widget_types) {
    Cell c;
    if (!obj.is_object()) {
        r.problem(path, "expected an object {\"col\", \"row\", \"span\", \"widget\"}, got " +
                            detail::type_name(obj));
        return c;
    }
    r.check_keys(obj, path, {"col", "row", "span", "widget"});
    const auto col = r.integer(obj, path, "col", true, 0, 1000);
    const auto row = r.integer(obj, path, "row", true, 0, 1000);
    if (const json* span = r.field(obj, path, "span", false)) {
        auto in_range = [](const json& v) {
            return v.is_number_integer() && v.get<long long>() >= 1 && v.get<long long>() <= 24;
        };
        if (span->is_array() && span->size() == 2 && in_range((*span)[0]) && in_range((*span)[1])) {
            c.col_span = (*span)[0].get<int>();
            c.row_span = (*span)[1].get<int>();
        } else {
            r.problem(member(path, "span"),
                      "expected [columns, rows], whole numbers from 1 to 24, got " + span->dump());
        }
    }
    if (col) c.col = static_cast<int>(*col);
    if (row) c.row = static_cast<int>(*row);
    if (col && c.col >= ncols) {
        r.problem(member(path, "col"), "column " + std::to_string(c.col) +
                                           " is outside the grid (columns 0.." +
                                           std::to_string(ncols - 1) + ")");
    } else if (col && c.col + c.col_span > ncols) {
        r.problem(member(path, "span"), "the cell spans columns " + std::to_string(c.col) + ".." +
                                            std::to_string(c.col + c.col_span - 1) +
                                            " but the grid has columns 0.." +
                                            std::to_string(ncols - 1));
    }
    if (row && c.row >= nrows) {
        r.problem(member(path, "row"), "row " + std::to_string(c.row) +
                                           " is outside the grid (rows 0.." +
                                           std::to_string(nrows - 1) + ")");
    } else if (row && c.row + c.row_span > nrows) {
        r.problem(member(path, "span"), "the cell spans rows " + std::to_string(c.row) + ".." +
                                            std::to_string(c.row + c.row_span - 1) +
                                            " but the grid has rows 0.." +
                                            std::to_string(nrows - 1));
    }
    if (const json* w = r.field(obj, path, "widget", true)) {
        c.widget = detail::read_widget(r, *w, member(path, "widget"), widget_types);
    }
    return c;
}

/// Reports every cell that covers a grid position already taken by an earlier cell.
void check_overlaps(Reader& r, const std::vector<Cell>& cells, const std::string& path, int ncols,
                    int nrows) {
    std::map<std::pair<int, int>, std::size_t> owner;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        bool reported = false;
        for (int y = c.row; y < std::min(nrows, c.row + c.row_span) && !reported; ++y) {
            for (int x = c.col; x < std::min(ncols, c.col + c.col_span) && !reported; ++x) {
                const auto [it, fresh] = owner.emplace(std::pair{x, y}, i);
                if (fresh) continue;
                r.problem(element(path, i), "overlaps cells[" + std::to_string(it->second) +
                                                "] at column " + std::to_string(x) + ", row " +
                                                std::to_string(y) +
                                                " (expected each grid position in one cell)");
                reported = true;
            }
        }
    }
}

Screen read_screen(Reader& r, const json& obj, const std::string& path,
                   std::span<const std::string_view> widget_types) {
    Screen s;
    if (!obj.is_object()) {
        r.problem(path, "expected an object {\"id\", \"columns\", \"rows\", \"cells\"}, got " +
                            detail::type_name(obj));
        return s;
    }
    r.check_keys(obj, path, {"id", "columns", "rows", "gap_mm", "cells"});
    if (auto id = r.string(obj, path, "id", true)) {
        if (id->empty()) r.problem(member(path, "id"), "expected a non-empty screen id");
        s.id = *id;
    }
    s.columns = read_fractions(r, obj, path, "columns");
    s.rows = read_fractions(r, obj, path, "rows");
    if (auto g = r.number(obj, path, "gap_mm", false, 0, 200)) s.gap_mm = static_cast<float>(*g);
    const json* cells = r.field(obj, path, "cells", true);
    if (!cells) return s;
    const std::string cp = member(path, "cells");
    if (!cells->is_array() || cells->empty()) {
        r.problem(cp, "expected a non-empty array of cells, got " + cells->dump());
        return s;
    }
    const int ncols = static_cast<int>(s.columns.size());
    const int nrows = static_cast<int>(s.rows.size());
    for (std::size_t i = 0; i < cells->size(); ++i) {
        s.cells.push_back(read_cell(r, (*cells)[i], element(cp, i), ncols, nrows, widget_types));
    }
    check_overlaps(r, s.cells, cp, ncols, nrows);
    return s;
}

std::vector<PlaylistEntry> read_playlist(Reader& r, const json& arr, const std::string& path,
                                         const std::vector<Screen>& screens) {
    std::vector<PlaylistEntry> out;
    if (!arr.is_array()) {
        r.problem(path, "expected an array of {\"screen\": ID, \"duration\": \"60s\"}, got " +
                            detail::type_name(arr));
        return out;
    }
    std::vector<std::string> ids;
    for (const auto& s : screens) ids.push_back(s.id);
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const std::string p = element(path, i);
        const json& e = arr[i];
        if (!e.is_object()) {
            r.problem(p,
                      "expected an object {\"screen\", \"duration\"}, got " + detail::type_name(e));
            continue;
        }
        r.check_keys(e, p, {"screen", "duration"});
        PlaylistEntry entry;
        const auto screen = r.string(e, p, "screen", true);
        const auto duration = r.duration(e, p, "duration", true);
        if (screen) {
            const auto it = std::find(ids.begin(), ids.end(), *screen);
            if (it == ids.end()) {
                r.problem(member(p, "screen"),
                          "unknown screen \"" + *screen +
                              "\" (expected one of: " + detail::join_range(ids) + ")");
            } else {
                entry.screen = *screen;
                entry.screen_index = static_cast<std::size_t>(it - ids.begin());
            }
        }
        if (duration) entry.duration = *duration;
        if (screen && duration) out.push_back(entry);
    }
    return out;
}

BurnIn read_burn_in(Reader& r, const json& obj, const std::string& path) {
    BurnIn b;
    if (!obj.is_object()) {
        r.problem(path,
                  "expected an object {\"amplitude_px\", \"step\"}, got " + detail::type_name(obj));
        return b;
    }
    r.check_keys(obj, path, {"amplitude_px", "step"});
    if (auto a = r.integer(obj, path, "amplitude_px", true, 0, 8))
        b.amplitude_px = static_cast<int>(*a);
    if (auto s = r.duration(obj, path, "step", false)) b.step = *s;
    return b;
}

}  // namespace

LayoutCheck check_layout(std::string_view text, std::string_view file_name,
                         std::span<const std::string_view> widget_types) {
    LayoutCheck out;
    Reader r(out.problems);
    json doc;
    try {
        doc = json::parse(text, nullptr, true, /*ignore_comments=*/true);
    } catch (const json::exception& e) {
        // e.what() says "at line L, column C", which is how a person finds the spot.
        r.problem("", std::string("not valid JSON: ") + e.what());
        return out;
    }
    (void)file_name;  // problems carry paths; the caller prefixes the file name when printing
    if (!doc.is_object()) {
        r.problem("", "expected a JSON object at the top level, got " + detail::type_name(doc));
        return out;
    }
    Layout& layout = out.layout;
    r.check_keys(doc, "", {"name", "wall", "screens", "playlist", "schedule", "burn_in"});
    if (auto name = r.string(doc, "", "name", false)) layout.name = *name;
    if (const json* wall = r.field(doc, "", "wall", true)) {
        layout.wall = detail::read_wall(r, *wall, "wall");
    }
    if (const json* screens = r.field(doc, "", "screens", true)) {
        if (!screens->is_array() || screens->empty()) {
            r.problem("screens", "expected a non-empty array of screens, got " + screens->dump());
        } else {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < screens->size(); ++i) {
                const std::string p = element("screens", i);
                layout.screens.push_back(read_screen(r, (*screens)[i], p, widget_types));
                const std::string& id = layout.screens.back().id;
                if (!id.empty() && !seen.insert(id).second) {
                    r.problem(member(p, "id"), "screen id \"" + id +
                                                   "\" is used twice "
                                                   "(expected unique ids)");
                }
            }
        }
    }
    if (const json* playlist = r.field(doc, "", "playlist", false)) {
        layout.playlist = read_playlist(r, *playlist, "playlist", layout.screens);
    }
    if (const json* schedule = r.field(doc, "", "schedule", false)) {
        layout.schedule = detail::read_schedule(r, *schedule, "schedule");
    }
    if (const json* burn_in = r.field(doc, "", "burn_in", false)) {
        layout.burn_in = read_burn_in(r, *burn_in, "burn_in");
    }
    return out;
}

std::string format_problem(std::string_view file_name, const LayoutProblem& problem) {
    std::string out(file_name);
    out += ": ";
    if (!problem.json_path.empty()) out += problem.json_path + ": ";
    out += problem.message;
    return out;
}

model::Result<Layout> parse_layout(std::string_view text, std::string_view file_name,
                                   std::span<const std::string_view> widget_types) {
    LayoutCheck check = check_layout(text, file_name, widget_types);
    if (check.ok()) return std::move(check.layout);
    std::string message;
    for (const auto& p : check.problems) {
        if (!message.empty()) message += '\n';
        message += format_problem(file_name, p);
    }
    return model::Error{message};
}

}  // namespace tsur::config
