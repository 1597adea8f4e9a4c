// The history is the only state the wall cannot fetch again (days older than the feed's 7-day
// window are gone from the feed), so a bad file is set aside rather than overwritten, and every
// write goes through fsync + rename. Writes are throttled: a poll every 30 s would otherwise
// rewrite the file 2880 times a day on an industrial PC's flash.
#include "app/history_store.hpp"

#include <algorithm>
#include <string>
#include <system_error>
#include <utility>

#include "model/history_codec.hpp"
#include "model/spike_detector.hpp"
#include "sys/private_files.hpp"

namespace tsur::app {

namespace fs = std::filesystem;

fs::path history_file(const fs::path& state_dir, bool demo) {
    return state_dir / (demo ? "demo-history.json" : "history.json");
}

HistoryStore::HistoryStore(fs::path file, std::shared_ptr<const model::Region> region, Logger& log,
                           std::chrono::minutes save_every)
    : file_(std::move(file)),
      configured_(region),
      region_(std::move(region)),
      log_(log),
      save_every_(save_every),
      book_(region_->municipalities.size()) {}

void HistoryStore::load() {
    book_ = model::HistoryBook(region_->municipalities.size());
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file_, ec))) return;
    auto text = net::read_file_nofollow(file_, 64u << 20);
    auto decoded = text ? model::decode_history(text.value(), *region_, file_.string())
                        : model::Result<model::DecodedHistory>(model::Error{text.error()});
    if (!decoded) {
        const fs::path bad = file_.string() + ".bad";
        fs::rename(file_, bad, ec);
        log_.error("history: " + decoded.error() + "; starting with an empty history" +
                   (ec ? " (could not set the file aside: " + ec.message() + ")"
                       : ", the file is kept as " + bad.string()));
        return;
    }
    const auto& d = decoded.value();
    if (d.unknown_municipalities + d.unknown_sectors > 0) {
        log_.warning("history: " + file_.string() + ": skipped " +
                     std::to_string(d.unknown_municipalities) + " municipality and " +
                     std::to_string(d.unknown_sectors) +
                     " sector entries with ids this region does not know");
    }
    book_ = std::move(decoded.value().book);
    log_.info("history: loaded " + std::to_string(book_.days().size()) + " days from " +
              file_.string());
}

namespace {

bool same_ids(const model::Region& a, const model::Region& b) {
    return std::equal(a.municipalities.begin(), a.municipalities.end(), b.municipalities.begin(),
                      b.municipalities.end(),
                      [](const auto& x, const auto& y) { return x.id == y.id; });
}

// The codec keys the book by id: a round trip through it is the one id-to-index mapping.
model::Result<model::DecodedHistory> rekeyed(const model::HistoryBook& book,
                                             const model::Region& from, const model::Region& to,
                                             const std::string& file) {
    return model::decode_history(model::encode_history(book, from), to, file);
}

}  // namespace

void HistoryStore::follow_region(const std::shared_ptr<const model::Region>& region) {
    if (region == region_) return;
    if (!same_ids(*region, *region_)) {
        auto decoded = rekeyed(book_, *region_, *region, file_.string());
        if (!decoded) {
            log_.error("history: cannot re-key to the document's municipality list: " +
                       decoded.error() + "; keeping the book as it was");
            return;
        }
        book_ = std::move(decoded.value().book);
        dirty_ = true;
        log_.info("history: now keyed by " + std::to_string(region->municipalities.size()) +
                  " municipalities of the " +
                  (region == configured_ ? std::string("wall's own list")
                                         : std::string("feed document's list")) +
                  (decoded.value().unknown_municipalities > 0
                       ? "; dropped " + std::to_string(decoded.value().unknown_municipalities) +
                             " counts under ids it lacks"
                       : std::string()));
    }
    region_ = region;
}

void HistoryStore::fill(model::FeedDocument& doc) const {
    const auto& region = doc.region ? doc.region : configured_;
    if (region == region_ || same_ids(*region, *region_)) {
        model::fill_history(doc, book_, region->utc_offset);
        return;
    }
    // The book itself is re-keyed once a snapshot on the new list is recorded (follow_region),
    // which also logs a failure.
    if (auto decoded = rekeyed(book_, *region_, *region, file_.string())) {
        model::fill_history(doc, decoded.value().book, region->utc_offset);
    }
}

void HistoryStore::record(const model::Snapshot& snapshot, Clock::time_point now) {
    follow_region(snapshot.region ? snapshot.region : configured_);
    if (book_.record(snapshot.incidents, region_->utc_offset, snapshot.as_of)) dirty_ = true;
    newest_day_ = model::local_day(snapshot.as_of, region_->utc_offset);
    if (!dirty_) return;
    const bool due =
        !last_save_ || now - *last_save_ >= save_every_ || last_save_day_ != newest_day_;
    if (!due) return;
    // A failed save is retried at the next due time, not on every poll.
    last_save_ = now;
    if (auto saved = save(); !saved) {
        log_.log(LogLevel::warning, "history_save", "history: " + saved.error());
    }
}

model::Result<bool> HistoryStore::flush() {
    if (!dirty_) return false;
    return save();
}

model::Result<bool> HistoryStore::save() {
    const std::string text = model::encode_history(book_, *region_);
    auto written = net::replace_file_durably(file_, {text});
    if (!written) return model::Error{written.error()};
    dirty_ = false;
    last_save_day_ = newest_day_;
    return true;
}

}  // namespace tsur::app
