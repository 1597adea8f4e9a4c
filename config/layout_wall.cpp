// The physical part of a layout file: the panels of the wall and the opening-hours schedule.
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "config/layout_json.hpp"

namespace tsur::config::detail {

using nlohmann::json;

namespace {

constexpr std::int64_t kDay = 86400;

/// Reads a two-element array [a, b] of numbers within [min, max].
std::optional<std::array<double, 2>> read_pair(Reader& r, const json& obj, const std::string& path,
                                               std::string_view key, bool required, double min,
                                               double max, bool whole, std::string_view what) {
    const json* v = r.field(obj, path, key, required);
    if (!v) return std::nullopt;
    const std::string p = member(path, key);
    auto fits = [&](const json& e) {
        if (!e.is_number()) return false;
        const double d = e.get<double>();
        return d >= min && d <= max && (!whole || std::trunc(d) == d);
    };
    if (!v->is_array() || v->size() != 2 || !fits((*v)[0]) || !fits((*v)[1])) {
        json lo = min, hi = max;
        r.problem(p, "expected [" + std::string(what) + "], " +
                         (whole ? "whole numbers" : "numbers") + " from " + lo.dump() + " to " +
                         hi.dump() + ", got " + v->dump());
        return std::nullopt;
    }
    return std::array<double, 2>{(*v)[0].get<double>(), (*v)[1].get<double>()};
}

/// A bezel: one number for every side, or {"left", "top", "right", "bottom"}.
std::optional<Bezel> read_bezel(Reader& r, const json& v, const std::string& path, double max) {
    const json lo = 0, hi = max;
    const std::string range = "from " + lo.dump() + " to " + hi.dump();
    if (v.is_number()) {
        const double d = v.get<double>();
        if (d < 0 || d > max) {
            r.problem(path, "expected a width " + range + ", got " + v.dump());
            return std::nullopt;
        }
        const auto f = static_cast<float>(d);
        return Bezel{f, f, f, f, false};
    }
    if (!v.is_object()) {
        r.problem(path,
                  "expected a number (every side) or {\"left\", \"top\", \"right\", "
                  "\"bottom\"}, got " +
                      type_name(v));
        return std::nullopt;
    }
    r.check_keys(v, path, {"left", "top", "right", "bottom"});
    Bezel b;
    bool ok = true;
    auto side = [&](std::string_view key, float& out) {
        if (auto d = r.number(v, path, key, true, 0, max)) {
            out = static_cast<float>(*d);
        } else {
            ok = false;
        }
    };
    side("left", b.left);
    side("top", b.top);
    side("right", b.right);
    side("bottom", b.bottom);
    if (!ok) return std::nullopt;
    return b;
}

std::optional<int> day_index(std::string_view name) {
    static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};
    for (std::size_t i = 0; i < kDays.size(); ++i) {
        if (kDays[i] == name) return static_cast<int>(i);
    }
    return std::nullopt;
}

/// "mon-fri", "sat,sun", "fri-mon" (wraps), "daily" -> day flags (0 = Monday).
std::optional<std::array<bool, 7>> parse_days(std::string_view text) {
    std::array<bool, 7> days{};
    if (text == "daily") {
        days.fill(true);
        return days;
    }
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view token = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto dash = token.find('-');
        const auto first = day_index(token.substr(0, dash));
        const auto last =
            dash == std::string_view::npos ? first : day_index(token.substr(dash + 1));
        if (!first || !last) return std::nullopt;
        for (int d = *first;; d = (d + 1) % 7) {
            days[static_cast<std::size_t>(d)] = true;
            if (d == *last) break;
        }
        if (comma != std::string_view::npos && text.empty()) return std::nullopt;
    }
    return days;
}

/// "HH:MM" (00:00 .. 24:00) -> seconds since local midnight.
std::optional<std::int64_t> parse_clock(std::string_view text) {
    int h = 0, m = 0;
    char tail = 0;
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    const std::string s(text);
    if (std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2) return std::nullopt;
    if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return std::int64_t{h} * 3600 + std::int64_t{m} * 60;
}

}  // namespace

