// The v1 feed parser: simdjson's On-Demand API walks the body once (net/feed_v1_reader.hpp), so a
// 100k incident body is never held as a DOM and its bytes go through a SIMD lexer (issue 9: the
// ingest budget). This file checks the document once the body is read.
#include "formats/feed_parser.hpp"

#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "formats/feed_v1_reader.hpp"
#include "model/calendar_date.hpp"

namespace tsur::net {
namespace v1 {

void FeedReader::finish_municipalities() {
    if (municipalities_array_) {
        doc_.region = municipality_block_.finish(counter_, doc_.municipalities_ignored);
    } else if (top_[t_municipalities].present()) {
        counter_.add(Reason::bad_municipalities);
        doc_.municipalities_ignored = "it is " +
                                      std::string(kind_name(top_[t_municipalities].kind)) +
                                      ", expected an array of objects";
    }
    if (doc_.region) {
        resolve_municipalities(doc_.incidents, municipalities_, *doc_.region);
    } else if (municipalities_.has_foreign()) {
        resolve_municipalities(doc_.incidents, municipalities_, region_);
    }
}

void FeedReader::finish_history(const model::Region& region) {
    const RawValue& start_v = history_fields_[h_start];
    const RawValue& days_v = history_fields_[h_days];
    const auto start = start_v.is_string() ? model::parse_iso_date(start_v.text) : std::nullopt;
    const bool days_ok = days_v.kind == Kind::number && days_v.integral && !days_v.negative &&
                         days_v.unsigned_value >= 1 && days_v.unsigned_value <= kMaxHistoryDays;
    if (!start || !days_ok || !series_array_) {
        counter_.add(Reason::bad_history);
        return;
    }
    const auto days = static_cast<std::uint32_t>(days_v.unsigned_value);
    std::vector<bool> seen(region.municipalities.size() * model::kSectorCount, false);
    const MunicipalityLookup lookup(region);
    for (std::uint32_t i = 0; i < bad_series_elements_; ++i) {
        counter_.add(Reason::bad_history_series);
    }
    for (const auto& s : series_) {
        if (!append_series(s, *start, days, lookup, seen, doc_.history)) {
            counter_.add(Reason::bad_history_series);
        }
    }
}

void FeedReader::drop_future_and_duplicates() {
    // One pass after the whole body: as_of may follow the incidents, and the first record with
    // an id wins over later ones. The ids seen are an open-addressing table of positions in the
    // kept prefix: no node allocation per record (std::unordered_set was ~8 % of a 100k parse).
    auto& incidents = doc_.incidents;
    constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
    std::size_t capacity = 16;
    while (capacity < incidents.size() * 2) capacity *= 2;
    std::vector<std::uint32_t> slots(capacity, kEmpty);
    const std::hash<std::string_view> hash;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        auto& inc = incidents[i];
        if (created_in_future(inc.created_at, doc_.as_of)) {
            counter_.add(Reason::created_in_future, inc.id);
            continue;
        }
        std::size_t slot = hash(inc.id) & (capacity - 1);
        while (slots[slot] != kEmpty && incidents[slots[slot]].id != inc.id) {
            slot = (slot + 1) & (capacity - 1);
        }
        if (slots[slot] != kEmpty) {
            counter_.add(Reason::duplicate_id, inc.id);
            continue;
        }
        // Counted here, among the records kept, so the count matches what the wall shows.
        if (model::is_region_wide(inc.municipality)) {
            counter_.add_region_wide(Reason::unknown_municipality, inc.id);
        }
        // Positions at or past `kept` are never in the table, so moving into one is safe.
        if (kept != i) incidents[kept] = std::move(inc);
        slots[slot] = static_cast<std::uint32_t>(kept);
        ++kept;
    }
    incidents.resize(kept);
}

model::Result<model::FeedDocument> FeedReader::finish() {
    const RawValue& schema = top_[t_schema];
    if (!schema.present()) {
        return model::Error{"feed: field 'schema' is missing; expected \"tsur.feed.v1\""};
    }
    if (!schema.is_string() || schema.text != kFeedSchemaV1) {
        return model::Error{
            "feed: field 'schema' is " +
            (schema.is_string() ? quoted(schema.text) : std::string(kind_name(schema.kind))) +
            ", expected \"tsur.feed.v1\" (see docs/feed-api.md, Versioning)"};
    }
    if (!region_object_) {
        return model::Error{"feed: field 'region' must be an object with a 'code', got " +
                            std::string(kind_name(top_[t_region].kind))};
    }
    const RawValue& code = region_fields_[g_code];
    if (!code.is_string()) {
        return model::Error{"feed: field 'region.code' must be a string like \"" + region_.code +
                            "\", got " + std::string(kind_name(code.kind))};
    }
    if (code.text != region_.code) {
        return model::Error{"feed: field 'region.code' is " + quoted(code.text) +
                            " but this wall shows \"" + region_.code + "\""};
    }
    for (const FieldIndex f : {g_name, g_time_zone, g_utc_offset}) {
        const RawValue& v = region_fields_[static_cast<std::size_t>(f)];
        if (v.present() && !v.is_string()) {
            return model::Error{"feed: field 'region." + std::string(kRegionFields[f]) +
                                "' must be a string, got " + std::string(kind_name(v.kind))};
        }
    }
    const RawValue& as_of = top_[t_as_of];
    const auto as_of_time = as_of.is_string() ? model::parse_rfc3339(as_of.text) : std::nullopt;
    if (!as_of_time) {
        return model::Error{
            "feed: field 'as_of' is " +
            (as_of.is_string() ? quoted(as_of.text) : std::string(kind_name(as_of.kind))) +
            ", expected an RFC 3339 time like \"2026-11-23T10:15:00Z\""};
    }
    if (!incidents_array_) {
        return model::Error{"feed: field 'incidents' must be an array, got " +
                            std::string(kind_name(top_[t_incidents].kind))};
    }
    doc_.schema = schema.text;
    doc_.region_code = code.text;
    doc_.region_name = region_fields_[g_name].is_string() ? region_fields_[g_name].text : "";
    doc_.time_zone =
        region_fields_[g_time_zone].is_string() ? region_fields_[g_time_zone].text : "";
    doc_.as_of = *as_of_time;
    finish_municipalities();
    if (history_object_) {
        finish_history(doc_.region ? *doc_.region : region_);
    } else if (top_[t_history].present()) {
        counter_.add(Reason::bad_history);
    }
    if (!risks_array_ && top_[t_risks].present()) counter_.add(Reason::bad_risks);
    drop_future_and_duplicates();
    counter_.flush_into(doc_);
    return std::move(doc_);
}

}  // namespace v1

