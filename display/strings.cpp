// Russian and English string tables, plural rules and the duration formats of the wall.
#include "display/strings.hpp"

#include <algorithm>
#include <cstdlib>

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

std::string join_parts(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + " " + b;
}

}  // namespace

const Strings& strings_for(Language lang) {
    static const Strings ru = make_ru();
    static const Strings en = make_en();
    return lang == Language::en ? en : ru;
}

std::string_view plural_ru(long long n, std::string_view one, std::string_view few,
                           std::string_view many) {
    const long long a = std::llabs(n);
    const long long d10 = a % 10;
    const long long d100 = a % 100;
    if (d10 == 1 && d100 != 11) return one;
    if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return few;
    return many;
}

std::string format_duration_short(long long seconds, Language lang) {
    const long long s = std::llabs(seconds);
    const long long days = s / 86400;
    const long long hours = (s % 86400) / 3600;
    const long long minutes = (s % 3600) / 60;
    const bool ru = lang == Language::ru;
    if (days > 0) {
        const std::string d =
            std::to_string(days) + " " +
            std::string(ru ? plural_ru(days, "день", "дня", "дней") : (days == 1 ? "day" : "days"));
        return join_parts(d, hours > 0 ? std::to_string(hours) + (ru ? " ч" : " h") : "");
    }
    if (hours > 0) {
        return join_parts(std::to_string(hours) + (ru ? " ч" : " h"),
                          minutes > 0 ? std::to_string(minutes) + (ru ? " мин" : " min") : "");
    }
    return std::to_string(minutes) + (ru ? " мин" : " min");
}

std::string format_countdown(long long seconds_left, Language lang) {
    // Countdowns tick by the minute; time left rounds up so "через 0 мин" never shows.
    if (seconds_left > 0) {
        const long long rounded = ((seconds_left + 59) / 60) * 60;
        const std::string d = format_duration_short(rounded, lang);
        return lang == Language::ru ? "через " + d : "in " + d;
    }
    // Overdue by any part of a minute reads as a whole minute: "−0 мин" would look on time.
    const long long over = -seconds_left;
    const long long rounded = std::max(1LL, (over + 59) / 60) * 60;
    return "\u2212" + format_duration_short(rounded, lang);
}

std::string format_age(long long seconds, Language lang) {
    const long long s = std::llabs(seconds);
    const bool ru = lang == Language::ru;
    auto unit = [&](long long n, std::string_view one, std::string_view few, std::string_view many,
                    std::string_view en1, std::string_view enn) {
        return std::to_string(n) + " " +
               std::string(ru ? plural_ru(n, one, few, many) : (n == 1 ? en1 : enn));
    };
    if (s < 3600) {
        return unit(s / 60, "минуту", "минуты", "минут", "minute", "minutes");
    }
    if (s < 86400) {
        const long long h = s / 3600;
        const long long m = (s % 3600) / 60;
        std::string out = unit(h, "час", "часа", "часов", "hour", "hours");
        // Two appends, not " " + unit(...): GCC 12 at -O3 warns (-Wrestrict) on the latter.
        if (m > 0) {
            out += ' ';
            out += unit(m, "минуту", "минуты", "минут", "minute", "minutes");
        }
        return out;
    }
    return unit(s / 86400, "день", "дня", "дней", "day", "days");
}

std::string format_count(long long n) {
    std::string digits = std::to_string(std::llabs(n));
    std::string out;
    const std::size_t len = digits.size();
    for (std::size_t i = 0; i < len; ++i) {
        out += digits[i];
        const std::size_t left = len - i - 1;
        // Russian typography groups by thousands with a thin space, from five digits up.
        if (left > 0 && left % 3 == 0 && len > 4) out += "\u2009";
    }
    return n < 0 ? "\u2212" + out : out;
}

namespace {

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes come back as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80 || i >= s.size()) return b;
    const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t cp = b & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

bool is_vowel(char32_t c) {
    static constexpr std::u32string_view kVowels = U"аеёиоуыэюяАЕЁИОУЫЭЮЯaeiouyAEIOUY";
    return kVowels.find(c) != std::u32string_view::npos;
}

// A letter an abbreviation may end on: any letter but a vowel, a soft or hard sign or "й".
bool ends_abbreviation(char32_t c) {
    const bool cyrillic = (c >= U'А' && c <= U'я') || c == U'ё' || c == U'Ё';
    const bool latin = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (!cyrillic && !latin) return false;
    if (c == U'ь' || c == U'ъ' || c == U'й' || c == U'Ь' || c == U'Ъ' || c == U'Й') return false;
    return !is_vowel(c);
}

}  // namespace

std::vector<std::string> name_abbreviations(std::string_view name, std::string_view district_word,
                                            std::string_view district_abbrev) {
    std::vector<std::string> out;
    std::string base(name);
    if (const std::size_t at = base.rfind(district_word);
        !district_word.empty() && at != std::string::npos) {
        base.replace(at, district_word.size(), district_abbrev);
        out.push_back(base);
    }
    const std::size_t space = base.find(' ');
    const std::string_view word = std::string_view(base).substr(0, space);
    const std::string rest = space == std::string::npos ? "" : base.substr(space);
    // Byte offsets of the word's code points, and the code points themselves.
    std::vector<std::size_t> offsets;
    std::u32string letters;
    for (std::size_t i = 0; i < word.size();) {
        offsets.push_back(i);
        letters.push_back(next_code_point(word, i));
    }
    constexpr std::size_t kMinLetters = 4;
    for (std::size_t n = letters.size() - (letters.empty() ? 0 : 1); n >= kMinLetters; --n) {
        if (!ends_abbreviation(letters[n - 1]) || !is_vowel(letters[n])) continue;
        out.push_back(std::string(word.substr(0, offsets[n])) + "." + rest);
    }
    return out;
}

}  // namespace tsur::display
