// The history is the only state the wall cannot fetch again (days older than the feed's 7-day
// window are gone from the feed), so a bad file is set aside rather than overwritten, and every
// write goes through fsync + rename. Writes are throttled: a poll every 30 s would otherwise
// rewrite the file 2880 times a day on an industrial PC's flash.
#include "app/history_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include "app/file_io.hpp"
#include "model/history_codec.hpp"
#include "model/spike_detector.hpp"

namespace tsur::app {
namespace {

namespace fs = std::filesystem;

/// Owns a POSIX file descriptor; the writer closes it explicitly to see deferred write errors.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    bool close_checked() {
        const int fd = std::exchange(fd_, -1);
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

model::Error errno_error(std::string_view what, const fs::path& p) {
    return model::Error{std::string(what) + " " + p.string() + ": " + std::strerror(errno)};
}

}  // namespace

fs::path history_file(const fs::path& state_dir, bool demo) {
    return state_dir / (demo ? "demo-history.json" : "history.json");
}

model::Result<bool> write_file_durably(const fs::path& path, std::string_view text) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return model::Error{"cannot create " + dir.string() + ": " + ec.message()};
    const fs::path tmp = path.string() + ".tmp";
    // O_TRUNC: a temp file left by a crash mid-write is simply overwritten.
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (fd.get() < 0) return errno_error("cannot create", tmp);
    while (!text.empty()) {
        const ssize_t n = ::write(fd.get(), text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno_error("cannot write", tmp);
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    // Without fsync before rename, a power cut can leave the new name on an empty file.
    if (::fsync(fd.get()) != 0) return errno_error("cannot fsync", tmp);
    if (!fd.close_checked()) return errno_error("cannot close", tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return errno_error("cannot rename to", path);
    Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() < 0 || ::fsync(dfd.get()) != 0) return errno_error("cannot fsync", dir);
    return true;
}

HistoryStore::HistoryStore(fs::path file, std::shared_ptr<const model::Region> region,
                           Logger& log, std::chrono::minutes save_every)
    : file_(std::move(file)),
      region_(std::move(region)),
      log_(log),
      save_every_(save_every),
      book_(region_->municipalities.size()) {}

void HistoryStore::load() {
    book_ = model::HistoryBook(region_->municipalities.size());
    std::error_code ec;
    if (!fs::exists(file_, ec)) return;
    auto text = read_text_file(file_, 64u << 20);
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

void HistoryStore::on_document(model::FeedDocument& doc, Clock::time_point now) {
    if (model::apply_history_book(doc, book_, region_->utc_offset)) dirty_ = true;
    newest_day_ = model::local_day(doc.as_of, region_->utc_offset);
    if (!dirty_) return;
    const bool due = !last_save_ || now - *last_save_ >= save_every_ ||
                     last_save_day_ != newest_day_;
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
    auto written = write_file_durably(file_, model::encode_history(book_, *region_));
    if (!written) return written;
    dirty_ = false;
    last_save_day_ = newest_day_;
    return true;
}

}  // namespace tsur::app
