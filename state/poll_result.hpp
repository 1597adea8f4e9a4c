// How one feed poll ended: the closed vocabulary of /metrics' tsur_polls_total labels, /healthz
// and the log, with what each result means for the wall, in one table.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tsur::net {

enum class PollResult : std::uint8_t {
    ok,
    not_modified,
    timeout,
    connect_failed,
    dns_failed,
    tls_failed,
    file_unreadable,
    bad_encoding,
    too_large,
    http_4xx,
    http_5xx,
    http_other,
    transfer_failed,
    token_unreadable,
    bad_document,
    as_of_backwards,
    as_of_future,
    all_rejected,
};
inline constexpr std::size_t kPollResultCount = 18;

/// One row of kPollResults: the id (a /metrics label: never rename one), whether the poll counts
/// as a success, and whether the server answered but its document was refused (retrying sooner
/// cannot help, and the screen says the answer was refused rather than "no connection").
struct PollResultInfo {
    std::string_view id;
    bool success;
    bool content_failure;
};

/// Indexed by PollResult.
inline constexpr std::array<PollResultInfo, kPollResultCount> kPollResults = {{
    {"ok", true, false},
    {"not_modified", true, false},
    {"timeout", false, false},
    {"connect_failed", false, false},
    {"dns_failed", false, false},
    {"tls_failed", false, false},
    {"file_unreadable", false, false},
    {"bad_encoding", false, false},
    {"too_large", false, false},
    {"http_4xx", false, false},
    {"http_5xx", false, false},
    {"http_other", false, false},
    {"transfer_failed", false, false},
    {"token_unreadable", false, false},
    {"bad_document", false, true},
    {"as_of_backwards", false, true},
    {"as_of_future", false, true},
    {"all_rejected", false, true},
}};

static_assert(static_cast<std::size_t>(PollResult::all_rejected) + 1 == kPollResultCount);

constexpr const PollResultInfo& info_of(PollResult r) {
    return kPollResults[static_cast<std::size_t>(r)];
}
constexpr std::string_view id_of(PollResult r) { return info_of(r).id; }
constexpr bool is_success(PollResult r) { return info_of(r).success; }
constexpr bool is_content_failure(PollResult r) { return info_of(r).content_failure; }

/// The result whose id is `id`; nullopt when there is none.
constexpr std::optional<PollResult> poll_result_from_id(std::string_view id) {
    for (std::size_t i = 0; i < kPollResultCount; ++i) {
        if (kPollResults[i].id == id) return static_cast<PollResult>(i);
    }
    return std::nullopt;
}

}  // namespace tsur::net
