// Drawing helpers shared by the non-map widgets: the panel with its waiting state, line heights,
// sector chips, word wrapping, municipality names in the wall's language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/layout.hpp"
#include "display/text.hpp"
#include "model/snapshot.hpp"

namespace tsur::display {

/// Draws the panel titled spec.title (or `default_title`) and returns its content rectangle; when
/// there is no snapshot yet it also writes "waiting for data" and returns nullopt.
std::optional<Rect> begin_panel(const model::Snapshot* snap, const config::WidgetSpec& spec,
                                const FrameContext& ctx, std::string_view default_title);

/// Height of one text line of `role`, with the leading the wall uses for tables.
float line_height(const FrameContext& ctx, TextRole role);

/// Vertical offset that centres a line of `role` inside a row `row_h` tall.
float text_offset(const FrameContext& ctx, TextRole role, float row_h);

/// A municipality's name in the wall's language ("" when the index is unknown).
std::string_view municipality_name(const FrameContext& ctx, const model::Snapshot& snap,
                                   model::MunicipalityIndex m);

/// The municipality's name fitted to `width`: as the map writes it (short_label: "Кезский р-н"),
/// else the longest of its rule-made short forms that fits (name_abbreviations: "Завьяловский р-н", "Завьял. р-н"), else the shortest
/// form elided with "…".
std::string municipality_label(const FrameContext& ctx, const model::Snapshot& snap,
                               model::MunicipalityIndex m, const TextStyle& style, float width);

/// The width a column of municipality names needs so that every name of the region shows whole
/// or by rule (never elided).
float municipality_min_width(const FrameContext& ctx, const model::Snapshot& snap,
                             const TextStyle& style);

/// A rounded square of the sector's colour, `size` wide, vertically centred on `y_centre`.
void draw_sector_chip(const FrameContext& ctx, model::Sector s, float x, float y_centre,
                      float size);

/// Draws `text` centred in `r` in dim body text (empty states: "no spikes", "waiting…").
void draw_centred_message(const FrameContext& ctx, const Rect& r, std::string_view text);

/// Splits `text` at spaces into at most `max_lines` lines no wider than `width`; the last line is
/// elided with "…" if words remain.
std::vector<std::string> wrap_text(const FrameContext& ctx, const TextStyle& style,
                                   std::string_view text, float width, std::size_t max_lines);

/// The largest role from `preferred` down to `smallest` at which `text` fits `width`.
TextRole fitting_role(const FrameContext& ctx, std::string_view text, float width, bool bold,
                      TextRole preferred, TextRole smallest);

}  // namespace tsur::display
