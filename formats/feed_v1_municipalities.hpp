// The optional `municipalities` block of a v1 document (the region's own list, docs/feed-api.md
// 3.7): its entries as read, their validation, and the ids incidents name until the list is known.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/region.hpp"
#include "formats/feed_reasons.hpp"
#include "formats/feed_v1_record.hpp"

namespace tsur::net::v1 {

enum MunicipalityField : FieldIndex {
    m_id,
    m_name,
    m_name_en,
    m_urban,
    m_lat,
    m_lon,
    m_population,
    kMunicipalityFieldCount
};
inline constexpr std::array<std::string_view, kMunicipalityFieldCount> kMunicipalityFields = {
    "id", "name", "name_en", "urban", "lat", "lon", "population"};

struct RawMunicipality {
    std::array<RawValue, kMunicipalityFieldCount> fields;
};

/// Gives each municipality id an incident names a provisional index while the body is read, as
/// the `municipalities` block may follow the incidents. The wall's own ids keep their indices;
/// other ids are numbered after them. Single use, one thread.
class MunicipalityInterner {
public:
    explicit MunicipalityInterner(const model::Region& region);
    /// The provisional index of `id`; kRegionWide once 65,534 distinct ids were seen.
    model::MunicipalityIndex intern(std::string_view id);
    /// Interned ids, by provisional index.
    const std::vector<std::string_view>& ids() const { return ids_; }
    /// True when an id outside the wall's own list was interned.
    bool has_foreign() const { return ids_.size() > own_count_; }

private:
    std::unordered_map<std::string_view, model::MunicipalityIndex> index_;
    std::vector<std::string_view> ids_;
    std::deque<std::string> foreign_;  ///< storage of the ids the wall does not list
    std::size_t own_count_ = 0;
};

/// The block's entries as they are read: each is checked at once and only valid ones are kept
/// (at most 65,535), so a hostile block costs no more memory than a real list. Single use, one
/// thread; `pack` must outlive it.
class MunicipalityBlock {
public:
    explicit MunicipalityBlock(const model::Region& pack) : pack_(pack) {}
    /// Checks one entry (moving strings out of `raw`); a bad one is counted under
    /// bad_municipality, a repeated id under duplicate_municipality.
    void add(RawMunicipality& raw, ReasonCounter& counter);
    /// An element that is not an object: counted under bad_municipality.
    void add_not_an_object(ReasonCounter& counter);
    /// The region of the document: the pack (outline, capital, zone) with the valid entries as
    /// its municipalities (model::with_municipalities), or null when none was valid; then it is
    /// counted once under bad_municipalities and `ignored` says why for the log.
    std::shared_ptr<const model::Region> finish(ReasonCounter& counter, std::string& ignored);

private:
    const model::Region& pack_;
    model::Region own_;
    std::unordered_set<std::string> seen_;
    std::size_t entries_ = 0;
};

/// Moves the provisional indices of `incidents` to indices of `region` (kRegionWide when it does
/// not list the id).
void resolve_municipalities(std::vector<model::Incident>& incidents,
                            const MunicipalityInterner& interner, const model::Region& region);

}  // namespace tsur::net::v1
