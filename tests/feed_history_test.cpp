// The wall's own history and the feed client together: a document's history is filled in before
// its snapshot is built, the book records it only once the snapshot is on the wall (recording may
// wait for the disk), and a refused document leaves no trace in the book.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <fstream>
#include <optional>
#include <string>

#include "app/feed_source.hpp"
#include "app/history_store.hpp"
#include "feed/feed_client.hpp"
#include "model/history_codec.hpp"
#include "model/sla_rules.hpp"
#include "model/spike_detector.hpp"
#include "support/fault_feed_document.hpp"
#include "support/region_fixture.hpp"
#include "support/temp_dir.hpp"

namespace tsur {
namespace {

namespace chr = std::chrono;

class FeedHistory : public ::testing::Test {
protected:
    /// Serves `document` as the feed file and runs one poll to its end.
    net::PollOutcome poll(const std::string& document) {
        std::ofstream(feed_file_, std::ios::trunc) << document;
        std::optional<net::PollOutcome> outcome;
        client_.fetch_once([&](const net::PollOutcome& o) { outcome = o; });
        io_.restart();
        io_.run();
        EXPECT_TRUE(outcome.has_value());
        return outcome.value_or(net::PollOutcome{});
    }

    net::FeedClientConfig config() const {
        net::FeedClientConfig c;
        c.url = "file://" + feed_file_.string();
        return c;
    }

    std::string book_text() const { return model::encode_history(history_.book(), *region_); }

    test::TempDir dir_;
    std::filesystem::path feed_file_ = dir_.path / "feed.json";
    std::shared_ptr<const model::Region> region_ =
        std::make_shared<const model::Region>(test::udmurtia_region());
    std::shared_ptr<const model::SlaRules> rules_ =
        std::make_shared<const model::SlaRules>(model::SlaRules::defaults());
    app::Logger log_{app::LoggerOptions{}, [](std::string_view) {}};
    app::HistoryStore history_{app::history_file(dir_.path, false), region_, log_};
    boost::asio::io_context io_;
    net::SnapshotStore store_;
    net::FeedStats stats_;
    model::ServerClock clock_;
    std::optional<bool> book_empty_at_ingest_;
    net::FeedClient client_{io_,
                            config(),
                            [this](std::string_view body) {
                                book_empty_at_ingest_ = history_.book().empty();
                                return app::make_ingest(app::v1_parser(region_), region_, rules_,
                                                        &history_)(body);
                            },
                            store_,
                            stats_,
                            clock_};
    const model::TimePoint as_of_ =
        chr::floor<model::Seconds>(chr::system_clock::now()) - chr::hours(1);
};

TEST_F(FeedHistory, RecordedOnlyOnceTheSnapshotIsOnTheWall) {
    model::SnapshotPtr shown_while_recording;
    client_.on_publish([this, &shown_while_recording](const model::SnapshotPtr& snapshot) {
        shown_while_recording = store_.current();
        history_.record(*snapshot);
    });
    const auto outcome = poll(test::fault_feed_document(as_of_));
    ASSERT_EQ(outcome.result, net::PollResult::ok) << outcome.message;
    const auto shown = store_.current();
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown_while_recording, shown) << "recorded before the snapshot was published";
    EXPECT_EQ(book_empty_at_ingest_, true) << "the ingest recorded into the book";

    // The filled history already counts the document's own records, as the book now does.
    const auto today = model::local_day(as_of_, region_->utc_offset);
    const auto izhevsk = *region_->find("izhevsk");
    std::uint32_t filled = 0;
    for (const auto& d : shown->history) {
        if (d.municipality == izhevsk && d.sector == model::Sector::roads) filled += d.count;
    }
    EXPECT_EQ(filled, history_.book().count(today, izhevsk, model::Sector::roads));
    EXPECT_GE(filled, 1u);
}

TEST_F(FeedHistory, RefusedDocumentLeavesNoTraceInTheBook) {
    client_.on_publish([this](const model::SnapshotPtr& snapshot) { history_.record(*snapshot); });
    ASSERT_EQ(poll(test::fault_feed_document(as_of_)).result, net::PollResult::ok);
    const std::string recorded = book_text();

    // Older than the shown snapshot, with one more record: refused, so the book must not count it.
    const auto older = test::fault_feed_document(
        as_of_ - chr::hours(1),
        test::fault_record(
            "UD-OLD", "\"created_at\": \"" + model::format_rfc3339(as_of_ - chr::hours(3)) + "\""));
    const auto outcome = poll(older);
    ASSERT_EQ(outcome.result, net::PollResult::as_of_backwards) << outcome.message;
    EXPECT_EQ(book_text(), recorded);
}

}  // namespace
}  // namespace tsur
