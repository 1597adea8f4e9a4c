// Every user-visible label, in Russian (default) and English; the texts are written once, side
// by side, in display/strings.cpp: one place to translate.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/enums.hpp"
#include "model/sla.hpp"

namespace tsur::display {

enum class Language : std::uint8_t { ru, en };

/// Immutable table of labels; any thread may read.
struct Strings {
    Language language = Language::ru;
    std::array<std::string_view, model::kSectorCount> sector;  ///< "ЖКХ", "Дороги", …
    std::array<std::string_view, model::kSectorCount> sector_short;  ///< for narrow columns
    std::array<std::string_view, model::kChannelCount> channel;  ///< "ВКонтакте", "ПОС", …
    std::array<std::string_view, model::kStatusCount> status;
    std::array<std::string_view, 6> sla_state;        ///< by model::SlaState
    std::array<std::string_view, 12> month_genitive;  ///< "января", …
    std::array<std::string_view, 7> weekday;          ///< "понедельник", …
    std::string_view title_map, title_board, title_heatmap, title_kpi, title_trends, title_rising,
        title_risks, title_league, title_ticker;
    std::string_view kpi_open, kpi_overdue, kpi_at_risk, kpi_answered_today, kpi_median_answer,
        kpi_created_today, kpi_created_week, kpi_on_time_share, kpi_solved_share;
    std::string_view col_due, col_municipality, col_sector, col_agency, col_channel, col_title;
    std::string_view no_data, waiting_for_data, all_on_time, stale_prefix, offline, frozen,
        layout_error, few_data, cases_abbrev, per_10k, legend, overdue_word, at_risk_word,
        more_word;
    /// Widget labels (board, summary, heatmap, rising, trends, risks, ticker); day_* are the
    /// plural forms of "day" (one/few/many; English uses one and many).
    std::string_view col_open, col_total, col_top_sector, col_on_time, title_board_public,
        title_summary, not_available, per_capita_missing, population_source, no_spikes, no_risks,
        no_incidents, times_norm, in_prefix, today_word, tomorrow_word, day_one, day_few, day_many,
        window_open, window_today, window_week, window_overdue, district_word, district_abbrev,
        colour_only, no_room;
    /// The municipality column of incidents of the region as a whole (model::kRegionWide), and
    /// the map's count of them ("вне МО: 3").
    std::string_view region_wide, region_wide_badge;
    /// Why the feed's last answer is not shown although the server answered (a banner).
    std::string_view all_records_rejected, document_refused;
    /// SLA board: the order of the overdue pages ("просрочено 600 · сначала новые · 1/3") and the
    /// line summarising rows on no page ("не в списке: 560 просрочено · …").
    std::string_view board_newest_first, board_oldest_first, board_not_listed;
    /// Frozen watermark: "<frozen_data_as_of> 10:15 · <frozen>".
    std::string_view frozen_data_as_of;
    /// Header: "<data_as_of> 10:15" beside the clock; "<centre_prefix> · <region>" as the title.
    std::string_view data_as_of, centre_prefix;

    std::string_view sector_name(model::Sector s) const { return sector[model::index_of(s)]; }
    std::string_view channel_name(model::Channel c) const { return channel[model::index_of(c)]; }
};

const Strings& strings_for(Language lang);

/// One single-text label of Strings with its text in each language; constexpr data.
struct StringLabel {
    std::string_view Strings::*field;
    std::string_view ru, en;
};

/// Every single-text label of Strings, each once (the lists, such as sector names, aside).
std::span<const StringLabel> string_labels();

/// Every text of `s` and every word the formatters of display/text_format.hpp add for its
/// language (each plural form, each unit): what every font role must be able to draw
/// (display/fonts.cpp, and the test that looks each character up in each role).
std::vector<std::string> all_texts(const Strings& s);

}  // namespace tsur::display
