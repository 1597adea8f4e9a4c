// The walk of the v1 parser over simdjson's On-Demand view: the document, its scalars and its
// incidents and risks (history: feed_v1_reader_history.cpp). Values nobody reads are validated
// too, since On-Demand alone would only skip over them.
#include "formats/feed_v1_reader.hpp"

#include <limits>
#include <optional>
#include <utility>

#include "formats/feed_v1_values.hpp"
#include "model/ascii_text.hpp"

namespace tsur::net::v1 {

using simdjson::error_code;
using simdjson::SUCCESS;

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::absent:
            return "nothing";
        case Kind::null:
            return "null";
        case Kind::boolean:
            return "a boolean";
        case Kind::number:
            return "a number";
        case Kind::string:
            return "a string";
        case Kind::compound:
            return "an object or array";
    }
    return "?";
}

std::string quoted(std::string text) {
    clean_text(text, 60);
    return "\"" + text + "\"";
}

error_code FeedReader::fail_at(const char* where, const std::string& what) {
    const auto offset = static_cast<std::size_t>(where - buffer_.data());
    error_ = "feed: body is not valid JSON at byte " + std::to_string(offset) + ": " + what;
    return simdjson::TAPE_ERROR;
}

error_code FeedReader::read(od::document& doc) {
    od::json_type type{};
    SIMDJSON_TRY(doc.type().get(type));
    if (type != od::json_type::object) {
        Kind kind = Kind::compound;
        // The scalar must still be valid JSON: "tru" is not a boolean but a syntax error.
        switch (type) {
            case od::json_type::array:
                break;
            case od::json_type::string: {
                std::string_view s;
                SIMDJSON_TRY(doc.get_string().get(s));
                kind = Kind::string;
                break;
            }
            case od::json_type::number: {
                double d = 0;
                SIMDJSON_TRY(doc.get_double().get(d));
                kind = Kind::number;
                break;
            }
            case od::json_type::boolean: {
                bool b = false;
                SIMDJSON_TRY(doc.get_bool().get(b));
                kind = Kind::boolean;
                break;
            }
            case od::json_type::null: {
                bool is_null = false;
                SIMDJSON_TRY(doc.is_null().get(is_null));
                if (!is_null) return simdjson::INCORRECT_TYPE;
                kind = Kind::null;
                break;
            }
            case od::json_type::object:
                break;
        }
        error_ = "feed: the body must be a JSON object, got " +
                 std::string(kind == Kind::compound ? "an array" : kind_name(kind));
        return simdjson::INCORRECT_TYPE;
    }
    od::object top;
    SIMDJSON_TRY(doc.get_object().get(top));
    SIMDJSON_TRY(read_top(top));
    // Anything but the end after the object (3.0 has no document::at_end()).
    const char* rest = nullptr;
    if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
        return simdjson::TRAILING_CONTENT;
    }
    return SUCCESS;
}

error_code FeedReader::read_top(od::object& top) {
    std::size_t hint = 0;
    for (auto item : top) {
        od::field field;
        SIMDJSON_TRY(std::move(item).get(field));
        od::value& v = field.value();
        od::json_type type{};
        SIMDJSON_TRY(v.type().get(type));
        FieldIndex k = kUnknownField;
        SIMDJSON_TRY(top_keys_.index(field, hint, k));
        if (k == t_region && type == od::json_type::object) {
            region_object_ = true;
            top_[t_region].kind = Kind::compound;
            SIMDJSON_TRY(read_fields(v, region_keys_, region_fields_));
        } else if (k == t_incidents && type == od::json_type::array) {
            incidents_array_ = true;
            top_[t_incidents].kind = Kind::compound;
            SIMDJSON_TRY(read_incidents(v));
        } else if (k == t_history && type == od::json_type::object) {
            history_object_ = true;
            top_[t_history].kind = Kind::compound;
            SIMDJSON_TRY(read_history(v));
        } else if (k == t_risks && type == od::json_type::array) {
            risks_array_ = true;
            top_[t_risks].kind = Kind::compound;
            SIMDJSON_TRY(read_risks(v));
        } else if (k == t_municipalities && type == od::json_type::array) {
            municipalities_array_ = true;
            top_[t_municipalities].kind = Kind::compound;
            SIMDJSON_TRY(read_municipalities(v));
        } else {
            // A value of the wrong shape: remember that the field was there, as what.
            SIMDJSON_TRY(read_value(
                v, type, k == kUnknownField ? nullptr : &top_[static_cast<std::size_t>(k)]));
        }
    }
    return SUCCESS;
}