Wall read_wall(Reader& r, const json& obj, const std::string& path) {
    Wall w;
    if (!obj.is_object()) {
        r.problem(path, "expected an object, got " + type_name(obj));
        return w;
    }
    r.check_keys(obj, path,
                 {"panels", "panel_px", "panel_mm", "bezel_mm", "bezel_px", "viewing_distance_m"});
    if (auto p = read_pair(r, obj, path, "panels", true, 1, 16, true, "columns, rows")) {
        w.columns = static_cast<int>((*p)[0]);
        w.rows = static_cast<int>((*p)[1]);
    }
    const auto px = read_pair(r, obj, path, "panel_px", true, 64, 16384, true, "width, height");
    if (px) {
        w.panel_width_px = static_cast<int>((*px)[0]);
        w.panel_height_px = static_cast<int>((*px)[1]);
    }
    const auto mm = read_pair(r, obj, path, "panel_mm", true, 50, 5000, false, "width, height");
    if (mm) {
        w.panel_width_mm = static_cast<float>((*mm)[0]);
        w.panel_height_mm = static_cast<float>((*mm)[1]);
    }
    if (px && mm) {
        // Panels have square pixels; a mismatch means a typo in one of the four numbers.
        const double ratio = ((*mm)[0] / (*px)[0]) / ((*mm)[1] / (*px)[1]);
        if (std::abs(ratio - 1.0) > 0.05) {
            char msg[200];
            std::snprintf(msg, sizeof msg,
                          "%.0fx%.0f mm over %.0fx%.0f px gives non-square pixels (%.3f x %.3f "
                          "mm); expected the visible area of the panel",
                          (*mm)[0], (*mm)[1], (*px)[0], (*px)[1], (*mm)[0] / (*px)[0],
                          (*mm)[1] / (*px)[1]);
            r.problem(member(path, "panel_mm"), msg);
        }
    }
    const json* bezel_mm = r.field(obj, path, "bezel_mm", false);
    const json* bezel_px = r.field(obj, path, "bezel_px", false);
    if (bezel_mm && bezel_px) {
        r.problem(member(path, "bezel_px"), "give the bezel in bezel_mm or bezel_px, not both");
    } else if (bezel_mm) {
        if (auto b = read_bezel(r, *bezel_mm, member(path, "bezel_mm"), 100)) w.bezel = *b;
    } else if (bezel_px) {
        if (auto b = read_bezel(r, *bezel_px, member(path, "bezel_px"), 500)) {
            w.bezel = *b;
            w.bezel.in_px = true;
        }
    }
    if (auto d = r.number(obj, path, "viewing_distance_m", true, 0.3, 100)) {
        w.viewing_distance_m = static_cast<float>(*d);
    }
    // The renderer bakes fonts and draws into one surface per output; both have hard limits.
    constexpr long long kMaxCanvasPx = 16384;
    if (static_cast<long long>(w.columns) * w.panel_width_px > kMaxCanvasPx ||
        static_cast<long long>(w.rows) * w.panel_height_px > kMaxCanvasPx) {
        r.problem(member(path, "panels"), "the wall is " +
                                              std::to_string(w.columns * w.panel_width_px) + "x" +
                                              std::to_string(w.rows * w.panel_height_px) +
                                              " px; expected at most 16384 px across and down");
    }
    // Text legible at the distance (20 arcminutes) must leave room for content on the wall.
    const double wall_mm = static_cast<double>(w.rows) * w.panel_height_mm;
    const double text_mm = 2.0 * w.viewing_distance_m * 1000.0 *
                           std::tan(20.0 / 60.0 / 2.0 * std::numbers::pi / 180.0);
    if (mm && wall_mm > 0 && text_mm > wall_mm / 12.0) {
        char msg[200];
        std::snprintf(msg, sizeof msg,
                      "legible text at %.1f m is %.0f mm tall, more than a twelfth of the "
                      "wall's %.0f mm height; expected a distance under %.1f m",
                      static_cast<double>(w.viewing_distance_m), text_mm, wall_mm,
                      static_cast<double>(w.viewing_distance_m) * wall_mm / 12.0 / text_mm);
        r.problem(member(path, "viewing_distance_m"), msg);
    }
    return w;
}

Schedule read_schedule(Reader& r, const json& arr, const std::string& path) {
    Schedule s;
    if (!arr.is_array()) {
        r.problem(path,
                  "expected an array of {\"days\": \"mon-fri\", \"on\": \"08:00\", "
                  "\"off\": \"20:00\"}, got " +
                      type_name(arr));
        return s;
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const std::string p = element(path, i);
        const json& e = arr[i];
        if (!e.is_object()) {
            r.problem(p, "expected an object {\"days\", \"on\", \"off\"}, got " + type_name(e));
            continue;
        }
        r.check_keys(e, p, {"days", "on", "off"});
        std::optional<std::array<bool, 7>> days;
        if (auto text = r.string(e, p, "days", true)) {
            days = parse_days(*text);
            if (!days) {
                r.problem(member(p, "days"),
                          "expected days such as \"mon-fri\", \"sat,sun\" or "
                          "\"daily\" (mon tue wed thu fri sat sun), got \"" +
                              *text + "\"");
            }
        }
        auto clock = [&](std::string_view key) -> std::optional<std::int64_t> {
            auto text = r.string(e, p, key, true);
            if (!text) return std::nullopt;
            auto t = parse_clock(*text);
            if (!t) {
                r.problem(member(p, key),
                          "expected a local time \"HH:MM\" from 00:00 to 24:00, "
                          "got \"" +
                              *text + "\"");
            }
            return t;
        };
        const auto on = clock("on");
        const auto off = clock("off");
        if (!days || !on || !off) continue;
        if (*on == *off || *on == kDay) {
            r.problem(p,
                      "\"on\" and \"off\" must differ and \"on\" must be before 24:00 "
                      "(use 00:00-24:00 for a whole day)");
            continue;
        }
        // An "off" at or before "on" means the span runs past midnight into the next day.
        const std::int64_t length = *off > *on ? *off - *on : *off + kDay - *on;
        for (int d = 0; d < 7; ++d) {
            if (!(*days)[static_cast<std::size_t>(d)]) continue;
            const std::int64_t start = d * kDay + *on;
            s.on.push_back(OnInterval{start, start + length});
        }
    }
    return s;
}

}  // namespace tsur::config::detail
