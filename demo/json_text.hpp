// Appending JSON text fast: escaped strings, fixed-point numbers, RFC 3339 instants.
#pragma once

#include <string>
#include <string_view>

#include "model/time.hpp"

namespace tsur::net {

/// Appends `text` as a JSON string literal (quotes included). UTF-8 passes through; quotes,
/// backslashes and control characters are escaped.
void append_json_string(std::string& out, std::string_view text);
/// Appends `value` with `decimals` digits after the point ("56.84976").
void append_fixed(std::string& out, double value, int decimals);
/// Appends an integer.
void append_int(std::string& out, long long value);
/// Appends "\"2026-11-23T10:15:00Z\"" without allocating.
void append_rfc3339_quoted(std::string& out, model::TimePoint t);

}  // namespace tsur::net
