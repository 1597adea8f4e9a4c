// SLA rules file parser: every rejection names the file and JSON path so an operator can fix it.
#include "model/sla_rules_loader.hpp"

#include <charconv>
#include <utility>
#include <vector>

#include "model/json_config.hpp"

namespace tsur::model {
namespace {

using Json = nlohmann::json;

// Ten years: longer is certainly a typo, and the cap keeps the arithmetic far from overflow.
constexpr long long kMaxSeconds = 3660LL * 24 * 3600;
constexpr long long kMaxWorkingDays = 2600;

constexpr std::string_view kDurationSyntax = "expected \"<n>min\", \"<n>h\", \"<n>d\" or \"<n>wd\"";

std::string quoted(const Json& value) { return value.dump(); }

std::string join_ids(std::span<const std::string_view> ids) {
    std::string out;
    for (const auto id : ids) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

template <typename E, std::size_t N>
Result<E> read_enum(const Json& value, const std::array<std::string_view, N>& ids,
                    std::string_view file, const std::string& path) {
    if (value.is_string()) {
        if (auto e = enum_from_id<E>(ids, value.get<std::string>())) return *e;
    }
    return config_error(file, path, "expected one of " + join_ids(ids) + ", got " + quoted(value));
}

Result<SlaRule> read_rule(const Json& item, std::string_view file, const std::string& path) {
    if (!item.is_object()) return config_error(file, path, "expected an object");
    SlaRule rule;
    bool has_duration = false;
    for (const auto& [key, value] : item.items()) {
        const std::string field = path + "." + key;
        if (key == "channel") {
            auto c = read_enum<Channel>(value, kChannelIds, file, field);
            if (!c) return Error{c.error()};
            rule.channel = c.value();
        } else if (key == "sector") {
            auto s = read_enum<Sector>(value, kSectorIds, file, field);
            if (!s) return Error{s.error()};
            rule.sector = s.value();
        } else if (key == "category") {
            if (!value.is_string() || value.get<std::string>().empty()) {
                return config_error(file, field, "expected a non-empty string");
            }
            rule.category = value.get<std::string>();
        } else if (key == "duration") {
            const auto d =
                value.is_string() ? parse_sla_duration(value.get<std::string>()) : std::nullopt;
            if (!d)
                return config_error(file, field,
                                    std::string(kDurationSyntax) + ", got " + quoted(value));
            rule.duration = *d;
            has_duration = true;
        } else {
            return config_error(file, field,
                                "unknown key (expected channel, sector, category or duration)");
        }
    }
    if (!has_duration) return config_error(file, path + ".duration", "missing");
    return rule;
}

Result<AtRiskPolicy> read_policy(const Json& obj, std::string_view file) {
    if (!obj.is_object()) return config_error(file, "at_risk", "expected an object");
    AtRiskPolicy policy;
    for (const auto& [key, value] : obj.items()) {
        const std::string field = "at_risk." + key;
        if (key == "share") {
            if (!value.is_number() || value.get<double>() <= 0.0 || value.get<double>() > 1.0) {
                return config_error(file, field,
                                    "expected a number in (0, 1], got " + quoted(value));
            }
            policy.share = value.get<double>();
        } else if (key == "time_left") {
            const auto d =
                value.is_string() ? parse_sla_duration(value.get<std::string>()) : std::nullopt;
            if (!d || d->unit != SlaDuration::Unit::calendar) {
                return config_error(
                    file, field, "expected \"<n>min\", \"<n>h\" or \"<n>d\", got " + quoted(value));
            }
            policy.time_left = d->calendar;
        } else {
            return config_error(file, field, "unknown key (expected share or time_left)");
        }
    }
    return policy;
}

}  // namespace

std::optional<SlaDuration> parse_sla_duration(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9) return std::nullopt;
    long long n = 0;
    std::from_chars(text.data(), text.data() + digits, n);
    const std::string_view unit = text.substr(digits);
    if (n <= 0) return std::nullopt;
    if (unit == "wd") {
        if (n > kMaxWorkingDays) return std::nullopt;
        return SlaDuration{SlaDuration::Unit::working_days, Seconds{0}, static_cast<int>(n)};
    }
    long long scale = 0;
    if (unit == "min") scale = 60;
    if (unit == "h") scale = 3600;
    if (unit == "d") scale = 24 * 3600;
    if (scale == 0 || n > kMaxSeconds / scale) return std::nullopt;
    return SlaDuration{SlaDuration::Unit::calendar, Seconds{n * scale}, 0};
}

std::string format_sla_duration(const SlaDuration& duration) {
    if (duration.unit == SlaDuration::Unit::working_days) {
        return std::to_string(duration.working_days) + "wd";
    }
    const auto s = duration.calendar.count();
    if (s > 0 && s % (24 * 3600) == 0) return std::to_string(s / (24 * 3600)) + "d";
    if (s > 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
    // Sub-minute remainders cannot be written in the syntax; round up so a deadline never shrinks.
    return std::to_string((s + 59) / 60) + "min";
}

Result<SlaRules> parse_sla_rules(std::string_view json_text, std::string_view file_name,
                                 WorkCalendar calendar) {
    auto parsed = parse_json_config(json_text, file_name);
    if (!parsed) return Error{parsed.error()};
    const Json& doc = parsed.value();
    if (!doc.is_object()) return config_error(file_name, "(top level)", "expected an object");

    AtRiskPolicy policy;
    const Json* rules_json = nullptr;
    for (const auto& [key, value] : doc.items()) {
        if (key == "at_risk") {
            auto p = read_policy(value, file_name);
            if (!p) return Error{p.error()};
            policy = p.value();
        } else if (key == "rules") {
            rules_json = &value;
        } else {
            return config_error(file_name, key, "unknown key (expected at_risk or rules)");
        }
    }
    if (!rules_json) return config_error(file_name, "rules", "missing");
    if (!rules_json->is_array() || rules_json->empty()) {
        return config_error(file_name, "rules", "expected a non-empty array of rules");
    }
    std::vector<SlaRule> rules;
    for (std::size_t i = 0; i < rules_json->size(); ++i) {
        auto r = read_rule((*rules_json)[i], file_name, "rules[" + std::to_string(i) + "]");
        if (!r) return Error{r.error()};
        rules.push_back(r.take());
    }
    return SlaRules(std::move(rules), policy, std::move(calendar));
}

}  // namespace tsur::model
