// The wall's daily history book on disk (<state dir>/history.json): loaded at start-up, updated
// from every published snapshot, saved atomically and not more often than the flash deserves.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "app/logger.hpp"
#include "model/history_book.hpp"
#include "model/region.hpp"
#include "model/result.hpp"
#include "model/snapshot.hpp"

namespace tsur::app {

/// "history.json", or "demo-history.json" so a demo never mixes into the real region's history.
std::filesystem::path history_file(const std::filesystem::path& state_dir, bool demo);

/// Owns the history book and its file. Construct and load() before the io thread runs; after
/// that, io thread only (the feed's ingest, its on_publish callback and the final flush()).
class HistoryStore {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::minutes kDefaultSaveEvery{15};

    HistoryStore(std::filesystem::path file, std::shared_ptr<const model::Region> region,
                 Logger& log, std::chrono::minutes save_every = kDefaultSaveEvery);

    /// Reads the file: none yet means an empty book; one that does not decode is logged once,
    /// renamed to PATH.bad (kept for a person to look at) and the book starts empty.
    void load();

    /// Gives a document without history the book's (model::fill_history), keyed by the
    /// document's municipality list; changes nothing and touches no file, so it may run before
    /// the document is accepted.
    void fill(model::FeedDocument& doc) const;

    /// Records a published snapshot's incidents, then saves if due: the first change since
    /// start-up, a new local day, or `save_every` since the last save. A snapshot with the
    /// document's own municipality list re-keys the book to that list by id first, and one
    /// without it back to the wall's list; counts under ids the new list lacks are dropped then.
    void record(const model::Snapshot& snapshot, Clock::time_point now = Clock::now());

    /// Saves now if anything changed since the last save (shutdown). True when it wrote.
    model::Result<bool> flush();

    const model::HistoryBook& book() const { return book_; }
    const std::filesystem::path& path() const { return file_; }

private:
    model::Result<bool> save();

    std::filesystem::path file_;
    void follow_region(const std::shared_ptr<const model::Region>& region);

    std::shared_ptr<const model::Region> configured_;  ///< the wall's own list (CSV or pack)
    std::shared_ptr<const model::Region> region_;      ///< the list the book is keyed by now
    Logger& log_;
    std::chrono::minutes save_every_;
    model::HistoryBook book_;
    bool dirty_ = false;
    std::optional<Clock::time_point> last_save_;
    std::optional<std::chrono::sys_days> last_save_day_;
    std::chrono::sys_days newest_day_{};
};

}  // namespace tsur::app
