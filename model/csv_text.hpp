// A small RFC 4180 reader for the asset tables (municipalities, population): one physical line
// per row, errors located by file and line.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"

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

/// A table's header: its fields and, for each wanted column, its index among them.
struct CsvHeader {
    CsvLine line;
    std::vector<std::size_t> columns;  ///< same order as the names asked for
};

/// Skips a UTF-8 BOM, reads the header line of `csv` (leaving `pos` after it) and finds every
/// name of `wanted` (order free, extra columns allowed). The error names the file, line 1 and
/// the first missing column, followed by `expected` (the columns a person should write).
Result<CsvHeader> read_csv_header(std::string_view& csv, std::size_t& pos,
                                  std::span<const std::string_view> wanted,
                                  std::string_view file_name, std::string_view expected);

}  // namespace tsur::model