error_code FeedReader::read_number(od::value& v, Number& out) {
    const std::string_view token = v.raw_json_token();
    // Not get_number(): in simdjson 3.0.1 it gives 0 for a fraction of more than 19 digits.
    od::number_type type{};
    if (v.get_number_type().get(type) == SUCCESS) {
        if (type == od::number_type::signed_integer) {
            std::int64_t i = 0;
            if (v.get_int64().get(i) == SUCCESS) {
                out = {true, i < 0, static_cast<double>(i),
                       i < 0 ? 0 : static_cast<std::uint64_t>(i)};
                return SUCCESS;
            }
        } else if (type == od::number_type::unsigned_integer) {
            std::uint64_t u = 0;
            if (v.get_uint64().get(u) == SUCCESS) {
                out = {true, false, static_cast<double>(u), u};
                return SUCCESS;
            }
        }
    }
    // Fractions, exponents and integers past 64 bits are doubles (as nlohmann read them too).
    double d = 0;
    std::optional<double> slow;
    if (v.get_double().get(d) == SUCCESS ||
        (slow = read_long_exponent(model::trim_ascii(token))).has_value()) {
        if (slow) d = *slow;
        out = {false, d < 0, d, 0};
        return SUCCESS;
    }
    return fail_at(token.data(), "cannot read the number '" +
                                     std::string(model::trim_ascii(token).substr(0, 40)) +
                                     "': malformed, or out of the range of a double");
}

error_code FeedReader::read_value(od::value& v, od::json_type type, RawValue* slot) {
    Number number;
    Kind kind = Kind::compound;
    std::string_view text;
    switch (type) {
        case od::json_type::string:
            SIMDJSON_TRY(v.get_string().get(text));
            kind = Kind::string;
            break;
        case od::json_type::number:
            SIMDJSON_TRY(read_number(v, number));
            kind = Kind::number;
            break;
        case od::json_type::boolean: {
            bool b = false;
            SIMDJSON_TRY(v.get_bool().get(b));
            kind = Kind::boolean;
            number.value = b ? 1.0 : 0.0;
            break;
        }
        case od::json_type::null: {
            bool is_null = false;
            SIMDJSON_TRY(v.is_null().get(is_null));
            if (!is_null) return simdjson::INCORRECT_TYPE;
            kind = Kind::null;
            break;
        }
        case od::json_type::array:
        case od::json_type::object:
            SIMDJSON_TRY(check_skipped(v, type));
            break;
    }
    if (slot != nullptr) {
        slot->kind = kind;
        slot->integral = number.integral;
        slot->negative = number.negative;
        slot->number = number.value;
        slot->unsigned_value = number.unsigned_value;
        if (kind == Kind::string) slot->text.assign(text);
    }
    return SUCCESS;
}

error_code FeedReader::check_skipped(od::value& v, od::json_type type) {
    std::string_view raw;
    if (type == od::json_type::array) {
        od::array a;
        SIMDJSON_TRY(v.get_array().get(a));
        SIMDJSON_TRY(a.raw_json().get(raw));
    } else {
        od::object o;
        SIMDJSON_TRY(v.get_object().get(o));
        SIMDJSON_TRY(o.raw_json().get(raw));
    }
    const auto bad = check_json_syntax(raw);
    if (!bad) return SUCCESS;
    return fail_at(raw.data() + bad->position, bad->what);
}

template <std::size_t N>
error_code FeedReader::read_fields(od::value& v, const KeyTable<N>& keys,
                                   std::array<RawValue, N>& slots) {
    return for_each_field(v, keys, [&](FieldIndex k, od::value& value, od::json_type type) {
        return read_value(value, type,
                          k == kUnknownField ? nullptr : &slots[static_cast<std::size_t>(k)]);
    });
}

error_code FeedReader::read_incidents(od::value& v) {
    return for_each_element(v, [&](od::value& element, od::json_type type) -> error_code {
        if (type != od::json_type::object) {
            counter_.add(Reason::not_an_object, {});
            return read_value(element, type, nullptr);
        }
        incident_.reset();
        SIMDJSON_TRY(read_fields(element, incident_keys_, incident_.fields));
        model::Incident incident;
        // as_of may still be ahead in the body: the future check runs once the body is read.
        if (const auto reason =
                build_incident(incident_, municipalities_, std::nullopt, incident)) {
            const RawValue& id = incident_.fields[f_id];
            counter_.add(*reason, id.is_string() ? std::string_view(id.text) : std::string_view());
        } else {
            doc_.incidents.push_back(std::move(incident));
        }
        return SUCCESS;
    });
}

error_code FeedReader::read_risks(od::value& v) {
    return for_each_element(v, [&](od::value& element, od::json_type type) -> error_code {
        if (type != od::json_type::object) {
            counter_.add(Reason::bad_risk);
            return read_value(element, type, nullptr);
        }
        for (auto& f : risk_.fields) f.kind = Kind::absent;
        SIMDJSON_TRY(read_fields(element, risk_keys_, risk_.fields));
        if (auto entry = build_risk(risk_)) {
            doc_.risks.push_back(std::move(*entry));
        } else {
            counter_.add(Reason::bad_risk);
        }
        return SUCCESS;
    });
}

error_code FeedReader::read_municipalities(od::value& v) {
    return for_each_element(v, [&](od::value& element, od::json_type type) -> error_code {
        if (type != od::json_type::object) {
            municipality_block_.add_not_an_object(counter_);
            return read_value(element, type, nullptr);
        }
        for (auto& f : municipality_.fields) f.kind = Kind::absent;
        SIMDJSON_TRY(read_fields(element, municipality_keys_, municipality_.fields));
        municipality_block_.add(municipality_, counter_);
        return SUCCESS;
    });
}

}  // namespace tsur::net::v1
