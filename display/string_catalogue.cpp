// Every text the wall can draw in one language, gathered for the fonts (which glyphs to bake) and
// for the test that looks each character up in each role.
#include <cstddef>
#include <tuple>
#include <type_traits>

#include "display/strings.hpp"
#include "display/text_format.hpp"

namespace tsur::display {

std::vector<std::string> all_texts(const Strings& s) {
    std::vector<std::string> out;
    auto add = [&out](std::string_view v) { out.emplace_back(v); };
    auto add_all = [&add](const auto& list) {
        for (const std::string_view v : list) add(v);
    };
    add_all(s.sector);
    add_all(s.sector_short);
    add_all(s.channel);
    add_all(s.status);
    add_all(s.sla_state);
    add_all(s.month_genitive);
    add_all(s.weekday);
    const std::string_view singles[] = {s.title_map,
                                        s.title_board,
                                        s.title_heatmap,
                                        s.title_kpi,
                                        s.title_trends,
                                        s.title_rising,
                                        s.title_risks,
                                        s.title_league,
                                        s.title_ticker,
                                        s.kpi_open,
                                        s.kpi_overdue,
                                        s.kpi_at_risk,
                                        s.kpi_answered_today,
                                        s.kpi_median_answer,
                                        s.kpi_created_today,
                                        s.kpi_on_time_share,
                                        s.kpi_solved_share,
                                        s.col_due,
                                        s.col_municipality,
                                        s.col_sector,
                                        s.col_agency,
                                        s.col_channel,
                                        s.col_title,
                                        s.no_data,
                                        s.waiting_for_data,
                                        s.all_on_time,
                                        s.stale_prefix,
                                        s.offline,
                                        s.frozen,
                                        s.layout_error,
                                        s.few_data,
                                        s.per_10k,
                                        s.legend,
                                        s.overdue_word,
                                        s.at_risk_word,
                                        s.more_word,
                                        s.col_open,
                                        s.col_total,
                                        s.col_top_sector,
                                        s.col_on_time,
                                        s.title_board_public,
                                        s.title_summary,
                                        s.not_available,
                                        s.per_capita_missing,
                                        s.population_source,
                                        s.no_spikes,
                                        s.no_risks,
                                        s.no_incidents,
                                        s.times_norm,
                                        s.in_prefix,
                                        s.today_word,
                                        s.tomorrow_word,
                                        s.day_one,
                                        s.day_few,
                                        s.day_many,
                                        s.window_open,
                                        s.window_today,
                                        s.window_week,
                                        s.district_word,
                                        s.district_abbrev,
                                        s.frozen_data_as_of,
                                        s.data_as_of,
                                        s.centre_prefix,
                                        s.window_overdue,
                                        s.board_newest_first,
                                        s.board_oldest_first,
                                        s.board_not_listed,
                                        s.all_records_rejected,
                                        s.document_refused,
                                        s.cases_abbrev,
                                        s.kpi_created_week,
                                        s.colour_only,
                                        s.no_room,
                                        s.region_wide,
                                        s.region_wide_badge};
    // A tripwire, not a rule: a new label in Strings must be added above, or the fonts may lack
    // its letters and the glyph test cannot see it.
    constexpr std::size_t kArrayed = 2 * model::kSectorCount + model::kChannelCount +
                                     model::kStatusCount +
                                     std::tuple_size_v<decltype(Strings::sla_state)> +
                                     std::tuple_size_v<decltype(Strings::month_genitive)> +
                                     std::tuple_size_v<decltype(Strings::weekday)>;
    static_assert(sizeof(Strings) ==
                      offsetof(Strings, sector) +
                          (kArrayed + std::extent_v<decltype(singles)>)*sizeof(std::string_view),
                  "a field of Strings is missing from all_texts()");
    add_all(singles);
    // The formatters' own words in every plural form and unit.
    for (const long long n : {1LL, 2LL, 5LL, 21LL}) {
        out.push_back(format_age(n * 60, s.language));
        out.push_back(format_age(n * 3600 + n * 60, s.language));
        out.push_back(format_age(n * 86400, s.language));
        out.push_back(format_countdown(n * 86400 + n * 3600, s.language));
        out.push_back(format_countdown(-(n * 3600 + n * 60), s.language));
    }
    out.push_back(format_count(-1234567));
    return out;
}

}  // namespace tsur::display
