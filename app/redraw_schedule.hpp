// When the wall must draw next: render on demand, never in a busy loop.
#pragma once

#include <chrono>
#include <optional>

#include "config/layout.hpp"
#include "model/snapshot.hpp"

namespace tsur::app {

/// The next server instant after `now` at which the picture changes without new data: the next
/// minute (clock, countdowns), the next page of a paging widget, the next SLA state change.
model::TimePoint next_redraw(model::TimePoint now, const model::Snapshot* snapshot,
                             const config::Screen* screen);

}  // namespace tsur::app
