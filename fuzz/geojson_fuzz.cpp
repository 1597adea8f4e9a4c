// Fuzzes the GeoJSON loader and its triangulation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/geojson_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)tsur::model::parse_region_geometry(text, "fuzz.geojson");
    return 0;
}
