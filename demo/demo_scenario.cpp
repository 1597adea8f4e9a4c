// Scenario tables of the Udmurtia demo: what people write about, where, and how often.
#include "demo/demo_scenario.hpp"

#include <numeric>

namespace tsur::net::demo {

using model::Sector;

namespace {

constexpr TitleTemplate kTitles[] = {
    {Sector::roads, "road_repair", "Яма на дороге по ул. {s}", 5.0, Season::any},
    {Sector::roads, "road_repair", "Требуется ремонт дороги по ул. {s}", 2.0, Season::summer},
    {Sector::roads, "sidewalk", "Разбит тротуар на ул. {s}", 1.5, Season::any},
    {Sector::roads, "traffic_light", "Не работает светофор на перекрёстке ул. {s}", 1.0,
     Season::any},
    {Sector::roads, "snow_removal", "Не убран снег на ул. {s}", 4.0, Season::winter},
    {Sector::roads, "ice", "Гололёд на тротуаре по ул. {s}", 2.0, Season::winter},
    {Sector::housing, "hot_water", "Нет горячей воды в доме {n} по ул. {s}", 3.0, Season::any},
    {Sector::housing, "heating", "Холодные батареи в доме {n} по ул. {s}", 3.0, Season::winter},
    {Sector::housing, "roof", "Протекает крыша в доме {n} по ул. {s}", 1.5, Season::any},
    {Sector::housing, "water_quality", "Ржавая вода из крана в доме {n} по ул. {s}", 1.0,
     Season::any},
    {Sector::housing, "water_quality", "Плохое качество питьевой воды", 0.5, Season::any},
    {Sector::housing, "elevator", "Не работает лифт в доме {n} по ул. {s}", 1.0, Season::any},
    {Sector::housing, "basement", "Подтопление подвала в доме {n} по ул. {s}", 0.8, Season::any},
    {Sector::waste, "waste_removal", "Не вывезли мусор с контейнерной площадки по ул. {s}", 5.0,
     Season::any},
    {Sector::waste, "waste_removal", "Переполнены мусорные контейнеры на ул. {s}", 2.0,
     Season::any},
    {Sector::waste, "dump", "Стихийная свалка у дома {n} по ул. {s}", 1.0, Season::any},
    {Sector::waste, "waste_billing", "Неверный расчёт платы за вывоз ТКО", 1.0, Season::any},
    {Sector::healthcare, "appointment", "Не дозвониться в регистратуру поликлиники", 3.0,
     Season::any},
    {Sector::healthcare, "appointment", "Нет свободных талонов к терапевту", 2.0, Season::any},
    {Sector::healthcare, "medicines", "Нет лекарств по льготному рецепту", 1.5, Season::any},
    {Sector::healthcare, "ambulance", "Долгое ожидание скорой помощи", 0.8, Season::any},
    {Sector::healthcare, "vaccination", "Нет вакцины для прививки в поликлинике", 0.7, Season::any},
    {Sector::education, "kindergarten", "Нет мест в детском саду", 2.0, Season::any},
    {Sector::education, "school_heating", "Холодно в классах школы", 1.0, Season::winter},
    {Sector::education, "school_meals", "Жалоба на школьное питание", 1.5, Season::any},
    {Sector::education, "school_bus", "Не организован подвоз детей в школу", 1.0, Season::any},
    {Sector::education, "e_diary", "Не работает электронный дневник", 0.7, Season::any},
    {Sector::transport, "bus_route", "Автобус не вышел на маршрут № {r}", 3.0, Season::any},
    {Sector::transport, "schedule", "Изменилось расписание маршрута № {r}", 1.5, Season::any},
    {Sector::transport, "crowding", "Переполнены автобусы маршрута № {r}", 1.5, Season::any},
    {Sector::transport, "suburban", "Отменён рейс пригородного автобуса", 1.0, Season::any},
    {Sector::transport, "fare", "Не принимают оплату картой в автобусе № {r}", 0.8, Season::any},
    {Sector::energy, "power_outage", "Отключение электроэнергии на ул. {s}", 3.0, Season::any},
    {Sector::energy, "street_lighting", "Не горят уличные фонари на ул. {s}", 2.5, Season::any},
    {Sector::energy, "voltage", "Перепады напряжения в доме {n} по ул. {s}", 1.0, Season::any},
    {Sector::energy, "gas", "Нет газа в доме {n} по ул. {s}", 0.6, Season::any},
    {Sector::social, "child_benefit", "Не пришло единое пособие на ребёнка", 1.5, Season::any},
    {Sector::social, "benefit_delay", "Задержка выплаты пособия", 1.5, Season::any},
    {Sector::social, "housing_subsidy", "Отказ в субсидии на оплату ЖКУ", 1.0, Season::any},
    {Sector::social, "elderly_care", "Нужна помощь одинокому пожилому человеку", 1.0, Season::any},
    {Sector::social, "disability", "Нет пандуса у подъезда дома {n} по ул. {s}", 0.6, Season::any},
    {Sector::other, "stray_dogs", "Бродячие собаки у дома {n} по ул. {s}", 2.0, Season::any},
    {Sector::other, "noise", "Шум от ночного кафе на ул. {s}", 1.0, Season::any},
    {Sector::other, "landscaping", "Не убрана детская площадка по ул. {s}", 1.5, Season::summer},
    {Sector::other, "mfc", "Долгая очередь в МФЦ", 1.0, Season::any},
};

constexpr LocalPattern kPatterns[] = {
    {"balezinsky", Sector::housing, 1.8, "water_quality", 8.0},
    {"mozhga", Sector::housing, 1.8, "water_quality", 8.0},
    {"sarapul", Sector::waste, 2.5, "waste_removal", 2.0},
    {"votkinsk", Sector::waste, 2.5, "waste_removal", 2.0},
    {"glazov", Sector::transport, 1.3, "bus_route", 2.0},
};

constexpr Spike kSpikes[] = {
    {"glazov", Sector::transport, 4.0, 2, "bus_route"},
    {"izhevsk", Sector::social, 4.0, 3, "child_benefit"},
    {"sarapul", Sector::waste, 2.5, 1, "waste_removal"},
};

constexpr RiskTemplate kRisks[] = {
    {1, 10, "Аномальные морозы: аварии на теплосетях", Sector::housing},
    {2, 15, "Сход снега и наледи с крыш", Sector::housing},
    {3, 25, "Паводок: подтопление частных домов", Sector::other},
    {4, 10, "Весенняя распутица: ограничение движения", Sector::roads},
    {4, 20, "Ямочный ремонт после зимы", Sector::roads},
    {5, 15, "Отключение горячей воды на время ремонта сетей", Sector::housing},
    {6, 1, "Летний отдых детей: путёвки в лагеря", Sector::social},
    {7, 15, "Клещевой энцефалит: запись на прививки", Sector::healthcare},
    {8, 25, "Готовность школ к учебному году", Sector::education},
    {9, 15, "Поздний старт отопительного сезона", Sector::housing},
    {10, 1, "Начало отопительного сезона", Sector::housing},
    {10, 20, "Сезонный подъём ОРВИ и гриппа", Sector::healthcare},
    {11, 10, "Гололёд", Sector::roads},
    {12, 1, "Уборка снега во дворах", Sector::roads},
    {12, 20, "Выплаты пособий перед Новым годом", Sector::social},
};

constexpr AgencyChoice kAgencies[] = {
    {Sector::housing, "", true, 0.5},
    {Sector::housing, "Минстрой УР", false, 0.5},
    {Sector::roads, "", true, 0.55},
    {Sector::roads, "Минтранс УР", false, 0.45},
    {Sector::waste, "Регоператор ТКО", false, 0.7},
    {Sector::waste, "Минприроды УР", false, 0.1},
    {Sector::waste, "", true, 0.2},
    {Sector::healthcare, "Минздрав УР", false, 1.0},
    {Sector::education, "Минобрнауки УР", false, 0.7},
    {Sector::education, "", true, 0.3},
    {Sector::transport, "Минтранс УР", false, 0.5},
    {Sector::transport, "", true, 0.5},
    {Sector::energy, "Минстрой УР", false, 0.5},
    {Sector::energy, "", true, 0.5},
    {Sector::social, "Минсоцполитики УР", false, 0.7},
    {Sector::social, "ОСФР по УР", false, 0.3},
    {Sector::other, "", true, 1.0},
};

constexpr std::string_view kStreets[] = {
    "Ленина",         "Кирова",          "Гагарина",
    "Карла Маркса",   "Горького",        "Пушкина",
    "Мира",           "Труда",           "Свободы",
    "Коммунаров",     "Пастухова",       "Ухтомского",
    "Дзержинского",   "Чапаева",         "Максима Горького",
    "10 лет Октября", "50 лет Пионерии", "Лермонтова",
    "Чкалова",        "Луначарского",
};

}  // namespace

std::span<const TitleTemplate> title_templates() { return kTitles; }
std::span<const LocalPattern> local_patterns() { return kPatterns; }
std::span<const Spike> spikes() { return kSpikes; }
std::span<const RiskTemplate> risk_templates() { return kRisks; }
std::span<const AgencyChoice> agency_choices() { return kAgencies; }
std::span<const std::string_view> streets() { return kStreets; }

const std::array<double, model::kSectorCount>& sector_mix() {
    // housing, roads, waste, healthcare, education, transport, energy, social, other
    static constexpr std::array<double, model::kSectorCount> kMix = {0.27, 0.23, 0.10, 0.09, 0.06,
                                                                     0.07, 0.05, 0.08, 0.05};
    return kMix;
}

double season_factor(Sector sector, Season season) {
    if (season == Season::summer && sector == Sector::roads) return 1.3;
    if (season == Season::winter && sector == Sector::housing) return 1.25;
    if (season == Season::winter && sector == Sector::energy) return 1.2;
    return 1.0;
}

const std::array<double, model::kChannelCount>& channel_mix() {
    // vk, ok, telegram, pos, hotline, letter, app, media
    static constexpr std::array<double, model::kChannelCount> kMix = {0.40, 0.08, 0.10, 0.20,
                                                                      0.10, 0.05, 0.04, 0.03};
    return kMix;
}

const std::array<double, 24>& hour_profile() {
    static const std::array<double, 24> kProfile = [] {
        std::array<double, 24> p = {0.25, 0.15, 0.10, 0.10, 0.10, 0.20, 0.40, 0.80,
                                    1.30, 1.60, 1.70, 1.70, 1.60, 1.60, 1.60, 1.50,
                                    1.50, 1.40, 1.30, 1.20, 1.10, 0.90, 0.70, 0.45};
        const double mean = std::accumulate(p.begin(), p.end(), 0.0) / 24.0;
        for (auto& v : p) v /= mean;
        return p;
    }();
    return kProfile;
}

const std::array<double, 7>& weekday_profile() {
    static const std::array<double, 7> kProfile = [] {
        std::array<double, 7> p = {1.15, 1.08, 1.05, 1.05, 1.0, 0.72, 0.62};
        const double mean = std::accumulate(p.begin(), p.end(), 0.0) / 7.0;
        for (auto& v : p) v /= mean;
        return p;
    }();
    return kProfile;
}

}  // namespace tsur::net::demo
