// Fuzzes the application config parser: any bytes must give a config or an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/app_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)tsur::config::parse_app_config(text, "fuzz-config.json");
    return 0;
}
