// Closed vocabularies of the feed: sector, channel, status, priority, with their wire ids.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tsur::model {

enum class Sector : std::uint8_t {
    housing,
    roads,
    waste,
    healthcare,
    education,
    transport,
    energy,
    social,
    other
};
inline constexpr std::size_t kSectorCount = 9;
inline constexpr std::array<std::string_view, kSectorCount> kSectorIds = {
    "housing",   "roads",  "waste",  "healthcare", "education",
    "transport", "energy", "social", "other"};

enum class Channel : std::uint8_t { vk, ok, telegram, pos, hotline, letter, app, media };
inline constexpr std::size_t kChannelCount = 8;
inline constexpr std::array<std::string_view, kChannelCount> kChannelIds = {
    "vk", "ok", "telegram", "pos", "hotline", "letter", "app", "media"};

enum class Status : std::uint8_t { new_, in_progress, answered, resolved, rejected };
inline constexpr std::size_t kStatusCount = 5;
inline constexpr std::array<std::string_view, kStatusCount> kStatusIds = {
    "new", "in_progress", "answered", "resolved", "rejected"};

enum class Priority : std::uint8_t { low, normal, high, critical };
inline constexpr std::size_t kPriorityCount = 4;
inline constexpr std::array<std::string_view, kPriorityCount> kPriorityIds = {"low", "normal",
                                                                              "high", "critical"};

/// Looks an id up in one of the tables above; nullopt when it is not there.
template <typename E, std::size_t N>
constexpr std::optional<E> enum_from_id(const std::array<std::string_view, N>& ids,
                                        std::string_view id) {
    for (std::size_t i = 0; i < N; ++i) {
        if (ids[i] == id) return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::optional<Sector> sector_from_id(std::string_view id) {
    return enum_from_id<Sector>(kSectorIds, id);
}
constexpr std::optional<Channel> channel_from_id(std::string_view id) {
    return enum_from_id<Channel>(kChannelIds, id);
}
constexpr std::optional<Status> status_from_id(std::string_view id) {
    return enum_from_id<Status>(kStatusIds, id);
}
constexpr std::optional<Priority> priority_from_id(std::string_view id) {
    return enum_from_id<Priority>(kPriorityIds, id);
}

constexpr std::string_view id_of(Sector s) { return kSectorIds[static_cast<std::size_t>(s)]; }
constexpr std::string_view id_of(Channel c) { return kChannelIds[static_cast<std::size_t>(c)]; }
constexpr std::string_view id_of(Status s) { return kStatusIds[static_cast<std::size_t>(s)]; }
constexpr std::string_view id_of(Priority p) { return kPriorityIds[static_cast<std::size_t>(p)]; }

constexpr std::size_t index_of(Sector s) { return static_cast<std::size_t>(s); }
constexpr std::size_t index_of(Channel c) { return static_cast<std::size_t>(c); }
constexpr std::size_t index_of(Status s) { return static_cast<std::size_t>(s); }

/// An incident is open while nobody has answered it yet.
constexpr bool is_open(Status s) { return s == Status::new_ || s == Status::in_progress; }

/// Social-network channels (the 24-hour rule of «Инцидент Менеджмент»).
constexpr bool is_social(Channel c) {
    return c == Channel::vk || c == Channel::ok || c == Channel::telegram;
}

}  // namespace tsur::model
