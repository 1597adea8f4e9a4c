// Heatmap numbers. Totals in per-capita mode are the row's rate over all shown sectors, so the
// "total" column reads in the same unit as the cells.
#include "display/heatmap_data.hpp"

#include <cstdlib>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/league_table.hpp"
#include "model/sla.hpp"

namespace tsur::display {
namespace {

std::vector<model::SectorCounts> window_matrix(const model::Snapshot& snap, config::Window w,
                                               model::TimePoint now) {
    switch (w) {
        case config::Window::today:
            return snap.aggregates.today_by_muni_sector;
        case config::Window::week:
            return snap.aggregates.week_by_muni_sector;
        case config::Window::overdue:
            return model::overdue_by_municipality_sector(snap, now);
        case config::Window::open:
            break;
    }
    return snap.aggregates.open_by_muni_sector;
}

model::SectorCounts region_wide_counts(const model::Snapshot& snap, config::Window w,
                                       model::TimePoint now) {
    switch (w) {
        case config::Window::today:
            return snap.aggregates.region_wide_today;
        case config::Window::week:
            return snap.aggregates.region_wide_week;
        case config::Window::overdue: {
            // Open incidents by deadline, as model::overdue_by_municipality_sector walks them:
            // none past the first deadline after now is overdue, and the tile view asks every
            // frame (a walk over every incident cost 0.37 ms of CPU at 176k incidents).
            model::SectorCounts counts{};
            for (const std::uint32_t i : snap.deadlines.by_due()) {
                const model::Incident& inc = snap.incidents[i];
                if (inc.due_at > now) break;
                if (model::is_region_wide(inc.municipality) &&
                    model::classify(inc, now) == model::SlaState::overdue) {
                    ++counts[model::index_of(inc.sector)];
                }
            }
            return counts;
        }
        case config::Window::open:
            break;
    }
    return snap.aggregates.region_wide_open;
}

}  // namespace

HeatmapData build_heatmap(const model::Snapshot& snap, const config::WidgetSpec& spec,
                          model::TimePoint now) {
    HeatmapData data;
    data.per_capita = spec.per_capita;
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        data.sector_shown[s] =
            spec.sectors.empty() || std::find(spec.sectors.begin(), spec.sectors.end(),
                                              static_cast<model::Sector>(s)) != spec.sectors.end();
    }
    const std::vector<model::SectorCounts> matrix = window_matrix(snap, spec.window, now);
    // `population` 0 stands for "unknown": a municipality cannot have no residents.
    const auto make_row = [&](model::MunicipalityIndex m, const model::SectorCounts& counts,
                              std::int64_t population) {
        HeatmapRow row;
        row.municipality = m;
        for (std::size_t s = 0; s < model::kSectorCount; ++s) {
            if (!data.sector_shown[s]) continue;
            row.raw_total += counts[s];
        }
        const auto value_of = [&](double count) -> std::optional<double> {
            if (!spec.per_capita) return count;
            if (population <= 0) return std::nullopt;
            return count * 10000.0 / static_cast<double>(population);
        };
        for (std::size_t s = 0; s < model::kSectorCount; ++s) {
            if (!data.sector_shown[s]) continue;
            row.values[s] = value_of(counts[s]);
            if (row.values[s]) data.max_value = std::max(data.max_value, *row.values[s]);
        }
        row.total = value_of(row.raw_total);
        return row;
    };
    const std::size_t munis = snap.region ? snap.region->municipalities.size() : matrix.size();
    for (std::size_t m = 0; m < munis; ++m) {
        const model::SectorCounts counts = m < matrix.size() ? matrix[m] : model::SectorCounts{};
        std::int64_t population = 0;
        if (snap.region && m < snap.region->municipalities.size()) {
            population = snap.region->municipalities[m].population.value_or(0);
        }
        if (spec.per_capita && population <= 0) ++data.population_missing;
        if (spec.per_capita && population > 0) {
            const std::string& date = snap.region->municipalities[m].population_date;
            const int year = date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0;
            if (year > 0) {
                data.population_year_min =
                    data.population_year_min == 0 ? year : std::min(data.population_year_min, year);
                data.population_year_max = std::max(data.population_year_max, year);
            }
        }
        data.rows.push_back(make_row(static_cast<model::MunicipalityIndex>(m), counts, population));
    }
    data.municipalities = data.rows.size();
    const model::Region* region = snap.region.get();
    if (spec.row_order == config::RowOrder::by_name && region != nullptr) {
        std::stable_sort(data.rows.begin(), data.rows.end(),
                         [&](const HeatmapRow& a, const HeatmapRow& b) {
                             return region->municipalities[a.municipality].name_ru <
                                    region->municipalities[b.municipality].name_ru;
                         });
    } else {
        // By total in the shown unit, so a per-capita view ranks by rate; rows without a rate
        // go last, ordered by their raw count.
        std::stable_sort(data.rows.begin(), data.rows.end(),
                         [](const HeatmapRow& a, const HeatmapRow& b) {
                             if (a.total.has_value() != b.total.has_value())
                                 return a.total.has_value();
                             if (a.total && *a.total != *b.total) return *a.total > *b.total;
                             return a.raw_total > b.raw_total;
                         });
    }
    // The region-wide incidents: one row after every municipality's, whatever the order, so
    // the rows add up to the region's total; it has no population, so no rate.
    const HeatmapRow wide =
        make_row(model::kRegionWide, region_wide_counts(snap, spec.window, now), 0);
    if (wide.raw_total > 0) data.rows.push_back(wide);
    return data;
}

std::size_t heatmap_pages(const HeatmapData& data, std::size_t per_page) {
    if (per_page == 0) return 0;
    return std::max<std::size_t>(1, (data.rows.size() + per_page - 1) / per_page);
}

void keep_heatmap_page(HeatmapData& data, std::size_t per_page, std::size_t page) {
    const std::size_t first = std::min(data.rows.size(), page * per_page);
    const std::size_t last = std::min(data.rows.size(), first + per_page);
    data.rows.erase(data.rows.begin() + static_cast<std::ptrdiff_t>(last), data.rows.end());
    data.rows.erase(data.rows.begin(), data.rows.begin() + static_cast<std::ptrdiff_t>(first));
}

float heat_position(double value, double max_value) {
    if (max_value <= 0 || value <= 0) return 0.0f;
    return static_cast<float>(std::sqrt(std::clamp(value / max_value, 0.0, 1.0)));
}

double heat_value_at(float position, double max_value) {
    const double p = std::clamp(static_cast<double>(position), 0.0, 1.0);
    return p * p * max_value;
}

}  // namespace tsur::display
