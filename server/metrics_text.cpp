// Counters reach 2^53 only after centuries at our rates, so a double holds them exactly; printing
// them as integers keeps the output diffable and free of exponents.
#include "server/metrics_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace tsur::net {
namespace {

std::string escape_help(std::string_view v) {
    std::string out;
    for (const char c : v) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string escape_label_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (const char c : v) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string format_metric_value(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[40];
    if (v == std::trunc(v) && std::fabs(v) < 9.007199254740992e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    // Shortest text that reads back as the same double: 0.1, not 0.10000000000000001.
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

void MetricsText::family(std::string_view name, std::string_view type, std::string_view help) {
    text_ += "# HELP ";
    text_ += name;
    text_ += ' ';
    text_ += escape_help(help);
    text_ += "\n# TYPE ";
    text_ += name;
    text_ += ' ';
    text_ += type;
    text_ += '\n';
}

void MetricsText::sample(std::string_view name, std::initializer_list<MetricLabel> labels,
                         double value) {
    text_ += name;
    if (labels.size() > 0) {
        text_ += '{';
        bool first = true;
        for (const auto& [key, val] : labels) {
            if (!first) text_ += ',';
            first = false;
            text_ += key;
            text_ += "=\"";
            text_ += escape_label_value(val);
            text_ += '"';
        }
        text_ += '}';
    }
    text_ += ' ';
    text_ += format_metric_value(value);
    text_ += '\n';
}

}  // namespace tsur::net
