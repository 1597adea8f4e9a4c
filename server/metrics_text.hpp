// Writer of the Prometheus text exposition format (version 0.0.4): HELP/TYPE lines, samples with
// escaped labels, and numbers as Prometheus parses them (NaN, +Inf, exact integers).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace tsur::net {

inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

using MetricLabel = std::pair<std::string_view, std::string_view>;

/// Builds one /metrics body. Call family() once per metric name before its samples. One thread.
class MetricsText {
public:
    /// "# HELP name help" and "# TYPE name type" (type: counter, gauge, histogram, summary).
    void family(std::string_view name, std::string_view type, std::string_view help);
    /// "name{k="v",...} value".
    void sample(std::string_view name, std::initializer_list<MetricLabel> labels, double value);
    void sample(std::string_view name, double value) { sample(name, {}, value); }

    const std::string& text() const { return text_; }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

/// Label values escape \, " and newline; HELP text escapes \ and newline.
std::string escape_label_value(std::string_view v);
/// Integers print without exponent or fraction; NaN and infinities as Prometheus spells them.
std::string format_metric_value(double v);

}  // namespace tsur::net
