// The demo region: a deterministic simulation of citizens' incidents, a pure function of (seed, now).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/geo_point.hpp"
#include "model/geometry.hpp"
#include "model/region.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"

namespace tsur::net {

/// What to simulate; plain value.
struct SimulatorOptions {
    std::uint64_t seed = 1;
    double daily_incidents = 1000.0;  ///< Udmurtia's mean of new incidents a day (scale 1); other
                                      ///< regions scale it by their places' population
    double scale = 1.0;               ///< multiplies every rate (benchmarks: 25-30 -> ~50k open)
    int closed_days = 7;              ///< closed incidents stay in the snapshot this long
    int history_days = 60;            ///< daily history block, today included
    /// Outer rings of the region, one single-ring polygon each; when given, every scattered
    /// point is kept inside one of them.
    std::vector<model::GeoPolygon> boundary;
};

/// The outer rings of a region outline (holes dropped, not triangulated), as
/// SimulatorOptions::boundary wants them.
std::vector<model::GeoPolygon> outer_rings(const model::RegionGeometry& geometry);

/// Immutable after construction; generate*() may be called from any thread at once.
/// Incidents are drawn per UTC hour bucket from a seed of (seed, stream, hour, index), so an
/// incident's fate never depends on `now`: a later `now` only moves statuses on and adds
/// incidents. Only the planted spikes follow `now` (they cover the last days before it).
class DemoSimulator {
public:
    DemoSimulator(std::shared_ptr<const model::Region> region, SimulatorOptions options);

    /// The feed v1 document at `now` (UTF-8 JSON, compact).
    std::string generate_json(model::TimePoint now) const;
    /// The same content as typed values (what a parser of generate_json would yield).
    model::FeedDocument generate(model::TimePoint now) const;

    const model::Region& region() const { return *region_; }
    const SimulatorOptions& options() const { return options_; }
    /// Relative intake weight of each municipality (sums to 1).
    const std::vector<double>& municipality_weights() const { return muni_weight_; }

private:
    struct Sim;
    struct Details;
    struct Run;
    struct Scatter {
        double inner_km = 0, outer_km = 0;  ///< ring of the scatter around the centre
        double village_share = 0;           ///< share placed within 1.5 km of the centre
        double safe_km = 1e9;               ///< disc around the centre known to be inside
    };
    using SectorCum = std::array<double, model::kSectorCount>;

    Run run(model::TimePoint now) const;
    void draw_bucket(Run& run, std::int64_t hour, model::TimePoint now) const;
    bool draw_incident(Run& run, std::int64_t hour, bool winter, int stream, int index,
                       int forced_muni, int forced_sector, model::TimePoint now) const;
    Details details(const Sim& sim) const;
    model::GeoPoint scatter(std::uint64_t& rng, model::MunicipalityIndex muni) const;
    bool inside_boundary(model::GeoPoint p) const;

    std::shared_ptr<const model::Region> region_;
    SimulatorOptions options_;
    std::string id_prefix_;
    std::vector<double> muni_weight_;
    double volume_ = 1.0;  ///< the region's intake against the Udmurt scenario's
    std::vector<double> muni_cum_;
    std::array<std::vector<SectorCum>, 2> sector_cum_;  ///< [winter?][muni]
    std::array<std::vector<SectorCum>, 2> sector_share_;
    /// [winter?][muni * kSectorCount + sector] -> cumulative weights over title_templates().
    std::array<std::vector<std::vector<std::pair<double, std::uint16_t>>>, 2> title_cum_;
    std::vector<std::vector<std::pair<double, std::uint16_t>>> spike_titles_;
    std::vector<int> spike_muni_;
    std::vector<std::string> admin_name_;
    /// agency_choices() names as this region reads them ("Минтранс УР" outside Udmurtia: "Минтранс").
    std::vector<std::string> agency_name_;
    std::string benefits_agency_;
    std::vector<Scatter> scatter_;
};

}  // namespace tsur::net
