// The Russian and English string tables, written once: each label with both of its texts side
// by side, so no label is translated in one language and forgotten in the other.
#include "display/strings.hpp"

#include <cstddef>
#include <iterator>
#include <tuple>
#include <type_traits>

namespace tsur::display {
namespace {

/// One entry of a list of labels: its Russian and its English text.
struct Translation {
    std::string_view ru, en;
};

/// Sector names, in model::Sector order.
constexpr Translation kSectorTexts[] = {
    {"ЖКХ", "Housing"},           {"Дороги", "Roads"},
    {"Мусор", "Waste"},           {"Здравоохранение", "Healthcare"},
    {"Образование", "Education"}, {"Транспорт", "Transport"},
    {"Энергетика", "Energy"},     {"Соцзащита", "Social"},
    {"Прочее", "Other"},
};

/// Sector names for narrow columns.
constexpr Translation kSectorShortTexts[] = {
    {"ЖКХ", "Housing"},       {"Дороги", "Roads"},          {"Мусор", "Waste"},
    {"Медицина", "Health"},   {"Образование", "Education"}, {"Транспорт", "Transport"},
    {"Энергетика", "Energy"}, {"Соцзащита", "Social"},      {"Прочее", "Other"},
};

/// Channel names, in model::Channel order.
constexpr Translation kChannelTexts[] = {
    {"ВКонтакте", "VK"},          {"Одноклассники", "Odnoklassniki"},
    {"Telegram", "Telegram"},     {"Решаем вместе", "Gosuslugi platform"},
    {"Горячая линия", "Hotline"}, {"Письмо", "Letter"},
    {"Приложение", "App"},        {"СМИ", "Media"},
};

/// Incident statuses, in model::Status order.
constexpr Translation kStatusTexts[] = {
    {"Новое", "New"},       {"В работе", "In progress"}, {"Дан ответ", "Answered"},
    {"Решено", "Resolved"}, {"Отклонено", "Rejected"},
};

/// Deadline states, in model::SlaState order.
constexpr Translation kSlaStateTexts[] = {
    {"Новое", "New"},
    {"В работе", "In progress"},
    {"Под угрозой", "At risk"},
    {"Просрочено", "Overdue"},
    {"Отвечено в срок", "Answered on time"},
    {"Отвечено с опозданием", "Answered late"},
};

/// Months as a date says them ("23 ноября").
constexpr Translation kMonthGenitiveTexts[] = {
    {"января", "January"},  {"февраля", "February"}, {"марта", "March"},
    {"апреля", "April"},    {"мая", "May"},          {"июня", "June"},
    {"июля", "July"},       {"августа", "August"},   {"сентября", "September"},
    {"октября", "October"}, {"ноября", "November"},  {"декабря", "December"},
};

/// Weekdays from Monday.
constexpr Translation kWeekdayTexts[] = {
    {"понедельник", "Monday"}, {"вторник", "Tuesday"}, {"среда", "Wednesday"},
    {"четверг", "Thursday"},   {"пятница", "Friday"},  {"суббота", "Saturday"},
    {"воскресенье", "Sunday"},
};

constexpr StringLabel kLabels[] = {
    {&Strings::board_newest_first, "сначала новые", "newest first"},
    {&Strings::board_oldest_first, "сначала давние", "oldest first"},
    {&Strings::board_not_listed, "не в списке:", "not listed:"},
    {&Strings::title_map, "Карта обращений", "Incident map"},
    {&Strings::title_board, "Нарушения сроков", "SLA breaches"},
    {&Strings::title_heatmap, "Территории и отрасли", "Municipalities by sector"},
    {&Strings::title_kpi, "Показатели", "Key figures"},
    {&Strings::title_trends, "Динамика за 30 дней", "Last 30 days"},
    {&Strings::title_rising, "Растёт сейчас", "Rising now"},
    {&Strings::title_risks, "Календарь рисков", "Risk calendar"},
    {&Strings::title_league, "Рейтинг ведомств за 7 дней", "Agency ranking, 7 days"},
    {&Strings::title_ticker, "Новые обращения", "New incidents"},
    {&Strings::kpi_open, "В работе", "Open"},
    {&Strings::kpi_overdue, "Просрочено", "Overdue"},
    {&Strings::kpi_at_risk, "Под угрозой", "At risk"},
    {&Strings::kpi_answered_today, "Отвечено сегодня", "Answered today"},
    {&Strings::kpi_median_answer, "Медиана ответа", "Median answer"},
    {&Strings::kpi_created_today, "Поступило сегодня", "New today"},
    {&Strings::kpi_created_week, "Поступило за 7 дн", "New, 7 d"},
    {&Strings::kpi_on_time_share, "Ответы в срок, 7 дн", "On time, 7 d"},
    {&Strings::kpi_solved_share, "Решено, 7 дн", "Solved, 7 d"},
    {&Strings::col_due, "Срок", "Due"},
    {&Strings::col_municipality, "Территория", "Municipality"},
    {&Strings::col_sector, "Отрасль", "Sector"},
    {&Strings::col_agency, "Ведомство", "Agency"},
    {&Strings::col_channel, "Канал", "Channel"},
    {&Strings::col_title, "Суть обращения", "Subject"},
    {&Strings::no_data, "нет данных", "no data"},
    {&Strings::waiting_for_data, "Ожидание данных…", "Waiting for data…"},
    {&Strings::all_on_time, "Просроченных обращений нет", "Nothing is overdue"},
    {&Strings::stale_prefix, "Данные устарели на", "Data is old by"},
    {&Strings::offline, "Нет связи с сервером", "No connection to the server"},
    {&Strings::all_records_rejected, "Все записи из ответа сервера отклонены проверкой",
     "Every record the server sent was rejected"},
    {&Strings::document_refused, "Ответ сервера отклонён проверкой",
     "The server's answer was rejected"},
    {&Strings::frozen, "зафиксировано", "frozen"},
    {&Strings::frozen_data_as_of, "Данные на", "Data as of"},
    {&Strings::layout_error, "ошибка макета", "layout error"},
    {&Strings::few_data, "мало данных", "not ranked"},
    {&Strings::cases_abbrev, "случ.", "cases"},
    {&Strings::per_10k, "на 10 тыс. жителей", "per 10,000 residents"},
    {&Strings::legend, "Легенда", "Legend"},
    {&Strings::overdue_word, "просрочено", "overdue"},
    {&Strings::at_risk_word, "под угрозой", "at risk"},
    {&Strings::more_word, "ещё", "more"},
    {&Strings::col_open, "Открыто", "Open"},
    {&Strings::col_total, "Всего", "Total"},
    {&Strings::col_top_sector, "Чаще всего", "Most often"},
    {&Strings::col_on_time, "В срок", "On time"},
    {&Strings::title_board_public, "Обращения по территориям", "Incidents by municipality"},
    {&Strings::title_summary, "Сроки по отраслям", "Deadlines by sector"},
    {&Strings::not_available, "н/д", "n/a"},
    {&Strings::per_capita_missing, "н/д:", "n/a:"},
    {&Strings::population_source, "население — Росстат", "population — Rosstat"},
    {&Strings::no_spikes, "Всплесков нет", "No spikes"},
    {&Strings::no_risks, "Ближайших рисков нет", "No upcoming risks"},
    {&Strings::no_incidents, "Обращений нет", "No incidents"},
    {&Strings::times_norm, "к норме", "vs normal"},
    {&Strings::in_prefix, "через", "in"},
    {&Strings::today_word, "сегодня", "today"},
    {&Strings::tomorrow_word, "завтра", "tomorrow"},
    {&Strings::day_one, "день", "day"},
    {&Strings::day_few, "дня", "days"},
    {&Strings::day_many, "дней", "days"},
    {&Strings::window_open, "открытые обращения", "open incidents"},
    {&Strings::window_today, "поступившие сегодня", "new today"},
    {&Strings::window_week, "поступившие за 7 дней", "new in 7 days"},
    {&Strings::window_overdue, "просроченные сейчас", "overdue now"},
    {&Strings::district_word, "район", "District"},
    {&Strings::district_abbrev, "р-н", "Dist."},
    {&Strings::region_wide, "весь регион, МО не указано", "whole region, no municipality"},
    {&Strings::region_wide_badge, "вне МО", "no municipality"},
    {&Strings::data_as_of, "данные на", "data as of"},
    {&Strings::centre_prefix, "ЦУР", "Regional centre"},
    {&Strings::colour_only, "только цвет", "colour only"},
    {&Strings::no_room, "не помещается: увеличьте ячейку", "does not fit: make the cell bigger"},
};

// A tripwire, not a rule: a label added to Strings but not to kLabels would be empty in both
// languages, and the fonts and the glyph test would not see it.
constexpr std::size_t kListed = std::tuple_size_v<decltype(Strings::sector)> +
                                std::tuple_size_v<decltype(Strings::sector_short)> +
                                std::tuple_size_v<decltype(Strings::channel)> +
                                std::tuple_size_v<decltype(Strings::status)> +
                                std::tuple_size_v<decltype(Strings::sla_state)> +
                                std::tuple_size_v<decltype(Strings::month_genitive)> +
                                std::tuple_size_v<decltype(Strings::weekday)>;
static_assert(sizeof(Strings) == offsetof(Strings, sector) +
                                     (kListed + std::size(kLabels)) * sizeof(std::string_view),
              "a label of Strings is missing from kLabels or from the lists above");

template <std::size_t N>
void fill(std::array<std::string_view, N>& out, const Translation (&texts)[N], Language lang) {
    for (std::size_t i = 0; i < N; ++i) out[i] = lang == Language::en ? texts[i].en : texts[i].ru;
}

Strings make(Language lang) {
    Strings s;
    s.language = lang;
    fill(s.sector, kSectorTexts, lang);
    fill(s.sector_short, kSectorShortTexts, lang);
    fill(s.channel, kChannelTexts, lang);
    fill(s.status, kStatusTexts, lang);
    fill(s.sla_state, kSlaStateTexts, lang);
    fill(s.month_genitive, kMonthGenitiveTexts, lang);
    fill(s.weekday, kWeekdayTexts, lang);
    for (const StringLabel& label : kLabels) {
        s.*label.field = lang == Language::en ? label.en : label.ru;
    }
    return s;
}

}  // namespace

const Strings& strings_for(Language lang) {
    static const Strings ru = make(Language::ru);
    static const Strings en = make(Language::en);
    return lang == Language::en ? en : ru;
}

std::span<const StringLabel> string_labels() { return kLabels; }

}  // namespace tsur::display
