// The demo region's scenario data: title templates, channel/sector mixes, local patterns, risks.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "model/enums.hpp"

namespace tsur::net::demo {

enum class Season : std::uint8_t { any, winter, summer };

/// One incident title: "{s}" is a street (genitive name, so every case reads right), "{n}" a
/// house number, "{r}" a bus route.
struct TitleTemplate {
    model::Sector sector;
    std::string_view category;
    std::string_view text;
    double weight;
    Season season;
};

/// A known trouble spot of the region (docs/domain.md): more of one sector, and within it more of
/// one category.
struct LocalPattern {
    std::string_view municipality;
    model::Sector sector;
    double sector_factor;
    std::string_view focus_category;  ///< empty: the sector's usual mix
    double focus_factor;
};

/// A planted spike: extra incidents of one municipality x sector for the last `days` local
/// days (today included), `factor` times the usual rate.
struct Spike {
    std::string_view municipality;
    model::Sector sector;
    double factor;
    int days;
    std::string_view category;  ///< the spike's only topic; empty: the sector's mix
};

/// A yearly risk-calendar entry (month/day in local time).
struct RiskTemplate {
    unsigned month;
    unsigned day;
    std::string_view title;
    model::Sector sector;
};

/// Who answers: a regional body, or the municipality's administration when `municipal`.
struct AgencyChoice {
    model::Sector sector;
    std::string_view name;  ///< empty when municipal
    bool municipal;
    double weight;
};

std::span<const TitleTemplate> title_templates();
std::span<const LocalPattern> local_patterns();
std::span<const Spike> spikes();
std::span<const RiskTemplate> risk_templates();
std::span<const AgencyChoice> agency_choices();
std::span<const std::string_view> streets();

/// Region-wide share of each sector (index = model::Sector), before local patterns.
const std::array<double, model::kSectorCount>& sector_mix();
/// Seasonal factor of a sector in a season.
double season_factor(model::Sector sector, Season season);
/// Share of each channel (index = model::Channel).
const std::array<double, model::kChannelCount>& channel_mix();
/// Relative intake by local hour (mean 1) and by weekday (Monday = 0, mean 1).
const std::array<double, 24>& hour_profile();
const std::array<double, 7>& weekday_profile();

}  // namespace tsur::net::demo
