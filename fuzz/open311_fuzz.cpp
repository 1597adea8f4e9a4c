// Fuzzes the Open311 GeoReport v2 parsers (JSON and XML, services and requests) and the mapping
// into a feed document: any bytes must give a result or an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fuzz/fuzz_region.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"
#include "formats/open311_parser.hpp"

namespace {

tsur::net::Open311Mapping shipped_mapping(const tsur::model::Region& region) {
    const std::string file = std::string(TSUR_SOURCE_DIR) + "/assets/open311/mapping.json";
    auto m = tsur::net::parse_open311_mapping(tsur::fuzz::slurp(file), region, file);
    if (!m) throw std::runtime_error(m.error());
    return m.take();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tsur;
    static const model::Region region = fuzz::udmurtia();
    static const net::Open311Mapping mapping = shipped_mapping(region);
    static const model::TimePoint as_of = *model::parse_rfc3339("2026-11-23T10:15:00Z");
    if (size == 0) return 0;
    // The first byte picks the format, so one corpus covers JSON and XML of both documents.
    const std::uint8_t mode = data[0] % 4;
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (mode) {
        case 0: {
            auto requests = net::parse_open311_requests_json(net::quote_leading_zero_numbers(body));
            if (requests)
                (void)net::map_open311_requests(requests.value(), {}, mapping, region, as_of);
            break;
        }
        case 1: {
            auto requests = net::parse_open311_requests_xml(body);
            if (requests)
                (void)net::map_open311_requests(requests.value(), {}, mapping, region, as_of);
            break;
        }
        case 2:
            (void)net::parse_open311_services_json(net::quote_leading_zero_numbers(body));
            break;
        default:
            (void)net::parse_open311_services_xml(body);
            break;
    }
    return 0;
}
