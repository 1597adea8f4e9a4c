// The Udmurt Republic as the tests see it: built from the shipped assets by the real loader.
#pragma once

#include <string>

#include "model/region.hpp"

namespace tsur::test {

/// Loads assets/regions/RU-UD/{region.json,municipalities.csv}; throws if they do not parse.
model::Region udmurtia_region();

/// The same for any shipped pack ("RU-TA").
model::Region region_pack(const std::string& code);

}  // namespace tsur::test
