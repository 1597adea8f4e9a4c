// The v1 document's own municipality list. Entries are checked like records: a bad one is
// counted by reason and left out, and only a block with no usable entry leaves the wall's list.
#include "formats/feed_v1_municipalities.hpp"

#include <limits>
#include <utility>

#include "model/geo_point.hpp"
#include "model/region_loader.hpp"

namespace tsur::net::v1 {
namespace {

using Kind = RawValue::Kind;

/// The last index an id may get: kRegionWide itself means "not placed".
constexpr std::size_t kMaxMunicipalities = model::kRegionWide;

std::optional<Reason> build_municipality(RawMunicipality& raw, const model::Region& pack,
                                         model::Municipality& out) {
    auto& f = raw.fields;
    if (!f[m_id].is_string() || f[m_id].text.empty() || f[m_id].text.size() > kMaxIdBytes) {
        return Reason::bad_municipality;
    }
    if (!f[m_name].is_string() || f[m_name].text.empty()) return Reason::bad_municipality;
    if (f[m_name_en].present() && !f[m_name_en].is_string()) return Reason::bad_municipality;
    if (f[m_urban].present() && f[m_urban].kind != Kind::boolean) return Reason::bad_municipality;
    const auto lat = coordinate(f[m_lat], 90.0);
    const auto lon = coordinate(f[m_lon], 180.0);
    if (!lat || !lon) return Reason::bad_municipality;
    const RawValue& population = f[m_population];
    if (population.present() &&
        (population.kind != Kind::number || !population.integral || population.negative ||
         population.unsigned_value >
             static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return Reason::bad_municipality;
    }
    out = model::Municipality{};
    out.id = std::move(f[m_id].text);
    out.name_ru = std::move(f[m_name].text);
    clean_text(out.name_ru, kMaxShortTextBytes);
    if (f[m_name_en].present()) {
        out.name_en = std::move(f[m_name_en].text);
        clean_text(out.name_en, kMaxShortTextBytes);
    }
    out.urban = f[m_urban].kind == Kind::boolean && f[m_urban].number != 0.0;
    // Into the pack's longitude frame, as the assets' own centres are (model::align_to_geometry).
    const double reference =
        pack.municipalities.empty() ? 0.0 : pack.municipalities[pack.capital].centre.lon;
    out.centre = model::GeoPoint{*lat, model::unwrap_lon(*lon, reference)};
    if (population.present()) {
        out.population = static_cast<std::int64_t>(population.unsigned_value);
    }
    return std::nullopt;
}

}  // namespace

MunicipalityInterner::MunicipalityInterner(const model::Region& region) {
    index_.reserve(region.municipalities.size() * 2);
    ids_.reserve(region.municipalities.size());
    // The wall's own ids live in the Region, which outlives the parse; a repeated one keeps its
    // first index, as Region::find() gives it.
    for (const model::Municipality& m : region.municipalities) {
        const auto index = static_cast<model::MunicipalityIndex>(ids_.size());
        ids_.push_back(m.id);
        index_.emplace(m.id, index);
    }
    own_count_ = ids_.size();
}

model::MunicipalityIndex MunicipalityInterner::intern(std::string_view id) {
    if (const auto it = index_.find(id); it != index_.end()) return it->second;
    if (ids_.size() >= kMaxMunicipalities) return model::kRegionWide;
    const std::string_view stored = foreign_.emplace_back(id);
    const auto index = static_cast<model::MunicipalityIndex>(ids_.size());
    index_.emplace(stored, index);
    ids_.push_back(stored);
    return index;
}

void MunicipalityBlock::add(RawMunicipality& raw, ReasonCounter& counter) {
    ++entries_;
    const RawValue& id = raw.fields[m_id];
    const std::string shown = id.is_string() ? id.text : std::string();
    model::Municipality m;
    if (const auto reason = build_municipality(raw, pack_, m)) {
        counter.add(*reason, shown);
    } else if (own_.municipalities.size() >= kMaxMunicipalities) {
        counter.add(Reason::bad_municipality, shown);
    } else if (!seen_.insert(m.id).second) {
        counter.add(Reason::duplicate_municipality, shown);
    } else {
        own_.municipalities.push_back(std::move(m));
    }
}

void MunicipalityBlock::add_not_an_object(ReasonCounter& counter) {
    ++entries_;
    counter.add(Reason::bad_municipality, {});
}

std::shared_ptr<const model::Region> MunicipalityBlock::finish(ReasonCounter& counter,
                                                               std::string& ignored) {
    if (own_.municipalities.empty()) {
        counter.add(Reason::bad_municipalities);
        ignored = "none of its " + std::to_string(entries_) +
                  " entries is valid (each needs a non-empty \"id\" and \"name\", and \"lat\" and "
                  "\"lon\" in degrees)";
        return nullptr;
    }
    if (pack_.municipalities.empty()) {
        return std::make_shared<const model::Region>(std::move(own_));
    }
    return std::make_shared<const model::Region>(
        model::with_municipalities(pack_, std::move(own_)));
}

void resolve_municipalities(std::vector<model::Incident>& incidents,
                            const MunicipalityInterner& interner, const model::Region& region) {
    const MunicipalityLookup lookup(region);
    std::vector<model::MunicipalityIndex> final_index;
    final_index.reserve(interner.ids().size());
    for (const std::string_view id : interner.ids()) {
        final_index.push_back(lookup.find(id).value_or(model::kRegionWide));
    }
    for (model::Incident& inc : incidents) {
        if (!model::is_region_wide(inc.municipality)) {
            inc.municipality = final_index[inc.municipality];
        }
    }
}

}  // namespace tsur::net::v1
