// The region a wall serves: its municipalities (ids, Russian names, centres, population).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/geo_point.hpp"
#include "model/time.hpp"

namespace tsur::model {

using MunicipalityIndex = std::uint16_t;

/// The municipality of an incident the feed could not place in one (an id the region does not
/// know, an Open311 request without coordinates and no default): it belongs to the region as a
/// whole. It counts in every total; per-municipality views show it as its own "whole region" row.
inline constexpr MunicipalityIndex kRegionWide = 0xFFFF;

/// True for kRegionWide: the one test every consumer of Incident::municipality uses.
constexpr bool is_region_wide(MunicipalityIndex m) { return m == kRegionWide; }

struct Municipality {
    std::string id;       ///< stable ASCII slug, as in the feed ("izhevsk")
    std::string name_ru;  ///< "Ижевск", "Алнашский район"
    std::string name_en;
    bool urban = false;                      ///< городской округ
    GeoPoint centre;                         ///< administrative centre (label anchor)
    std::int64_t centre_population = 0;      ///< population of the centre settlement only
    std::optional<std::int64_t> population;  ///< municipal total, when a source gives it
    std::string population_date;             ///< its reference date, ISO ("2021-10-01")
};

/// Immutable description of a region, loaded once from assets; any thread may read it.
struct Region {
    std::string code;                        ///< ISO 3166-2, "RU-UD"
    std::string name_ru;                     ///< "Удмуртская Республика"
    std::string time_zone;                   ///< IANA, "Europe/Samara"
    Seconds utc_offset = kDefaultUtcOffset;  ///< Russia keeps no DST since 2014: fixed offset
    std::vector<Municipality> municipalities;
    MunicipalityIndex capital = 0;

    std::optional<MunicipalityIndex> find(std::string_view id) const {
        for (std::size_t i = 0; i < municipalities.size(); ++i) {
            if (municipalities[i].id == id) return static_cast<MunicipalityIndex>(i);
        }
        return std::nullopt;
    }
};

/// The region's UTC offset: the one rule for the clock, "today", working days and freezes.
inline Seconds utc_offset_of(const Region* region) {
    return region ? region->utc_offset : kDefaultUtcOffset;
}

}  // namespace tsur::model
