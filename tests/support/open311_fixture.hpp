// The Open311 test fixture: the spec's sample responses, the shipped mapping (optionally edited)
// and requests mapped onto the Udmurt region, shared by the parser and the mapper tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "formats/open311_parser.hpp"
#include "model/region.hpp"
#include "model/snapshot.hpp"
#include "model/time.hpp"
#include "support/time_literal.hpp"

namespace tsur::test {

/// Base of the Open311 test suites; one per test, test thread.
class Open311Fixture : public ::testing::Test {
protected:
    Open311Fixture();

    /// tests/data/open311/<name>.
    static std::string sample(const std::string& name);

    /// assets/open311/mapping.json with `edit_from` replaced by `edit_to`.
    net::Open311Mapping mapping(const std::string& edit_from = "",
                                const std::string& edit_to = "") const;
    net::Open311Mapping mapping_keeping_outside_points() const;
    model::FeedDocument map_json(const std::string& requests_json, const net::Open311Mapping& m,
                                 model::TimePoint as_of = at("2010-04-20T00:00:00Z")) const;
    std::string muni_id(model::MunicipalityIndex i) const;

    model::Region region_;  ///< Udmurtia, as tests/support/region_fixture loads it
};

}  // namespace tsur::test
