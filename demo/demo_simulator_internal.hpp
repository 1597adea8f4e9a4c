// Private parts of DemoSimulator shared by its source files: drawn incidents and the RNG.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_simulator.hpp"

namespace tsur::net {

/// An incident as drawn: enough to place it in time and decide whether the snapshot holds it.
struct DemoSimulator::Sim {
    std::int64_t hour = 0;  ///< UTC hours since the Unix epoch of its bucket
    std::uint32_t index = 0;
    std::uint8_t stream = 0;  ///< 0: the usual intake; k + 1: planted spike k
    model::MunicipalityIndex muni = 0;
    model::Sector sector = model::Sector::other;
    model::Channel channel = model::Channel::vk;
    model::Status final_status = model::Status::answered;
    bool explicit_due = false;
    model::TimePoint created{}, taken{}, answered{}, nominal_due{};
    std::uint64_t rng = 0;  ///< generator state after the lifecycle, for the details

    model::Status status_at(model::TimePoint now) const {
        if (now < taken) return model::Status::new_;
        if (now < answered) return model::Status::in_progress;
        return final_status;
    }
};

/// The parts only emitted incidents need (titles, places, agencies).
struct DemoSimulator::Details {
    model::Priority priority = model::Priority::normal;
    std::string title;
    std::string_view category;
    model::GeoPoint location;
    std::string_view agency;
};

/// Everything one generate() call draws.
struct DemoSimulator::Run {
    model::TimePoint now{};
    model::TimePoint history_start{};  ///< local midnight of the first history day, in UTC
    int history_days = 0;
    std::vector<std::uint32_t> history;  ///< [day][muni][sector]
    std::vector<Sim> incidents;          ///< the ones the snapshot holds, by creation hour
};

namespace demo {

/// km per degree of latitude (and of longitude at the equator).
inline constexpr double kKmPerDegree = 111.32;

/// splitmix64: tiny, fast, and the same on every platform (std distributions are not).
inline std::uint64_t next_u64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline double uniform(std::uint64_t& state) {
    return static_cast<double>(next_u64(state) >> 11) * 0x1.0p-53;
}

inline std::uint64_t seed_of(std::uint64_t seed, std::uint64_t stream, std::int64_t hour,
                             std::uint64_t index) {
    std::uint64_t s = seed;
    std::uint64_t h = next_u64(s) ^ (stream * 0x632BE59BD9B4E019ULL);
    h = next_u64(h) ^ static_cast<std::uint64_t>(hour);
    h = next_u64(h) ^ index;
    return next_u64(h);
}

inline int poisson(std::uint64_t& state, double lambda) {
    if (lambda <= 0.0) return 0;
    if (lambda < 40.0) {
        const double limit = std::exp(-lambda);
        double p = 1.0;
        int k = 0;
        do {
            ++k;
            p *= uniform(state);
        } while (p > limit);
        return k - 1;
    }
    // Normal approximation: exact Poisson sampling buys nothing at these rates.
    const double u1 = std::max(uniform(state), 1e-300);
    const double u2 = uniform(state);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    return std::max(0, static_cast<int>(std::lround(lambda + std::sqrt(lambda) * z)));
}

/// Index of the first cumulative weight above u * total.
template <typename Cum>
std::size_t pick(const Cum& cum, double u) {
    const double target = u * cum.back();
    std::size_t i = 0;
    while (i + 1 < cum.size() && cum[i] <= target) ++i;
    return i;
}

}  // namespace demo
}  // namespace tsur::net
