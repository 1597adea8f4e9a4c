// Hand-written JSON output for large documents: nlohmann's DOM would triple the memory of a feed.
#include "demo/json_text.hpp"

#include <charconv>
#include <chrono>

namespace tsur::net {

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (u < 0x20) {
                    out += "\\u00";
                    out.push_back(kHex[u >> 4]);
                    out.push_back(kHex[u & 0xF]);
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

void append_fixed(std::string& out, double value, int decimals) {
    char buf[64];
    const auto res =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    out.append(buf, res.ptr);
}

void append_int(std::string& out, long long value) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

void append_rfc3339_quoted(std::string& out, model::TimePoint t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    const auto secs = static_cast<int>((t - days).count());
    const int year = static_cast<int>(ymd.year());
    const auto month = static_cast<unsigned>(ymd.month());
    const auto day = static_cast<unsigned>(ymd.day());
    const int fields[] = {secs / 3600, (secs / 60) % 60, secs % 60};
    char buf[24] = {'"',
                    static_cast<char>('0' + year / 1000 % 10),
                    static_cast<char>('0' + year / 100 % 10),
                    static_cast<char>('0' + year / 10 % 10),
                    static_cast<char>('0' + year % 10),
                    '-',
                    static_cast<char>('0' + month / 10),
                    static_cast<char>('0' + month % 10),
                    '-',
                    static_cast<char>('0' + day / 10),
                    static_cast<char>('0' + day % 10),
                    'T'};
    std::size_t pos = 12;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) buf[pos++] = ':';
        buf[pos++] = static_cast<char>('0' + fields[i] / 10);
        buf[pos++] = static_cast<char>('0' + fields[i] % 10);
    }
    buf[pos++] = 'Z';
    buf[pos++] = '"';
    out.append(buf, pos);
}

}  // namespace tsur::net
