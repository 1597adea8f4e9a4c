// The valid feed v1 document the fault-injection tests serve and cache: three good records at a
// chosen as_of, with room for extra (bad) records and another schema tag.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"

namespace tsur::test {

/// The ids of the records every served document holds (the "good" data of a test).
inline const std::vector<std::string>& good_incident_ids() {
    static const std::vector<std::string> ids{"UD-F1", "UD-F2", "UD-F3"};
    return ids;
}

/// A valid feed v1 document at `as_of` with the good records, then `extra_records` (JSON
/// objects, comma-led), under `schema`.
inline std::string fault_feed_document(model::TimePoint as_of, std::string_view extra_records = {},
                                       std::string_view schema = "tsur.feed.v1") {
    using std::chrono::hours;
    const auto t = [](model::TimePoint p) { return "\"" + model::format_rfc3339(p) + "\""; };
    std::string doc = "{\"schema\": \"" + std::string(schema) + "\",\n";
    doc +=
        " \"region\": {\"code\": \"RU-UD\", \"name\": \"Удмуртская Республика\", "
        "\"time_zone\": \"Europe/Samara\", \"utc_offset\": \"+04:00\"},\n";
    doc += " \"as_of\": " + t(as_of) + ",\n \"incidents\": [\n";
    doc +=
        "  {\"id\": \"UD-F1\", \"channel\": \"vk\", \"sector\": \"roads\", "
        "\"municipality\": \"izhevsk\", \"lat\": 56.85, \"lon\": 53.2, "
        "\"title\": \"Яма на ул. Пушкинской\", \"status\": \"in_progress\", "
        "\"created_at\": " +
        t(as_of - hours(2)) + ", \"agency\": \"Минтранс УР\"},\n";
    doc +=
        "  {\"id\": \"UD-F2\", \"channel\": \"hotline\", \"sector\": \"housing\", "
        "\"municipality\": \"sarapul\", \"title\": \"Нет отопления\", \"status\": \"new\", "
        "\"priority\": \"high\", \"created_at\": " +
        t(as_of - hours(20)) + ", \"due_at\": " + t(as_of + hours(4)) +
        ", \"agency\": \"Минстрой УР\"},\n";
    doc +=
        "  {\"id\": \"UD-F3\", \"channel\": \"pos\", \"sector\": \"waste\", "
        "\"municipality\": \"izhevsk\", \"lat\": 56.83, \"lon\": 53.15, "
        "\"title\": \"Не вывезен мусор\", \"status\": \"answered\", "
        "\"created_at\": " +
        t(as_of - hours(50)) + ", \"answered_at\": " + t(as_of - hours(30)) +
        ", \"agency\": \"Минприроды УР\"}";
    doc += std::string(extra_records) + "\n ]\n}\n";
    return doc;
}

/// One extra record (comma-led) of an otherwise valid shape with the given id and `fields`.
inline std::string fault_record(std::string_view id, std::string_view fields) {
    return ",\n  {\"id\": \"" + std::string(id) +
           "\", \"channel\": \"app\", \"sector\": \"other\", "
           "\"municipality\": \"izhevsk\", \"title\": \"Плохая запись\", \"status\": \"new\", " +
           std::string(fields) + "}";
}

/// Records of a document at `as_of` with latitude 91 and longitude -181.
inline std::string bad_coordinate_records(model::TimePoint as_of) {
    const std::string created =
        "\"created_at\": \"" + model::format_rfc3339(as_of - std::chrono::hours(1)) + "\"";
    return fault_record("UD-BAD-LAT", "\"lat\": 91.0, \"lon\": 53.2, " + created) +
           fault_record("UD-BAD-LON", "\"lat\": 56.8, \"lon\": -181.0, " + created);
}

/// A record of a document at `as_of` that reuses the id of the first good record.
inline std::string duplicate_records(model::TimePoint as_of) {
    return fault_record(
        good_incident_ids().front(),
        "\"created_at\": \"" + model::format_rfc3339(as_of - std::chrono::hours(1)) + "\"");
}

/// Records created in 1970 and in 2099.
inline std::string extreme_date_records() {
    return fault_record("UD-OLD", "\"created_at\": \"1970-01-01T00:00:00Z\"") +
           fault_record("UD-FUTURE", "\"created_at\": \"2099-01-01T00:00:00Z\"");
}

/// A document at `as_of` whose `n` records all carry status "Open" (an Open311 habit; v1 knows
/// only lowercase ids), so every one is dropped as unknown_status.
inline std::string all_rejected_document(model::TimePoint as_of, int n = 7) {
    std::string records;
    const std::string created =
        "\"created_at\": \"" + model::format_rfc3339(as_of - std::chrono::hours(1)) + "\"";
    for (int i = 1; i <= n; ++i) {
        std::string record = fault_record("UD-OPEN-" + std::to_string(i), created);
        record.replace(record.find("\"status\": \"new\""), 15, "\"status\": \"Open\"");
        records += record;
    }
    std::string doc = fault_feed_document(as_of, records);
    // Keep only the extra records: cut the three good ones out of the array.
    const auto begin = doc.find("[\n") + 2;
    const auto first_bad = doc.find(",\n  {\"id\": \"UD-OPEN-1\"");
    doc.erase(begin, first_bad + 2 - begin);
    return doc;
}

}  // namespace tsur::test
