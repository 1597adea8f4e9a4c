// The one rule for keeping feed secrets out of logs, /healthz, /metrics and error text.
#pragma once

#include <string>
#include <string_view>

namespace tsur::model {

/// What a redacted secret is replaced with.
inline constexpr std::string_view kRedacted = "REDACTED";

/// Copies `text` with every URL in it (scheme "://" …, up to a blank or quote) stripped of its
/// secrets: user info ("user:password@") and every query value ("?api_key=…&page=…" keeps the
/// keys, not the values). Text without "://" comes back unchanged. Pure; any thread.
std::string redact_secrets(std::string_view text);

}  // namespace tsur::model
