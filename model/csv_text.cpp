// Quoting follows RFC 4180 except that a field may not span lines (see csv_text.hpp).
#include "model/csv_text.hpp"

#include <charconv>

namespace tsur::model {

std::optional<CsvLine> split_csv_line(std::string_view line) {
    CsvLine out;
    std::string field;
    std::size_t i = 0;
    bool quoted = false;
    bool after_quote = false;
    while (i < line.size()) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                field.push_back(c);
            }
        } else if (c == ',') {
            out.fields.push_back(std::move(field));
            field.clear();
            after_quote = false;
        } else if (c == '"' && field.empty() && !after_quote) {
            quoted = true;
        } else if (after_quote) {
            return std::nullopt;  // text after a closing quote: the row is malformed
        } else {
            field.push_back(c);
        }
        ++i;
    }
    if (quoted) return std::nullopt;
    out.fields.push_back(std::move(field));
    return out;
}

std::optional<std::int64_t> parse_count(std::string_view s) {
    std::int64_t v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc{} || res.ptr != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

std::string where(std::string_view file, std::size_t line) {
    return std::string(file) + ":" + std::to_string(line) + ": ";
}

std::string_view next_line(std::string_view text, std::size_t& pos) {
    const std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

Result<CsvHeader> read_csv_header(std::string_view& csv, std::size_t& pos,
                                  std::span<const std::string_view> wanted,
                                  std::string_view file_name, std::string_view expected) {
    if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // spreadsheet exports add a BOM
    auto line = split_csv_line(next_line(csv, pos));
    if (!line) return Error{where(file_name, 1) + "malformed header (unbalanced quotes)"};
    CsvHeader header{std::move(*line), {}};
    for (const std::string_view name : wanted) {
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < header.line.fields.size(); ++i) {
            if (header.line.fields[i] == name) found = i;
        }
        if (!found) {
            return Error{where(file_name, 1) + "header lacks column '" + std::string(name) +
                         "' (expected " + std::string(expected) + ")"};
        }
        header.columns.push_back(*found);
    }
    return header;
}

}  // namespace tsur::model
