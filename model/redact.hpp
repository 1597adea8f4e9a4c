// The one rule for keeping feed secrets out of logs, /healthz, /metrics and error text.
#pragma once

#include <string>
#include <string_view>

namespace tsur::model {

/// What a redacted secret is replaced with.
inline constexpr std::string_view kRedacted = "REDACTED";

/// Copies `text` with every URL in it (scheme "://" …, up to a blank or quote) stripped of its
/// secrets: user info ("user:password@") and every query value ("?api_key=…" keeps the key, not
/// the value) except those of the paging and window keys the wall adds itself (page, page_size,
/// per_page, start_date, end_date). Text without "://" comes back unchanged. Pure; any thread.
std::string redact_secrets(std::string_view text);

/// redact_secrets(text), and then every secret of `url` (its user info, and each query value of
/// 8 characters or more) removed wherever it appears: a server may echo a key in its error text.
std::string redact_secrets(std::string_view text, std::string_view url);

}  // namespace tsur::model
