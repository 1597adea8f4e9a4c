// The region the fuzz targets parse against, loaded once from the source tree's assets.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "model/region_loader.hpp"

namespace tsur::fuzz {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline model::Region udmurtia() {
    const std::string dir = std::string(TSUR_SOURCE_DIR) + "/assets/regions/RU-UD/";
    auto r = model::parse_region(slurp(dir + "region.json"), slurp(dir + "municipalities.csv"),
                                 "region.json", "municipalities.csv");
    if (!r) throw std::runtime_error(r.error());
    return r.take();
}

}  // namespace tsur::fuzz
