// Instants written in tests as RFC 3339 text ("2026-11-23T10:15:00Z"): the one helper every suite
// uses, so a typo in a literal fails loudly instead of dereferencing an empty optional.
#pragma once

#include <string_view>

#include "model/time.hpp"

namespace tsur::test {

/// The instant `rfc3339` names; throws std::invalid_argument, quoting the text, when it is
/// malformed.
model::TimePoint at(std::string_view rfc3339);

}  // namespace tsur::test
