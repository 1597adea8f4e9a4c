// Reads the fixtures through support/paths, so the suites run from any working directory.
#include "support/open311_fixture.hpp"

#include "support/paths.hpp"
#include "support/region_fixture.hpp"

namespace tsur::test {

Open311Fixture::Open311Fixture() : region_(udmurtia_region()) {}

std::string Open311Fixture::sample(const std::string& name) {
    return read_file(data_path("open311/" + name));
}

net::Open311Mapping Open311Fixture::mapping(const std::string& edit_from,
                                            const std::string& edit_to) const {
    std::string text = read_file(asset_path("open311/mapping.json"));
    if (!edit_from.empty()) text.replace(text.find(edit_from), edit_from.size(), edit_to);
    auto m = net::parse_open311_mapping(text, region_, "mapping.json");
    EXPECT_TRUE(m.ok()) << m.error();
    return m.take();
}

net::Open311Mapping Open311Fixture::mapping_keeping_outside_points() const {
    return mapping("\"outside_region\": \"reject\"",
                   "\"outside_region\": \"default_municipality\"");
}

model::FeedDocument Open311Fixture::map_json(const std::string& requests_json,
                                             const net::Open311Mapping& m,
                                             model::TimePoint as_of) const {
    const auto requests = net::parse_open311_requests_json(requests_json);
    EXPECT_TRUE(requests.ok()) << requests.error();
    return net::map_open311_requests(requests.value(), {}, m, region_, as_of);
}

std::string Open311Fixture::muni_id(model::MunicipalityIndex i) const {
    return region_.municipalities[i].id;
}

}  // namespace tsur::test
