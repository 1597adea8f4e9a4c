// Fuzzes the native feed parser: any bytes must give a document or an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_region.hpp"
#include "model/snapshot.hpp"
#include "formats/feed_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const tsur::model::Region region = tsur::fuzz::udmurtia();
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    auto doc = tsur::net::parse_feed_v1(body, region);
    if (doc) {
        // Building the snapshot exercises SLA rules and aggregates on whatever survived.
        (void)tsur::model::build_snapshot(doc.take(),
                                          std::make_shared<const tsur::model::Region>(region),
                                          tsur::model::SlaRules::defaults());
    }
    return 0;
}
