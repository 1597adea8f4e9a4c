// Durations are integers with a unit so that "1.5h" is rejected rather than silently rounded.
#include "config/duration.hpp"

#include <charconv>

namespace tsur::config {

std::optional<model::Seconds> parse_duration(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    const std::string_view digits = text.substr(0, text.size() - 1);
    long long n = 0;
    const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (res.ec != std::errc{} || res.ptr != digits.data() + digits.size() || n <= 0 ||
        n > 10'000'000) {
        return std::nullopt;
    }
    switch (unit) {
        case 's':
            return model::Seconds{n};
        case 'm':
            return model::Seconds{n * 60};
        case 'h':
            return model::Seconds{n * 3600};
        case 'd':
            return model::Seconds{n * 86400};
        default:
            return std::nullopt;
    }
}

}  // namespace tsur::config
