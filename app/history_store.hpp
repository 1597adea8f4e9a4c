// The wall's daily history book on disk (<state dir>/history.json): loaded at start-up, updated
// from every feed document, saved atomically and not more often than the flash deserves.
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
/// that, io thread only (the feed client's document hook and the final flush() at shutdown).
class HistoryStore {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::minutes kDefaultSaveEvery{15};

    HistoryStore(std::filesystem::path file, std::shared_ptr<const model::Region> region,
                 Logger& log, std::chrono::minutes save_every = kDefaultSaveEvery);

    /// Reads the file: none yet means an empty book; one that does not decode is logged once,
    /// renamed to PATH.bad (kept for a person to look at) and the book starts empty.
    void load();

    /// Records the document's incidents and gives it the book's history when it has none
    /// (model::apply_history_book), then saves if due: the first change since start-up, a new
    /// local day, or `save_every` since the last save.
    void on_document(model::FeedDocument& doc, Clock::time_point now = Clock::now());

    /// Saves now if anything changed since the last save (shutdown). True when it wrote.
    model::Result<bool> flush();

    const model::HistoryBook& book() const { return book_; }
    const std::filesystem::path& path() const { return file_; }

private:
    model::Result<bool> save();

    std::filesystem::path file_;
    std::shared_ptr<const model::Region> region_;
    Logger& log_;
    std::chrono::minutes save_every_;
    model::HistoryBook book_;
    bool dirty_ = false;
    std::optional<Clock::time_point> last_save_;
    std::optional<std::chrono::sys_days> last_save_day_;
    std::chrono::sys_days newest_day_{};
};

}  // namespace tsur::app