model::Result<model::FeedDocument> parse_feed_v1(std::string_view body,
                                                 const model::Region& region) {
    if (body.size() > kMaxFeedBytes) {
        return model::Error{"feed: body is " + std::to_string(body.size()) +
                            " bytes, over the limit of " + std::to_string(kMaxFeedBytes) +
                            " bytes (64 MiB)"};
    }
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return model::Error{"feed: body is empty; expected a JSON object"};
    }
    if (body[first] == '<') {
        return model::Error{
            "feed: body is not JSON: it starts with '<' (an HTML or XML page, "
            "e.g. a proxy's error page?); expected a JSON object"};
    }
    // nlohmann accepted a UTF-8 byte order mark before the JSON; simdjson does not.
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    try {
        // On-Demand reads up to SIMDJSON_PADDING bytes past the end: it needs its own copy.
        const simdjson::padded_string padded(body);
        if (padded.size() != body.size()) {
            return model::Error{"feed: cannot parse body: out of memory copying " +
                                std::to_string(body.size()) + " bytes"};
        }
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        v1::FeedReader reader(region, std::string_view(padded));
        simdjson::error_code err = parser.iterate(padded).get(doc);
        const bool indexed = err == simdjson::SUCCESS;
        if (indexed) err = reader.read(doc);
        if (err != simdjson::SUCCESS) {
            if (!reader.error().empty()) return model::Error{reader.error()};
            std::string where;
            const char* at = nullptr;
            if (err == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
                // simdjson finds unbalanced brackets before reading anything, so its location
                // would be byte 0; the document really breaks off at its end.
                where = " at byte " + std::to_string(body.size()) + " (the end: truncated?)";
            } else if (indexed && doc.current_location().get(at) == simdjson::SUCCESS) {
                where = " at byte " + std::to_string(at - padded.data());
            }
            return model::Error{"feed: body is not valid JSON" + where + ": " +
                                simdjson::error_message(err)};
        }
        return reader.finish();
    } catch (const std::exception& e) {
        // Only allocation failure should get here; the wall keeps its last good snapshot.
        return model::Error{std::string("feed: cannot parse body: ") + e.what()};
    }
}

std::vector<std::string_view> rejection_reasons() { return {kReasonIds.begin(), kReasonIds.end()}; }

}  // namespace tsur::net
