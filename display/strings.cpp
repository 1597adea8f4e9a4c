// The Russian and English string tables.
#include "display/strings.hpp"

namespace tsur::display {
namespace {

Strings make_ru() {
    Strings s;
    s.language = Language::ru;
    s.sector = {"ЖКХ",       "Дороги",     "Мусор",     "Здравоохранение", "Образование",
                "Транспорт", "Энергетика", "Соцзащита", "Прочее"};
    s.sector_short = {"ЖКХ",       "Дороги",     "Мусор",     "Медицина", "Образование",
                      "Транспорт", "Энергетика", "Соцзащита", "Прочее"};
    s.channel = {"ВКонтакте",     "Одноклассники", "Telegram",   "Решаем вместе",
                 "Горячая линия", "Письмо",        "Приложение", "СМИ"};
    s.status = {"Новое", "В работе", "Дан ответ", "Решено", "Отклонено"};
    s.sla_state = {"Новое",      "В работе",        "Под угрозой",
                   "Просрочено", "Отвечено в срок", "Отвечено с опозданием"};
    s.board_newest_first = "сначала новые";
    s.board_oldest_first = "сначала давние";
    s.board_not_listed = "не в списке:";
    s.month_genitive = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                        "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
    s.weekday = {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"};
    s.title_map = "Карта обращений";
    s.title_board = "Нарушения сроков";
    s.title_heatmap = "Территории и отрасли";
    s.title_kpi = "Показатели";
    s.title_trends = "Динамика за 30 дней";
    s.title_rising = "Растёт сейчас";
    s.title_risks = "Календарь рисков";
    s.title_league = "Рейтинг ведомств за 7 дней";
    s.title_ticker = "Новые обращения";
    s.kpi_open = "В работе";
    s.kpi_overdue = "Просрочено";
    s.kpi_at_risk = "Под угрозой";
    s.kpi_answered_today = "Отвечено сегодня";
    s.kpi_median_answer = "Медиана ответа";
    s.kpi_created_today = "Поступило сегодня";
    s.kpi_created_week = "Поступило за 7 дн";
    s.kpi_on_time_share = "Ответы в срок, 7 дн";
    s.kpi_solved_share = "Решено, 7 дн";
    s.col_due = "Срок";
    s.col_municipality = "Территория";
    s.col_sector = "Отрасль";
    s.col_agency = "Ведомство";
    s.col_channel = "Канал";
    s.col_title = "Суть обращения";
    s.no_data = "нет данных";
    s.waiting_for_data = "Ожидание данных…";
    s.all_on_time = "Просроченных обращений нет";
    s.stale_prefix = "Данные устарели на";
    s.offline = "Нет связи с сервером";
    s.all_records_rejected = "Все записи из ответа сервера отклонены проверкой";
    s.document_refused = "Ответ сервера отклонён проверкой";
    s.frozen = "зафиксировано";
    s.frozen_data_as_of = "Данные на";
    s.layout_error = "ошибка макета";
    s.few_data = "мало данных";
    s.cases_abbrev = "случ.";
    s.per_10k = "на 10 тыс. жителей";
    s.legend = "Легенда";
    s.overdue_word = "просрочено";
    s.at_risk_word = "под угрозой";
    s.more_word = "ещё";
    s.col_open = "Открыто";
    s.col_total = "Всего";
    s.col_top_sector = "Чаще всего";
    s.col_on_time = "В срок";
    s.title_board_public = "Обращения по территориям";
    s.title_summary = "Сроки по отраслям";
    s.not_available = "н/д";
    s.per_capita_missing = "н/д:";
    s.population_source = "население — Росстат";
    s.no_spikes = "Всплесков нет";
    s.no_risks = "Ближайших рисков нет";
    s.no_incidents = "Обращений нет";
    s.times_norm = "к норме";
    s.in_prefix = "через";
    s.today_word = "сегодня";
    s.tomorrow_word = "завтра";
    s.day_one = "день";
    s.day_few = "дня";
    s.day_many = "дней";
    s.window_open = "открытые обращения";
    s.window_today = "поступившие сегодня";
    s.window_week = "поступившие за 7 дней";
    s.window_overdue = "просроченные сейчас";
    s.district_word = "район";
    s.district_abbrev = "р-н";
    s.region_wide = "весь регион, МО не указано";
    s.region_wide_badge = "вне МО";
    s.data_as_of = "данные на";
    s.centre_prefix = "ЦУР";
    s.colour_only = "только цвет";
    s.no_room = "не помещается: увеличьте ячейку";
    return s;
}

Strings make_en() {
    Strings s;
    s.language = Language::en;
    s.sector = {"Housing",   "Roads",  "Waste",  "Healthcare", "Education",
                "Transport", "Energy", "Social", "Other"};
    s.sector_short = {"Housing",   "Roads",  "Waste",  "Health", "Education",
                      "Transport", "Energy", "Social", "Other"};
    s.channel = {"VK",      "Odnoklassniki", "Telegram", "Gosuslugi platform",
                 "Hotline", "Letter",        "App",      "Media"};
    s.status = {"New", "In progress", "Answered", "Resolved", "Rejected"};
    s.sla_state = {"New", "In progress", "At risk", "Overdue", "Answered on time", "Answered late"};
    s.board_newest_first = "newest first";
    s.board_oldest_first = "oldest first";
    s.board_not_listed = "not listed:";
    s.month_genitive = {"January", "February", "March",     "April",   "May",      "June",
                        "July",    "August",   "September", "October", "November", "December"};
    s.weekday = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    s.title_map = "Incident map";
    s.title_board = "SLA breaches";
    s.title_heatmap = "Municipalities by sector";
    s.title_kpi = "Key figures";
    s.title_trends = "Last 30 days";
    s.title_rising = "Rising now";
    s.title_risks = "Risk calendar";
    s.title_league = "Agency ranking, 7 days";
    s.title_ticker = "New incidents";
    s.kpi_open = "Open";
    s.kpi_overdue = "Overdue";
    s.kpi_at_risk = "At risk";
    s.kpi_answered_today = "Answered today";
    s.kpi_median_answer = "Median answer";
    s.kpi_created_today = "New today";
    s.kpi_created_week = "New, 7 d";
    s.kpi_on_time_share = "On time, 7 d";
    s.kpi_solved_share = "Solved, 7 d";
    s.col_due = "Due";
    s.col_municipality = "Municipality";
    s.col_sector = "Sector";
    s.col_agency = "Agency";
    s.col_channel = "Channel";
    s.col_title = "Subject";
    s.no_data = "no data";
    s.waiting_for_data = "Waiting for data…";
    s.all_on_time = "Nothing is overdue";
    s.stale_prefix = "Data is old by";
    s.offline = "No connection to the server";
    s.all_records_rejected = "Every record the server sent was rejected";
    s.document_refused = "The server's answer was rejected";
    s.frozen = "frozen";
    s.frozen_data_as_of = "Data as of";
    s.layout_error = "layout error";
    s.few_data = "not ranked";
    s.cases_abbrev = "cases";
    s.per_10k = "per 10,000 residents";
    s.legend = "Legend";
    s.overdue_word = "overdue";
    s.at_risk_word = "at risk";
    s.more_word = "more";
    s.col_open = "Open";
    s.col_total = "Total";
    s.col_top_sector = "Most often";
    s.col_on_time = "On time";
    s.title_board_public = "Incidents by municipality";
    s.title_summary = "Deadlines by sector";
    s.not_available = "n/a";
    s.per_capita_missing = "n/a:";
    s.population_source = "population — Rosstat";
    s.no_spikes = "No spikes";
    s.no_risks = "No upcoming risks";
    s.no_incidents = "No incidents";
    s.times_norm = "vs normal";
    s.in_prefix = "in";
    s.today_word = "today";
    s.tomorrow_word = "tomorrow";
    s.day_one = "day";
    s.day_few = "days";
    s.day_many = "days";
    s.window_open = "open incidents";
    s.window_today = "new today";
    s.window_week = "new in 7 days";
    s.window_overdue = "overdue now";
    s.district_word = "District";
    s.district_abbrev = "Dist.";
    s.region_wide = "whole region, no municipality";
    s.region_wide_badge = "no municipality";
    s.data_as_of = "data as of";
    s.centre_prefix = "Regional centre";
    s.colour_only = "colour only";
    s.no_room = "does not fit: make the cell bigger";
    return s;
}

}  // namespace

const Strings& strings_for(Language lang) {
    static const Strings ru = make_ru();
    static const Strings en = make_en();
    return lang == Language::en ? en : ru;
}

}  // namespace tsur::display
