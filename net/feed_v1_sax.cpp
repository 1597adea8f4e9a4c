// SAX event handling of the v1 parser: which field a value belongs to, and skipping values
// nobody reads, with an explicit stack (no recursion, so deep nesting cannot overflow).
#include "net/feed_v1_sax.hpp"

#include <limits>
#include <optional>

namespace tsur::net::v1 {

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::absent: return "nothing";
        case Kind::null: return "null";
        case Kind::boolean: return "a boolean";
        case Kind::number: return "a number";
        case Kind::string: return "a string";
        case Kind::compound: return "an object or array";
    }
    return "?";
}

std::string quoted(std::string text) {
    clean_text(text, 60);
    return "\"" + text + "\"";
}

FieldIndex FeedSax::lookup_key(std::string_view k) const {
    if (stack_.empty()) return kUnknownField;
    switch (stack_.back()) {
        case Ctx::top: return field_index(kTopFields, k);
        case Ctx::region: return field_index(kRegionFields, k);
        case Ctx::incident: return field_index(kIncidentFields, k);
        case Ctx::history: return field_index(kHistoryFields, k);
        case Ctx::series: return field_index(kSeriesFields, k);
        case Ctx::risk: return field_index(kRiskFields, k);
        default: return kUnknownField;
    }
}

RawValue* FeedSax::slot_for_key() {
    if (key_ == kUnknownField || stack_.empty()) return nullptr;
    const auto i = static_cast<std::size_t>(key_);
    switch (stack_.back()) {
        case Ctx::top: return &top_[i];
        case Ctx::region: return &region_fields_[i];
        case Ctx::incident: return &incident_.fields[i];
        case Ctx::history: return &history_fields_[i];
        case Ctx::series: return &series_.back().fields[i];
        case Ctx::risk: return &risk_.fields[i];
        default: return nullptr;
    }
}

void FeedSax::store(RawValue* slot, Kind kind, std::string* text) {
    if (slot == nullptr) return;
    slot->kind = kind;
    slot->integral = number_.integral;
    slot->negative = number_.negative;
    slot->number = number_.value;
    slot->unsigned_value = number_.unsigned_value;
    // Swapping hands the lexer our old buffer to reuse: no allocation per string in steady state.
    if (text != nullptr) slot->text.swap(*text);
}

bool FeedSax::scalar(Kind kind, std::string* text) {
    if (skip_depth_ > 0) return true;
    if (stack_.empty()) {
        error_ = "feed: the body must be a JSON object, got " + std::string(kind_name(kind));
        return false;
    }
    switch (stack_.back()) {
        case Ctx::incidents: counter_.add(Reason::not_an_object); break;
        case Ctx::series_list: ++bad_series_elements_; break;
        case Ctx::risks: counter_.add(Reason::bad_risk); break;
        case Ctx::counts: {
            auto& s = series_.back();
            const bool ok = kind == Kind::number && number_.integral && !number_.negative &&
                            number_.unsigned_value <= std::numeric_limits<std::uint32_t>::max();
            if (ok) s.counts.push_back(static_cast<std::uint32_t>(number_.unsigned_value));
            s.counts_ok = s.counts_ok && ok;
            break;
        }
        default: store(slot_for_key(), kind, text); break;
    }
    number_ = {};
    return true;
}

bool FeedSax::open(bool is_object) {
    if (skip_depth_ > 0) {
        ++skip_depth_;
        return true;
    }
    if (stack_.empty()) {
        if (!is_object) {
            error_ = "feed: the body must be a JSON object, got an array";
            return false;
        }
        stack_.push_back(Ctx::top);
        return true;
    }
    const Ctx ctx = stack_.back();
    std::optional<Ctx> enter;
    if (ctx == Ctx::top && key_ == t_region && is_object) {
        region_object_ = true;
        enter = Ctx::region;
    } else if (ctx == Ctx::top && key_ == t_incidents && !is_object) {
        incidents_array_ = true;
        enter = Ctx::incidents;
    } else if (ctx == Ctx::top && key_ == t_history && is_object) {
        history_object_ = true;
        enter = Ctx::history;
    } else if (ctx == Ctx::top && key_ == t_risks && !is_object) {
        risks_array_ = true;
        enter = Ctx::risks;
    } else if (ctx == Ctx::incidents && is_object) {
        incident_.reset();
        enter = Ctx::incident;
    } else if (ctx == Ctx::history && key_ == h_series && !is_object) {
        series_array_ = true;
        enter = Ctx::series_list;
    } else if (ctx == Ctx::series_list && is_object) {
        series_.emplace_back();
        enter = Ctx::series;
    } else if (ctx == Ctx::series && key_ == s_counts && !is_object) {
        auto& s = series_.back();
        s.counts.clear();
        s.counts_ok = true;
        s.fields[s_counts].kind = Kind::compound;
        enter = Ctx::counts;
    } else if (ctx == Ctx::risks && is_object) {
        for (auto& f : risk_.fields) f.kind = Kind::absent;
        enter = Ctx::risk;
    }
    if (enter) {
        if (ctx == Ctx::top) top_[static_cast<std::size_t>(key_)].kind = Kind::compound;
        stack_.push_back(*enter);
        return true;
    }
    // A value of the wrong shape: remember that the field was there, then skip its contents.
    switch (ctx) {
        case Ctx::incidents: counter_.add(Reason::not_an_object); break;
        case Ctx::series_list: ++bad_series_elements_; break;
        case Ctx::risks: counter_.add(Reason::bad_risk); break;
        case Ctx::counts: series_.back().counts_ok = false; break;
        default: store(slot_for_key(), Kind::compound, nullptr); break;
    }
    skip_depth_ = 1;
    return true;
}

bool FeedSax::close() {
    if (skip_depth_ > 0) {
        --skip_depth_;
        return true;
    }
    const Ctx ctx = stack_.back();
    stack_.pop_back();
    if (ctx == Ctx::incident) {
        model::Incident incident;
        // as_of may still be ahead in the body: the future check runs once the body is read.
        if (const auto reason = build_incident(incident_, municipalities_, std::nullopt,
                                                   incident)) {
            counter_.add(*reason);
        } else {
            doc_.incidents.push_back(std::move(incident));
        }
    } else if (ctx == Ctx::risk) {
        if (auto entry = build_risk(risk_)) {
            doc_.risks.push_back(std::move(*entry));
        } else {
            counter_.add(Reason::bad_risk);
        }
    }
    return true;
}

}  // namespace tsur::net::v1
