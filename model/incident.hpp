// One citizen's complaint as the wall knows it.
#pragma once

#include <optional>
#include <string>

#include "model/enums.hpp"
#include "model/geo_point.hpp"
#include "model/region.hpp"
#include "model/time.hpp"

namespace tsur::model {

struct Incident {
    std::string id;
    Channel channel = Channel::vk;
    Sector sector = Sector::other;
    MunicipalityIndex municipality = 0;
    std::optional<GeoPoint> location;
    std::string title;
    std::string category;  ///< optional finer topic ("vaccination"); empty when absent
    Status status = Status::new_;
    Priority priority = Priority::normal;
    TimePoint created_at{};
    std::optional<TimePoint> feed_due_at;  ///< due time given by the feed, if any
    TimePoint due_at{};                    ///< effective deadline: feed_due_at or the SLA rules
    TimePoint at_risk_at{};                ///< instant the incident turns "at risk" (<= due_at)
    std::optional<TimePoint> answered_at;
    std::string agency;
};

}  // namespace tsur::model
