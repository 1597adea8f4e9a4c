// A small RFC 4180 reader for the asset tables (municipalities, population): one physical line
// per row, errors located by file and line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsur::model {

struct CsvLine {
    std::vector<std::string> fields;
};

/// Splits one physical line into fields; quoted fields may hold commas and doubled quotes but
/// not line breaks (no asset needs them, and refusing them keeps line numbers honest). Nullopt
/// for a malformed line.
std::optional<CsvLine> split_csv_line(std::string_view line);

/// Returns the next line (without its terminator, CRLF tolerated) and advances `pos` past it.
std::string_view next_line(std::string_view text, std::size_t& pos);

/// A non-negative decimal integer with nothing around it.
std::optional<std::int64_t> parse_count(std::string_view s);

/// "file:line: ", the prefix of every located message.
std::string where(std::string_view file, std::size_t line);

}  // namespace tsur::model
