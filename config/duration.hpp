// Human-written durations in config and layout files: "90s", "15m", "2h", "7d".
#pragma once

#include <optional>
#include <string_view>

#include "model/time.hpp"

namespace tsur::config {

/// Parses "<positive integer><unit>" with unit s, m, h or d; nullopt otherwise.
std::optional<model::Seconds> parse_duration(std::string_view text);

}  // namespace tsur::config
