// A centre's file replaces whole years rather than adding dates, so a corrected year cannot keep a
// stale day off from the shipped list.
#include "app/calendar_files.hpp"

#include <algorithm>

#include "app/file_io.hpp"
#include "model/holiday_calendar_loader.hpp"

namespace tsur::app {
namespace fs = std::filesystem;

fs::path calendar_dir_for(const fs::path& config_path) {
    return config_path.parent_path() / "calendars";
}

model::Result<CalendarFiles> load_calendars(const fs::path& data_dir,
                                            const std::optional<fs::path>& centre_dir,
                                            model::Seconds utc_offset) {
    // Calendars are a few kilobytes; this limit only keeps a wrong file from eating memory.
    constexpr std::size_t kMaxBytes = 1u << 20;
    CalendarFiles out;
    const fs::path shipped = data_dir / "assets" / "calendars" / "ru-holidays.json";
    auto text = read_text_file(shipped, kMaxBytes);
    if (!text) return model::Error{text.error()};
    auto base = model::parse_holiday_calendar(text.value(), shipped.string(), utc_offset);
    if (!base) return model::Error{base.error()};
    out.calendar = base.take();
    out.sources.push_back(shipped.string());

    std::error_code ec;
    if (!centre_dir || !fs::is_directory(*centre_dir, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(*centre_dir, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) {
        out.problems.push_back(centre_dir->string() + ": cannot list: " + ec.message());
        return out;
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        auto centre_text = read_text_file(path, kMaxBytes);
        if (!centre_text) {
            out.problems.push_back(centre_text.error() + " (skipped)");
            continue;
        }
        auto cal = model::parse_holiday_calendar(centre_text.value(), path.string(), utc_offset);
        if (!cal) {
            out.problems.push_back(cal.error() + " (skipped)");
            continue;
        }
        out.calendar = out.calendar.overlaid_with(cal.value());
        out.sources.push_back(path.string());
    }
    return out;
}

}  // namespace tsur::app
