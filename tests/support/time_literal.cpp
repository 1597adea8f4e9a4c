// A malformed literal is a bug in the test, so it throws: GoogleTest reports the exception and
// the text inside the test that wrote it, and a static constant's typo stops the run at start.
#include "support/time_literal.hpp"

#include <stdexcept>
#include <string>

namespace tsur::test {

model::TimePoint at(std::string_view rfc3339) {
    const auto t = model::parse_rfc3339(rfc3339);
    if (!t) {
        throw std::invalid_argument("not an RFC 3339 time: \"" + std::string(rfc3339) + "\"");
    }
    return *t;
}

}  // namespace tsur::test
