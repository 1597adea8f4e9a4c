// The holiday calendar the wall counts working days with: the shipped file, then the centre's own
// files beside its config (next year's dates without a new build).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/work_calendar.hpp"

namespace tsur::app {

/// What load_calendars() read.
struct CalendarFiles {
    model::WorkCalendar calendar;
    std::vector<std::string> sources;   ///< every file used, in the order applied
    std::vector<std::string> problems;  ///< rejected centre files, one line each (skipped)
};

/// DIR/calendars for a config file DIR/config.json (/etc/tsur-wall/calendars).
std::filesystem::path calendar_dir_for(const std::filesystem::path& config_path);

/// Reads DATA/assets/calendars/ru-holidays.json (an error stops the wall: its deadlines would be
/// wrong) and then every *.json in `centre_dir`, in name order, each replacing the years it lists.
/// A bad or unreadable centre file is skipped and reported in `problems`; a missing directory is
/// no problem. Years no file lists follow Labour Code art. 112 (model/statutory_holidays.hpp).
model::Result<CalendarFiles> load_calendars(const std::filesystem::path& data_dir,
                                            const std::optional<std::filesystem::path>& centre_dir,
                                            model::Seconds utc_offset);

}  // namespace tsur::app
