// Test support: loads the shipped RU-UD assets once per call (tests stay independent).
#include "support/region_fixture.hpp"

#include <stdexcept>

#include "model/region_loader.hpp"
#include "support/paths.hpp"

namespace tsur::test {

model::Region udmurtia_region() { return region_pack("RU-UD"); }

model::Region region_pack(const std::string& code) {
    const auto json_path = asset_path("regions/" + code + "/region.json");
    const auto csv_path = asset_path("regions/" + code + "/municipalities.csv");
    auto region = model::parse_region(read_file(json_path), read_file(csv_path), json_path.string(),
                                      csv_path.string());
    if (!region) throw std::runtime_error("region_pack " + code + ": " + region.error());
    return region.take();
}

}  // namespace tsur::test
