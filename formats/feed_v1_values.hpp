// JSON details the v1 reader needs beyond simdjson On-Demand: key matching on raw bytes, full
// validation of skipped containers, numbers simdjson refuses. Internal to net/feed_v1_reader*.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "formats/feed_v1_record.hpp"

namespace tsur::net::v1 {

namespace od = simdjson::ondemand;

/// Tells which of a record kind's field names an object key is. Built per parse, then const:
/// any thread. Servers write the fields of every record in the same order, so the name after the
/// previous match is tried first; a name is matched on the key's raw bytes, 16 at a time, as
/// unescaping and comparing every key (1.4 M of them in 100k incidents) cost ~12 % of a parse.
template <std::size_t N>
class KeyTable {
public:
    explicit KeyTable(const std::array<std::string_view, N>& names) : names_(names) {
        for (std::size_t i = 0; i < N; ++i) {
            // The name and its closing quote; longer names only match by the slow path.
            std::array<char, 16> bytes{}, mask{};
            const std::size_t size = std::min(names[i].size() + 1, bytes.size());
            for (std::size_t b = 0; b < size; ++b) {
                bytes[b] = b < names[i].size() ? names[i][b] : '"';
                mask[b] = static_cast<char>(0xFF);
            }
            std::memcpy(patterns_[i].word.data(), bytes.data(), bytes.size());
            std::memcpy(patterns_[i].mask.data(), mask.data(), mask.size());
        }
    }

    /// Sets `out` to the index of the key of `field` in the names, or kUnknownField.
    simdjson::error_code index(od::field& field, std::size_t& hint, FieldIndex& out) const {
        // The body is padded, so 16 bytes from a key's start stay inside the buffer.
        std::array<std::uint64_t, 2> word{};
        std::memcpy(word.data(), field.key().raw(), sizeof(word));
        for (std::size_t n = 0; n < N; ++n) {
            const std::size_t i = hint + n < N ? hint + n : hint + n - N;
            const Pattern& p = patterns_[i];
            if ((word[0] & p.mask[0]) == p.word[0] && (word[1] & p.mask[1]) == p.word[1] &&
                names_[i].size() < 16) {
                hint = i + 1 < N ? i + 1 : 0;
                out = static_cast<FieldIndex>(i);
                return simdjson::SUCCESS;
            }
        }
        // Not one of ours as written: it may be one written with escapes ("t\u0069tle"), and
        // its escapes must be valid JSON either way.
        std::string_view key;
        SIMDJSON_TRY(field.unescaped_key().get(key));
        out = field_index(names_, key);
        return simdjson::SUCCESS;
    }

private:
    struct Pattern {
        std::array<std::uint64_t, 2> word{};
        std::array<std::uint64_t, 2> mask{};
    };
    std::array<std::string_view, N> names_;
    std::array<Pattern, N> patterns_{};
};

/// A number token simdjson refuses although it is valid JSON (an exponent of 20+ digits such as
/// 1e-99999999999999999999) read as nlohmann read it: underflow is 0, overflow is an error.
std::optional<double> read_long_exponent(std::string_view token);

/// Where and why `json` (one complete value) is not valid JSON.
struct SyntaxError {
    std::size_t position = 0;
    std::string what;
};

/// Checks one container On-Demand skipped over (it counts brackets only) as strictly as any other
/// part of the body, with an iterative parser: any depth, no recursion.
std::optional<SyntaxError> check_json_syntax(std::string_view json);

/// Calls fn(index, value, type) for each field of the object `v`, its key looked up in `keys`
/// (kUnknownField when not there); stops at the first error, fn's or simdjson's.
template <std::size_t N, typename Fn>
simdjson::error_code for_each_field(od::value& v, const KeyTable<N>& keys, Fn&& fn) {
    od::object object;
    SIMDJSON_TRY(v.get_object().get(object));
    std::size_t hint = 0;
    for (auto item : object) {
        od::field field;
        SIMDJSON_TRY(std::move(item).get(field));
        od::value& value = field.value();
        od::json_type type{};
        SIMDJSON_TRY(value.type().get(type));
        FieldIndex k = kUnknownField;
        SIMDJSON_TRY(keys.index(field, hint, k));
        SIMDJSON_TRY(fn(k, value, type));
    }
    return simdjson::SUCCESS;
}

/// Calls fn(element, type) for each element of the array `v`; stops at the first error.
template <typename Fn>
simdjson::error_code for_each_element(od::value& v, Fn&& fn) {
    od::array array;
    SIMDJSON_TRY(v.get_array().get(array));
    for (auto item : array) {
        od::value element;
        SIMDJSON_TRY(item.get(element));
        od::json_type type{};
        SIMDJSON_TRY(element.type().get(type));
        SIMDJSON_TRY(fn(element, type));
    }
    return simdjson::SUCCESS;
}

}  // namespace tsur::net::v1
