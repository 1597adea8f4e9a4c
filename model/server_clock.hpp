// The wall's estimate of server time: local clock + an offset learned from the feed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "model/time.hpp"

namespace tsur::model {

/// Written by the io thread (set_offset), read by any thread (now); lock-free.
class ServerClock {
public:
    /// Server time = local system clock + offset.
    void set_offset(std::chrono::milliseconds offset) { offset_ms_.store(offset.count()); }
    std::chrono::milliseconds offset() const {
        return std::chrono::milliseconds{offset_ms_.load()};
    }
    TimePoint now() const {
        return std::chrono::floor<Seconds>(std::chrono::system_clock::now() + offset());
    }

private:
    std::atomic<std::int64_t> offset_ms_{0};
};

}  // namespace tsur::model
