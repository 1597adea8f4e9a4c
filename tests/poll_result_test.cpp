// The poll results' one id table: every result has its own /metrics label that reads back, and
// the table says which results are successes and which are refused answers.
#include "state/poll_result.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tsur::net {
namespace {

TEST(PollResult, EveryResultHasItsOwnNameThatReadsBack) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < kPollResultCount; ++i) {
        const auto result = static_cast<PollResult>(i);
        const std::string_view name = id_of(result);
        EXPECT_FALSE(name.empty()) << "result " << i;
        EXPECT_TRUE(names.insert(name).second) << "two results are called " << name;
        EXPECT_EQ(poll_result_from_id(name), result) << name;
    }
    EXPECT_EQ(poll_result_from_id("OK"), std::nullopt);
    EXPECT_EQ(poll_result_from_id(""), std::nullopt);
}

TEST(PollResult, OnlyAnAnswerIsASuccessAndARefusedDocumentIsNoOutage) {
    std::set<std::string_view> successes, refusals;
    for (const auto& row : kPollResults) {
        if (row.success) successes.insert(row.id);
        if (row.content_failure) refusals.insert(row.id);
        EXPECT_FALSE(row.success && row.content_failure) << row.id;
    }
    EXPECT_EQ(successes, (std::set<std::string_view>{"ok", "not_modified"}));
    EXPECT_EQ(refusals, (std::set<std::string_view>{"bad_document", "as_of_backwards",
                                                    "as_of_future", "all_rejected"}));
    EXPECT_TRUE(is_success(PollResult::not_modified));
    EXPECT_FALSE(is_success(PollResult::timeout));
    EXPECT_TRUE(is_content_failure(PollResult::all_rejected));
    EXPECT_FALSE(is_content_failure(PollResult::http_5xx));
}

}  // namespace
}  // namespace tsur::net
