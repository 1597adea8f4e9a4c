// How the demo names a municipality's administration and a scenario agency in the simulated region.
#pragma once

#include <string>
#include <string_view>

#include "model/region.hpp"

namespace tsur::net::demo {

/// Replaces the trailing adjective of "Алнашский район" to read "Администрация Алнашского района".
std::string admin_name(const model::Municipality& m);

/// The scenario's agencies are Udmurt ("Минтранс УР", "ОСФР по УР"); elsewhere they lose the
/// republic's abbreviation rather than name another region's ministry wrongly.
std::string regional_agency(std::string_view name, std::string_view region_code);

}  // namespace tsur::net::demo
