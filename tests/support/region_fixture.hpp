// The Udmurt Republic as the tests see it: built from the shipped assets by the real loader.
#pragma once

#include "model/region.hpp"

namespace tsur::test {

/// Loads assets/regions/RU-UD/{region.json,municipalities.csv}; throws if they do not parse.
model::Region udmurtia_region();

}  // namespace tsur::test
