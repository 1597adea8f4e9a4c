// Everything on the wall ticks by the minute or slower (docs/design.md principle 4), so a minute is
// the longest the loop may sleep.
#include "app/redraw_schedule.hpp"

#include <algorithm>

namespace tsur::app {

model::TimePoint next_redraw(model::TimePoint now, const model::Snapshot* snapshot,
                             const config::Screen* screen) {
    using std::chrono::minutes;
    model::TimePoint next = std::chrono::floor<minutes>(now) + minutes{1};
    if (screen) {
        for (const auto& cell : screen->cells) {
            if (cell.widget.type != "sla_board" || cell.widget.page_seconds <= 0) continue;
            const auto period = model::Seconds{cell.widget.page_seconds};
            const auto t = now.time_since_epoch();
            const model::TimePoint page_end{(t / period + 1) * period};
            next = std::min(next, page_end);
        }
    }
    if (snapshot) {
        if (auto change = snapshot->deadlines.next_change_after(now))
            next = std::min(next, *change);
    }
    return std::max(next, now + model::Seconds{1});
}

}  // namespace tsur::app
